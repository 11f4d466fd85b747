import { createServer, type Server, type Socket } from 'node:net';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { loadConfig } from '@ehcp/config';
import { createTestDatabase } from '../../../../test/support/test-database';
import { EventStoreTimeout } from '../event-store.errors';
import { collect, describeEventStoreContract, newEvent } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store.adapter';
import { openTestPool } from '../testing/test-pool';

const EVENTSTORE_URL = loadConfig().EVENTSTORE_URL;

if (EVENTSTORE_URL) {
  describeEventStoreContract('KurrentDB', async () => {
    const database = await createTestDatabase('es_kurrent_keys');
    const keysPool = openTestPool(database.url);
    let reads = 0;
    for (const method of ['readStream', 'readAll'] as const) {
      const original = KurrentDBClient.prototype[method] as (...args: unknown[]) => unknown;
      jest.spyOn(KurrentDBClient.prototype, method).mockImplementation(function (
        this: KurrentDBClient,
        ...args: unknown[]
      ) {
        reads += 1;
        return original.apply(this, args);
      } as never);
    }
    const store = new KurrentDbEventStore({ connectionString: EVENTSTORE_URL });
    return {
      store,
      keysPool,
      readRoundTrips: () => reads,
      rejectsIdsAfterStreamMoved: false,
      dispose: async () => {
        await store.close();
        await keysPool.end();
        await database.drop();
      },
    };
  });
} else {
  describe.skip('EventStore contract: KurrentDB — SKIPPED: set EVENTSTORE_URL to run it against a server', () => {
    it('needs EVENTSTORE_URL', () => undefined);
  });
  console.warn(
    'KurrentDB contract suite skipped: EVENTSTORE_URL is not set (no EventStoreDB server on this machine).',
  );
}

/** Accepts TCP connections and never answers: the failure STACK.md says the client hangs on. */
async function silentPeer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `kurrentdb://127.0.0.1:${port}?tls=false`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('KurrentDbEventStore against a peer that never answers', () => {
  let peer: Awaited<ReturnType<typeof silentPeer>>;
  let store: KurrentDbEventStore;

  beforeAll(async () => {
    peer = await silentPeer();
    store = new KurrentDbEventStore({
      connectionString: peer.url,
      callTimeoutMs: 300,
      maxResubscribeAttempts: 1,
    });
  });
  afterAll(async () => {
    await store.close();
    await peer.close();
  });

  it('times out appends, reads and the readiness ping instead of hanging', async () => {
    const started = Date.now();
    await expect(
      store.appendToStream('s', [newEvent()], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(EventStoreTimeout);
    await expect(collect(store.readStream('s'))).rejects.toBeInstanceOf(EventStoreTimeout);
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreTimeout);
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreTimeout);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('retries a failing subscription with backoff, then gives up with the cause', async () => {
    await expect(collect(store.subscribeToAll())).rejects.toBeInstanceOf(EventStoreTimeout);
  });
});
