import { deadlinesOf, evolve, initialState, timelineOf, type EhcpCase } from '@ehcp/domain';
import { syntheticCase } from '../testing/synthetic-caseload';
import { CASE_DEADLINE_TABLE, isRowOf, rowOf, type CaseDeadlineRow } from './case-deadline.projection';
import type { CaseChange } from './projection.types';

/** Every event of a few synthetic cases (advice, reviews, exceptions...) as the projections see it. */
function changes(): CaseChange[] {
  const all: CaseChange[] = [];
  for (let index = 0; index < 40; index += 1) {
    const caseId = `case-${index}`;
    let before = initialState;
    syntheticCase(caseId, index).forEach((event, revision) => {
      const after = evolve(before, event) as EhcpCase;
      const deadlines = deadlinesOf(after);
      all.push({ caseId, revision, event, before, after, deadlines, timeline: timelineOf(after, deadlines) });
      before = after;
    });
  }
  return all;
}

/** A value other than `value`, of a kind the column could hold. */
function other(value: unknown): unknown {
  if (typeof value === 'boolean') return !value;
  return value === null ? 'changed' : null;
}

describe('case_deadline rows: isRowOf', () => {
  const all = changes();

  it('holds for the row rowOf builds, whatever its revision', () => {
    let compared = 0;
    for (const change of all) {
      for (const deadline of change.deadlines) {
        expect(isRowOf({ ...rowOf(change, deadline), revision: -1 }, change, deadline)).toBe(true);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(all.some((change) => change.deadlines.some((d) => d.kind === 'advice'))).toBe(true);
  });

  // A column added to rowOf but not compared by isRowOf would leave a stale row unwritten.
  it('fails on a change of any column the row is not found by, the revision aside', () => {
    const change = all.find((c) => c.deadlines.some((d) => d.kind === 'advice'))!;
    const deadline = change.deadlines.find((d) => d.kind === 'advice')!;
    const row = rowOf(change, deadline);
    const columns = Object.keys(CASE_DEADLINE_TABLE.columns) as (keyof CaseDeadlineRow)[];
    expect(Object.keys(row).sort()).toEqual([...columns].sort());
    for (const column of columns.filter((c) => c !== 'id' && c !== 'revision')) {
      expect([column, isRowOf({ ...row, [column]: other(row[column]) }, change, deadline)]).toEqual([
        column,
        false,
      ]);
    }
  });
});
