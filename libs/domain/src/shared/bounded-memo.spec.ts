import { boundedMemo } from './bounded-memo';

describe('a bounded memo of a pure function', () => {
  it('works a key out once while it is remembered, and gives the same value', () => {
    const calls: number[] = [];
    const twice = boundedMemo(3, (n: number) => (calls.push(n), { n: n * 2 }));
    const first = twice(1);
    expect(twice(1)).toBe(first);
    expect(calls).toEqual([1]);
  });

  it('forgets everything once full, then works keys out again with the same results', () => {
    const calls: number[] = [];
    const square = boundedMemo(2, (n: number) => (calls.push(n), n * n));
    expect([square(1), square(2), square(3), square(1)]).toEqual([1, 4, 9, 1]);
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it('remembers an undefined or null value too', () => {
    let calls = 0;
    const nothing = boundedMemo(2, () => ((calls += 1), undefined));
    nothing('a');
    nothing('a');
    expect(calls).toBe(1);
  });
});
