import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { loadConfig } from '@ehcp/config';
import { BatchedRedisThrottlerStorage } from './batched-redis-throttler.storage';

const { REDIS_URL } = loadConfig();
const MINUTE_MS = 60_000;
const NAME = 'default';
/** Hits wait for an explicit flush(): no test depends on timing. */
const NEVER_MS = 3_600_000;

/** Real Redis (keys of this run only): two storages stand for two api instances. */
describe('BatchedRedisThrottlerStorage', () => {
  let redis: Redis;
  let other: Redis;
  let first: BatchedRedisThrottlerStorage;
  let second: BatchedRedisThrottlerStorage;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    other = new Redis(REDIS_URL);
  });
  beforeEach(() => {
    first = new BatchedRedisThrottlerStorage(redis, NEVER_MS);
    second = new BatchedRedisThrottlerStorage(other, NEVER_MS);
  });
  afterEach(() => {
    first.close();
    second.close();
  });
  afterAll(() => {
    redis.disconnect();
    other.disconnect();
  });

  const hit = async (storage: BatchedRedisThrottlerStorage, key: string, limit: number) =>
    storage.increment(key, { ttl: MINUTE_MS, limit, blockDuration: MINUTE_MS, throttlerName: NAME });
  const storedHits = async (key: string) => Number(await redis.get(`{${key}:${NAME}}:hits`));

  it('on one instance, lets exactly `limit` hits through, then blocks with the time left', async () => {
    const key = `test:${randomUUID()}`;
    const limit = 40;
    for (let i = 1; i <= limit; i += 1) {
      const record = await hit(first, key, limit);
      expect(record).toMatchObject({ totalHits: i, isBlocked: false });
    }
    const refused = await hit(first, key, limit);
    expect(refused.isBlocked).toBe(true);
    expect(refused.timeToBlockExpire).toBeGreaterThan(0);
    expect(await storedHits(key)).toBe(limit + 1);
  });

  it('sends the hits it let through unasked on the next flush, in one count', async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 10; i += 1) await hit(first, key, 1000);
    // The first hit of a window asks Redis; the nine after it far below the limit wait for the flush.
    expect(await storedHits(key)).toBe(1);
    await first.flush();
    expect(await storedHits(key)).toBe(10);
  });

  it("counts another instance's hits once they reach Redis, and its block at once", async () => {
    const key = `test:${randomUUID()}`;
    const limit = 20;
    for (let i = 0; i < 9; i += 1) await hit(first, key, limit);
    await first.flush();
    // Near half the limit, each hit asks Redis: the second instance sees the first's nine.
    expect(await hit(second, key, limit)).toMatchObject({ totalHits: 10 });
    for (let i = 0; i < limit - 10; i += 1) await hit(second, key, limit);
    expect((await hit(first, key, limit)).isBlocked).toBe(true);
    expect((await hit(second, key, limit)).isBlocked).toBe(true);
  });

  it('fails the request whose count Redis cannot take, and asks Redis again on the next', async () => {
    const key = `test:${randomUUID()}`;
    const broken = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
    const storage = new BatchedRedisThrottlerStorage(broken);
    await expect(hit(storage, key, 1000)).rejects.toThrow();
    await expect(hit(storage, key, 1000)).rejects.toThrow();
    storage.close();
    broken.disconnect();
  });
});
