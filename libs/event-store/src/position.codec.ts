import { InvalidPosition } from './event-store.errors';

/**
 * Both adapters locate an event by a pair of unsigned 64-bit numbers ordered lexicographically:
 * PostgreSQL (transaction id, global position), KurrentDB (commit, prepare). The string form is
 * URL-safe so it can travel as a `minPosition` query parameter.
 */
export interface PositionPair {
  readonly major: bigint;
  readonly minor: bigint;
}

const FORMAT = /^(0|[1-9]\d{0,19})\.(0|[1-9]\d{0,19})$/;

/** PostgreSQL builds the same string itself when it reads the log (see the adapter's columnsOf). */
export function encodePosition(pair: PositionPair): string {
  return `${pair.major}.${pair.minor}`;
}

export function decodePosition(position: string): PositionPair {
  const match = FORMAT.exec(position);
  if (!match) throw new InvalidPosition(position);
  return { major: BigInt(match[1]), minor: BigInt(match[2]) };
}

export function comparePositionPairs(a: PositionPair, b: PositionPair): number {
  if (a.major !== b.major) return a.major < b.major ? -1 : 1;
  if (a.minor !== b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
}

export function compareEncodedPositions(a: string, b: string): number {
  return comparePositionPairs(decodePosition(a), decodePosition(b));
}
