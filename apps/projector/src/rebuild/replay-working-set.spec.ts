import type { CaseStateRow } from '@ehcp/read-models';
import type { FoldedEvent } from '../engine/batch.applier';
import { ReplayWorkingSet } from './replay-working-set';

// A case that leaves memory at a flush has its last changes in that flush, which commits while the
// fold goes on: until it has, the case must come back from memory, never from the database.

describe('ReplayWorkingSet', () => {
  /** A case folded up to `revision` (the projections' rows play no part here). */
  const folded = (caseId: string, revision: number): FoldedEvent => ({
    state: { caseId, revision, eventCount: revision + 1, stateVersion: 1 } as CaseStateRow,
    changes: [],
  });

  /** Given a working set of 4 cases holding 5, each folded once: over its bound. */
  const overFull = () => {
    const cases = new ReplayWorkingSet('shadow', [], 4);
    for (const caseId of ['a', 'b', 'c', 'd', 'e']) cases.record(cases.get(caseId), folded(caseId, 0));
    return cases;
  };

  it('keeps the cases a flush lets go at hand, as they were, until the next flush', () => {
    const cases = overFull();

    // When their changes are taken for a flush, the least recently used leave (down to half the bound).
    const writes = cases.takeWrites();

    // Then the flush carries all five, and the three that left are still served from memory.
    expect(writes[0].inserted).toHaveLength(5);
    expect(cases.size).toBe(2);
    for (const caseId of ['a', 'b', 'c']) {
      expect(cases.has(caseId)).toBe(true);
      expect(cases.get(caseId).state?.revision).toBe(0);
    }
  });

  it('reads a case back from the database only once a later flush is taken (the first has committed)', () => {
    const cases = overFull();
    cases.takeWrites();

    // When the next flush is taken, after the first committed.
    cases.takeWrites();

    // Then the cases that left at the first flush are no longer in memory: `load` reads them back.
    for (const caseId of ['a', 'b', 'c']) expect(cases.has(caseId)).toBe(false);
    expect(cases.has('e')).toBe(true);
  });

  it('records the changes of a case taken back into the next flush', () => {
    const cases = overFull();
    cases.takeWrites();

    // When a case that left is folded again before the flush has committed.
    cases.record(cases.get('a'), folded('a', 1));

    // Then it is in memory again, and its new state is in the next flush.
    const [states] = cases.takeWrites();
    expect([...states.written.keys()]).toEqual(['a']);
    expect(cases.has('a')).toBe(true);
    expect(cases.get('a').state?.revision).toBe(1);
  });

  it('inserts the rows of a case new to the shadow, and upserts them once a flush has taken them', () => {
    // Given a projection's table, and a case folded for the first time: two rows, one deleted again.
    const table = {
      name: 't',
      key: 'id',
      caseKey: 'caseId',
      columns: { id: 'text', caseId: 'text' },
    } as const;
    const cases = new ReplayWorkingSet('shadow', [table], 4);
    const foldedWith = (revision: number, upserts: object[], deletes: string[]): FoldedEvent => ({
      ...folded('a', revision),
      changes: [{ projection: 0, changes: { upserts, deletes, alerts: [] } }],
    });
    cases.record(
      cases.get('a'),
      foldedWith(
        0,
        [
          { id: 'a/1', caseId: 'a' },
          { id: 'a/2', caseId: 'a' },
        ],
        [],
      ),
    );
    cases.record(cases.get('a'), foldedWith(1, [], ['a/2']));

    // When its changes are taken for the first flush.
    const [states, rows] = cases.takeWrites();

    // Then its state and its remaining row are inserted, and nothing is deleted (nothing is stored).
    expect(states.inserted.map((state) => state.caseId)).toEqual(['a']);
    expect(rows.inserted.map((row) => row.id)).toEqual(['a/1']);
    expect(states.written.size + rows.written.size + rows.deleted.size).toBe(0);

    // When it changes again after that flush: then the next one updates and deletes.
    cases.record(cases.get('a'), foldedWith(2, [{ id: 'a/3', caseId: 'a' }], ['a/1']));
    const [, next] = cases.takeWrites();
    expect([...next.written.keys()]).toEqual(['a/3']);
    expect([...next.deleted]).toEqual(['a/1']);
    expect(next.inserted).toHaveLength(0);
  });
});
