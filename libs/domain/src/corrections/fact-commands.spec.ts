import fc from 'fast-check';
import { decideRecordedFact } from '../ehcp-case/ehcp-case.decider';
import { evolveFact } from '../ehcp-case/ehcp-case.evolve';
import { caseExists, initialState, type EhcpCaseState } from '../ehcp-case/ehcp-case.state';
import type { FactEvent } from '../ehcp-case/ehcp-case.events';
import { on } from '../testing/case-events';
import { caseWalk } from '../testing/case-walk.arbitrary';
import { commandOf } from './fact-commands';

// What a correction's check of the corrected history relies on: the command that recorded a fact,
// decided again on the facts before it (as recorded: `decideRecordedFact`), records that very fact.

describe('commandOf', () => {
  it('re-decides every standing fact of any walked case into itself (fast-check)', () => {
    fc.assert(
      fc.property(caseWalk, ({ state, today }) => {
        if (!caseExists(state)) return;
        let before: EhcpCaseState = initialState;
        for (const { event } of state.history.facts) {
          const recorded = commandOf(event, today);
          if (recorded !== null) expect(decideRecordedFact(recorded, before)).toEqual([event]);
          before = evolveFact(before, event);
        }
      }),
    );
  });

  it('leaves the request to its field checks: its personal data is not in the state', () => {
    expect(commandOf(on.requestReceived() as FactEvent, '2027-01-01')).toBeNull();
  });

  it("decides a phase transfer and an erasure on the day they were recorded, not the correction's", () => {
    expect(
      commandOf(on.transferPlanned('tr-1', 'post16', 2028, '2026-03-01') as FactEvent, '2027-12-31'),
    ).toMatchObject({
      today: '2026-03-01',
    });
    expect(commandOf(on.erased('2027-07-01') as FactEvent, '2027-12-31')).toMatchObject({
      today: '2027-07-01',
    });
  });
});
