import { CaseDeadlineRows } from './case-deadline.rows';

const row = (id: string) => ({ id });

describe('case_deadline rows taken by deadline id', () => {
  it('Given rows in the order of the deadlines, When each is taken, Then each is its own and none is left', () => {
    const rows = ['c1/a', 'c1/b', 'c1/b-1'].map(row);
    const current = new CaseDeadlineRows(rows, 'c1');
    expect(['a', 'b', 'b-1'].map((id) => current.take(id))).toEqual(rows);
    expect(current.rest()).toEqual([]);
  });

  it('Given rows in another order, with one no deadline names, When taken, Then each is found and the other is left', () => {
    const rows = ['c1/b', 'c1/gone', 'c1/a', 'c1/advice-x'].map(row);
    const current = new CaseDeadlineRows(rows, 'c1');
    expect(current.take('a')).toBe(rows[2]);
    expect(current.take('advice-x')).toBe(rows[3]);
    expect(current.take('b')).toBe(rows[0]);
    expect(current.take('new')).toBeUndefined();
    expect(current.rest()).toEqual([rows[1]]);
  });

  it('Given a row taken, When its deadline id is taken again, Then it is not given twice', () => {
    const rows = ['c1/a'].map(row);
    const current = new CaseDeadlineRows(rows, 'c1');
    expect(current.take('a')).toBe(rows[0]);
    expect(current.take('a')).toBeUndefined();
  });

  it('Given a row in place whose id only ends like the deadline id, When taken, Then the right row is', () => {
    // Same length and ending as 'c1/ab': another case's id, or the case's without the '/'.
    for (const lookalike of ['c2/ab', 'c1xab']) {
      const current = new CaseDeadlineRows([lookalike, 'c1/ab'].map(row), 'c1');
      expect(current.take('ab')).toEqual(row('c1/ab'));
      expect(current.rest()).toEqual([row(lookalike)]);
    }
  });
});
