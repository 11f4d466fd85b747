import { types } from 'pg';
import { FAST_TIMESTAMP_TYPES, parseTimestamptz } from './timestamp.parser';

// pg's own parser is the reference: a recorded event's recordedAt must not change by a millisecond.
const pgParse = types.getTypeParser(1184, 'text') as (text: string) => Date;

describe('parseTimestamptz', () => {
  /** A deterministic spread of instants and of how PostgreSQL may print them. */
  const samples = (): string[] => {
    const out: string[] = [];
    let seed = 18;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const pad = (value: number, length: number) => String(value).padStart(length, '0');
    for (let index = 0; index < 5_000; index += 1) {
      const fraction = ['', `.${pad(next(1_000_000), 6)}`.slice(0, 1 + next(7))][next(2)];
      const offset = ['+00', '-05', '+01', '+05:30', '-03:30', '+14'][next(6)];
      out.push(
        `${pad(1900 + next(200), 4)}-${pad(1 + next(12), 2)}-${pad(1 + next(28), 2)} ` +
          `${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}${fraction === '.' ? '' : fraction}${offset}`,
      );
    }
    return out;
  };

  it('gives the same Date as pg for every timestamptz PostgreSQL prints', () => {
    for (const text of samples())
      expect([text, parseTimestamptz(text).getTime()]).toEqual([text, pgParse(text).getTime()]);
  });

  it('leaves what it does not read by position to pg: early years, BC, infinity, offsets in seconds', () => {
    for (const text of [
      '0099-03-01 10:00:00+00',
      '2020-01-01 00:00:00+00 BC',
      'infinity',
      '-infinity',
      '1900-01-01 00:00:00+00:01:15',
      '2026-02-30 10:00:00+00',
    ])
      expect([text, Number(parseTimestamptz(text))]).toEqual([text, Number(pgParse(text))]);
  });

  it('is what a query gets for timestamptz, and pg parser for other types', () => {
    expect(FAST_TIMESTAMP_TYPES.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(FAST_TIMESTAMP_TYPES.getTypeParser(25, 'text')).toBe(types.getTypeParser(25, 'text'));
  });
});
