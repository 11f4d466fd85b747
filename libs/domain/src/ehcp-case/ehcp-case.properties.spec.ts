import fc from 'fast-check';
import { deadlinesOf } from '../deadlines/deadline.calculator';
import { statusOf } from '../deadlines/deadline.status';
import { DEADLINE_COUNTINGS } from '../deadlines/deadline.types';
import { plusDays } from '../shared/local-date';
import { caseWalk } from '../testing/case-walk.arbitrary';
import { replay, replayFacts } from './ehcp-case.evolve';
import { caseExists } from './ehcp-case.state';

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('properties of the case lifecycle (fast-check)', () => {
  it('decide never returns events that evolve rejects (every walk folds without InvalidEventError)', () => {
    fc.assert(fc.property(caseWalk, (walked) => walked.events.length >= 1));
  });

  it('replaying any valid event sequence through evolve twice gives the same state', () => {
    fc.assert(
      fc.property(caseWalk, ({ events, state }) => {
        expect(replay(events)).toEqual(replay(events));
        expect(replay(events)).toEqual(state);
      }),
    );
  });

  it('(2nd ed.) corrections: a case reads as if its standing facts had been recorded so in the first place', () => {
    fc.assert(
      fc.property(caseWalk, ({ state }) => {
        if (!caseExists(state)) return;
        // Everything but the history itself (which replayFacts does not keep) is derived from the facts.
        const { history: _folded, ...recorded } = replayFacts(state.history.facts) as typeof state;
        const { history, ...derived } = state;
        expect(derived).toEqual(recorded);
        const revisions = history.facts.map((f) => f.revision);
        expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
        expect(revisions.every((revision) => revision <= history.revision)).toBe(true);
      }),
    );
  });

  it('due dates never precede their clock start, in both countings', () => {
    fc.assert(
      fc.property(caseWalk, fc.constantFrom(...DEADLINE_COUNTINGS), ({ state }, counting) =>
        deadlinesOf(state, { counting }).every((deadline) => deadline.dueOn >= deadline.startsOn),
      ),
    );
  });

  it('met and cancellation dates never precede the clock start; a met deadline is never cancelled', () => {
    fc.assert(
      fc.property(caseWalk, ({ state }) =>
        deadlinesOf(state).every(
          (d) =>
            (d.metOn === null || d.metOn >= d.startsOn) &&
            (d.cancelledOn === null || d.cancelledOn >= d.startsOn) &&
            !(d.cancelled && d.metOn !== null) &&
            d.cancelled === (d.cancelledOn !== null),
        ),
      ),
    );
  });

  it('deadline ids are unique within a case', () => {
    fc.assert(
      fc.property(caseWalk, ({ state }) => {
        const ids = deadlinesOf(state).map((deadline) => deadline.id);
        return new Set(ids).size === ids.length;
      }),
    );
  });

  it('a deadline of a walked case is met_late exactly when met after its due date', () => {
    fc.assert(
      fc.property(caseWalk, fc.integer({ min: -400, max: 400 }), ({ state, today }, shift) =>
        deadlinesOf(state).every(
          (d) =>
            (statusOf(d, plusDays(today, shift)).status === 'met_late') ===
            (!d.cancelled && d.metOn !== null && d.metOn > d.dueOn),
        ),
      ),
    );
  });

  it('any deadline is met_late exactly when met after its due date', () => {
    fc.assert(
      fc.property(isoDate, fc.option(isoDate), fc.boolean(), isoDate, (dueOn, metOn, cancelled, asOf) => {
        const { status } = statusOf({ dueOn, metOn, cancelled }, asOf);
        return (status === 'met_late') === (!cancelled && metOn !== null && metOn > dueOn);
      }),
    );
  });
});
