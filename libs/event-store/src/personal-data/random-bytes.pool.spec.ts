import { RandomBytesPool } from './random-bytes.pool';

describe('RandomBytesPool', () => {
  it('hands out distinct bytes across refills', () => {
    const pool = new RandomBytesPool(64);
    const taken = Array.from({ length: 100 }, () => pool.take(12).toString('hex'));
    expect(new Set(taken).size).toBe(taken.length);
  });

  it('hands each filled byte out once, in order, and refills only when too few are left', () => {
    let fills = 0;
    const counting = (buffer: Buffer) => {
      fills += 1;
      buffer.forEach((_, index) => (buffer[index] = (fills * 32 + index) % 256));
    };
    const pool = new RandomBytesPool(32, counting);
    expect([...pool.take(12)]).toEqual([...Array(12).keys()].map((i) => 32 + i));
    expect([...pool.take(12)]).toEqual([...Array(12).keys()].map((i) => 44 + i));
    // 8 bytes left: a request for 12 refills rather than reuse or straddle.
    expect([...pool.take(12)]).toEqual([...Array(12).keys()].map((i) => 64 + i));
    expect(fills).toBe(2);
  });

  it('zeroes what it hands out, and the caller owns its copy', () => {
    let memory: Buffer = Buffer.alloc(0);
    const pool = new RandomBytesPool(32, (buffer) => {
      buffer.fill(0xab);
      memory = buffer;
    });
    const key = pool.take(16);
    expect([...memory.subarray(0, 16)]).toEqual(Array(16).fill(0));
    expect([...memory.subarray(16)]).toEqual(Array(16).fill(0xab));
    expect([...key]).toEqual(Array(16).fill(0xab));
    key.fill(1);
    expect([...pool.take(16)]).toEqual(Array(16).fill(0xab));
  });

  it('refuses more than one pool at a time', () => {
    expect(() => new RandomBytesPool(32).take(33)).toThrow(RangeError);
  });
});
