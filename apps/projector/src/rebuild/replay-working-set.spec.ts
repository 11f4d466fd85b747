import type { CaseStateRow } from '@ehcp/read-models';
import type { FoldedEvent } from '../engine/batch.applier';
import { ReplayWorkingSet, type LogPoint } from './replay-working-set';

// A case that leaves memory at a flush has its last changes in that flush, which commits while the
// fold goes on: until it has, the case must come back from memory, never from the database.

describe('ReplayWorkingSet', () => {
  /** A case folded up to `revision` (the projections' rows play no part here). */
  const folded = (caseId: string, revision: number): FoldedEvent => ({
    state: { caseId, revision, eventCount: revision + 1, stateVersion: 1 } as CaseStateRow,
    changes: [],
  });

  /** Where the log stood after `events` events, each at the position of its number. */
  const after = (events: number): LogPoint => ({ position: events === 0 ? null : String(events), events });

  /** Given a working set of 4 cases holding 5, each folded once, in turn: over its bound. */
  const overFull = () => {
    const cases = new ReplayWorkingSet('shadow', [], 4);
    for (const [index, caseId] of ['a', 'b', 'c', 'd', 'e'].entries())
      cases.record(cases.get(caseId), folded(caseId, 0), after(index));
    return cases;
  };

  it('keeps the cases a flush lets go at hand, as they were, until the next flush', () => {
    const cases = overFull();

    // When changes are taken for a flush, the least recently used leave (down to half the bound).
    const { writes } = cases.takeWrites(false);

    // Then the flush carries the three that left, which are still served from memory.
    expect(writes[0].inserted.map((state) => state.caseId)).toEqual(['a', 'b', 'c']);
    expect(cases.size).toBe(2);
    for (const caseId of ['a', 'b', 'c']) {
      expect(cases.has(caseId)).toBe(true);
      expect(cases.get(caseId).state?.revision).toBe(0);
    }
  });

  it('holds back the changes of the cases that stay, and says where the log stood before the earliest', () => {
    const cases = overFull();

    // When changes are taken for a flush that is not the last.
    const { writes, heldSince } = cases.takeWrites(false);

    // Then d and e, which stay in memory, are not written: the checkpoint may not pass d's event.
    expect(writes[0].inserted.map((state) => state.caseId)).not.toContain('d');
    expect(heldSince).toEqual(after(3));

    // When the last flush is taken, then it writes them, and holds nothing back.
    const last = cases.takeWrites(true);
    expect(last.writes[0].inserted.map((state) => state.caseId)).toEqual(['d', 'e']);
    expect(last.heldSince).toBeUndefined();
  });

  it('reads a case back from the database only once a later flush is taken (the first has committed)', () => {
    const cases = overFull();
    cases.takeWrites(false);

    // When the next flush is taken, after the first committed.
    cases.takeWrites(false);

    // Then the cases that left at the first flush are no longer in memory: `load` reads them back.
    for (const caseId of ['a', 'b', 'c']) expect(cases.has(caseId)).toBe(false);
    expect(cases.has('e')).toBe(true);
  });

  it('records the changes of a case taken back into the next flush', () => {
    const cases = overFull();
    cases.takeWrites(false);

    // When a case that left is folded again before the flush has committed.
    cases.record(cases.get('a'), folded('a', 1), after(5));

    // Then it is in memory again, and its new state is in the next flush.
    const {
      writes: [states],
    } = cases.takeWrites(true);
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
      after(0),
    );
    cases.record(cases.get('a'), foldedWith(1, [], ['a/2']), after(1));

    // When its changes are taken for the first flush.
    const {
      writes: [states, rows],
    } = cases.takeWrites(true);

    // Then its state and its remaining row are inserted, and nothing is deleted (nothing is stored).
    expect(states.inserted.map((state) => state.caseId)).toEqual(['a']);
    expect(rows.inserted.map((row) => row.id)).toEqual(['a/1']);
    expect(states.written.size + rows.written.size + rows.deleted.size).toBe(0);

    // When it changes again after that flush: then the next one updates and deletes.
    cases.record(cases.get('a'), foldedWith(2, [{ id: 'a/3', caseId: 'a' }], ['a/1']), after(2));
    const {
      writes: [, next],
    } = cases.takeWrites(true);
    expect([...next.written.keys()]).toEqual(['a/3']);
    expect([...next.deleted]).toEqual(['a/1']);
    expect(next.inserted).toHaveLength(0);
  });
});
