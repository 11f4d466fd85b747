import fc from 'fast-check';
import { InvalidPosition } from './event-store.errors';
import { compareEncodedPositions, decodePosition, encodePosition } from './position.codec';

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const pair = fc.record({ major: u64, minor: u64 });

describe('position codec', () => {
  it('round-trips every pair of unsigned 64-bit numbers', () => {
    fc.assert(fc.property(pair, (p) => expect(decodePosition(encodePosition(p))).toEqual(p)));
  });

  it('orders by the first number, then the second (never by the string)', () => {
    fc.assert(
      fc.property(pair, pair, (a, b) => {
        const expected =
          a.major === b.major ? Math.sign(Number(a.minor - b.minor)) : a.major < b.major ? -1 : 1;
        expect(compareEncodedPositions(encodePosition(a), encodePosition(b))).toBe(expected);
      }),
    );
    expect(compareEncodedPositions('9.1', '10.0')).toBeLessThan(0);
  });

  it.each(['', '1', '1.', '.1', '01.2', '1.2.3', '-1.2', 'a.b', '1.2 ', '123456789012345678901.1'])(
    'refuses %j',
    (position) => expect(() => decodePosition(position)).toThrow(InvalidPosition),
  );
});
