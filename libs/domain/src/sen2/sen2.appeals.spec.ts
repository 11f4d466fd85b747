import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { sen2Of } from './sen2.calculator';
import { NO_SEN2_COUNTS, sen2FiguresOf } from './sen2.figures';
import { timelineOf, type CaseTimeline } from './sen2.timeline';

// (2nd ed.) DOMAIN.md "Which plans count": DfE's timeliness measures cover assessments "where no
// mediation or tribunal has taken place" (EHC plans data guidance, 2024). The events come from the
// appeal and mediation commands; the plan is left out and counted in plans_excluded_appeal.

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const NOTHING = sen2FiguresOf(NO_SEN2_COUNTS);
const timeline = (events: readonly EhcpCaseEvent[]): CaseTimeline => {
  const found = timelineOf(replay(events));
  if (found === null) throw new Error('no case');
  return found;
};
/** The worked case's plan (request 1 Sep 2025, plan 12 Jan 2026: within 20 weeks) with `extra` before its issue. */
const planWith = (...extra: EhcpCaseEvent[]) => [
  ...history.draftIssued,
  ...extra,
  on.finalIssued('2026-01-12'),
];

describe('(2nd ed.) SEN2: plans left out after an appeal or a mediation (DfE EHC plans data guidance 2024)', () => {
  it('refusal to assess, appeal, order to assess on 2 Mar 2026, plan issued 1 Jun 2026: counted in plans_excluded_appeal only', () => {
    const events = [
      ...history.orderedToAssess,
      on.assessed('2026-03-10'),
      on.toIssue('2026-04-20'),
      on.draftIssued('2026-04-27'),
      on.finalIssued('2026-06-01'),
    ];
    expect(timeline(events)).toMatchObject({
      firstFinalPlanIssuedOn: '2026-06-01',
      appealOrMediationBeforePlan: true,
    });
    expect(sen2Of([timeline(events)], YEAR)).toEqual({ ...NOTHING, plans_excluded_appeal: 1 });
  });

  it('"not issue", appeal, order to make a plan: the plan is left out too', () => {
    const events = [
      ...history.notIssued,
      on.appealLodged('app-1', 'not_issue', '2026-01-10'),
      on.appealDecided('app-1', 'conceded', '2026-02-02'),
      on.toIssue('2026-02-02'),
      on.draftIssued('2026-02-16'),
      on.finalIssued('2026-03-16'),
    ];
    expect(sen2Of([timeline(events)], YEAR)).toEqual({ ...NOTHING, plans_excluded_appeal: 1 });
  });

  it('an appeal against the refusal, whatever its outcome (dismissed, then the LA assesses anyway), leaves the plan out', () => {
    const events = [
      ...history.appealed,
      on.appealDecided('app-1', 'dismissed', '2026-01-20'),
      on.assessed('2026-02-01'),
      on.toIssue('2026-03-01'),
      on.draftIssued('2026-03-02'),
      on.finalIssued('2026-04-01'),
    ];
    expect(timeline(events).appealOrMediationBeforePlan).toBe(true);
  });

  it("an appeal about the plan's contents or placement, after it was issued, leaves it in", () => {
    const events = [...history.planMaintained, on.appealLodged('app-1', 'plan_contents', '2026-01-12')];
    expect(timeline(events).appealOrMediationBeforePlan).toBe(false);
    expect(sen2Of([timeline(events)], YEAR)).toMatchObject({ plans_issued_den: 1, plans_excluded_appeal: 0 });
  });

  it('a mediation started before the plan was issued leaves the plan out, ended or not', () => {
    const mediated = planWith(on.mediationStarted('med-1', '2025-12-01'));
    expect(timeline(mediated).appealOrMediationBeforePlan).toBe(true);
    expect(sen2Of([timeline(mediated)], YEAR)).toEqual({ ...NOTHING, plans_excluded_appeal: 1 });
    const ended = planWith(
      on.mediationStarted('med-1', '2025-12-01'),
      on.mediationEnded('med-1', '2025-12-20'),
    );
    expect(timeline(ended).appealOrMediationBeforePlan).toBe(true);
  });

  it('a mediation started on the day the plan was issued leaves it out; one started the day after does not', () => {
    const sameDay = [
      ...history.draftIssued,
      on.representations(),
      on.mediationStarted('med-1', '2026-01-12'),
      on.finalIssued('2026-01-12'),
    ];
    expect(timeline(sameDay).appealOrMediationBeforePlan).toBe(true);
    const after = [...history.planMaintained, on.mediationStarted('med-1', '2026-01-13')];
    expect(timeline(after).appealOrMediationBeforePlan).toBe(false);
    expect(sen2Of([timeline(after)], YEAR)).toMatchObject({
      plans_issued_den: 1,
      plans_issued_within_20_weeks: 1,
    });
  });

  it('a mediation after a refusal (no plan yet) puts nothing on a disputed path until a plan is issued', () => {
    expect(timeline(history.mediating).appealOrMediationBeforePlan).toBe(false);
  });
});
