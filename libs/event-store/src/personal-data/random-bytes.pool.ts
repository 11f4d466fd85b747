import { randomFillSync } from 'node:crypto';

/** A refill serves 146 new cases (a 32-byte data key and two 12-byte IVs each). */
const POOL_BYTES = 8192;

/**
 * CSPRNG bytes handed out from a buffer filled in one call, as Node's randomUUID does: each
 * randomBytes call is a separate trip into OpenSSL, and a new case needs three (a data key, two IVs).
 * Each byte is handed out once: copied into a buffer of its own, then zeroed in the pool, so no key
 * material stays behind and no IV can repeat.
 */
export class RandomBytesPool {
  private readonly pool: Buffer;
  private offset: number;

  constructor(
    private readonly size = POOL_BYTES,
    private readonly fill: (pool: Buffer) => void = randomFillSync,
  ) {
    this.pool = Buffer.alloc(size);
    this.offset = size;
  }

  take(count: number): Buffer {
    if (count > this.size) throw new RangeError(`at most ${this.size} random bytes at a time`);
    if (this.offset + count > this.size) {
      this.fill(this.pool);
      this.offset = 0;
    }
    const end = this.offset + count;
    const bytes = Buffer.alloc(count);
    this.pool.copy(bytes, 0, this.offset, end);
    this.pool.fill(0, this.offset, end);
    this.offset = end;
    return bytes;
  }
}
