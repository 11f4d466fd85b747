import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { sen2Of } from './sen2.calculator';
import { timelineOf, type CaseTimeline } from './sen2.timeline';

// DOMAIN.md (2nd ed.) "Re-assessment": a re-assessment's plan is not a new plan: it never counts in
// the 20-week measures, whatever the period; only the case's first plan (if any) does.

const timeline = (events: readonly EhcpCaseEvent[]): CaseTimeline => {
  const found = timelineOf(replay(events));
  if (found === null) throw new Error('no case');
  return found;
};

/** The first plan of 12 Jan 2026 (request 1 Sep 2025), re-assessed: its new plan issued 1 Sep 2026. */
const reassessedPlan = (before: readonly EhcpCaseEvent[]): EhcpCaseEvent[] => [
  ...before,
  on.reassessmentRequested('rea-1', '2026-06-01'),
  on.reassessmentDecided('rea-1', 'reassess', '2026-06-10'),
  on.draftIssued('2026-08-03'),
  on.representations('2026-08-10'),
  on.finalIssued('2026-09-01'),
];

describe('sen2Of: re-assessment plans never count (2nd ed.; DOMAIN.md "Re-assessment", SEN2 "Which plans count")', () => {
  it('a re-assessed case counts its first plan only, in the period of the first plan', () => {
    const figures = sen2Of([timeline(reassessedPlan(history.planMaintained))], {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    // The first plan: 12 Jan 2026 is R + 133, within 20 weeks.
    expect(figures).toMatchObject({ plans_issued_den: 1, plans_issued_within_20_weeks: 1 });
  });

  it('in a period holding only the re-assessment plan, nothing counts', () => {
    const figures = sen2Of([timeline(reassessedPlan(history.planMaintained))], {
      from: '2026-02-01',
      to: '2026-12-31',
    });
    expect(figures).toMatchObject({ plans_issued_den: 0, plans_issued_den_ex: 0, plans_excluded_appeal: 0 });
  });

  it('a plan transferred in and then re-assessed counts in no period', () => {
    const transferred = reassessedPlan([on.transferredIn({ transferredOn: '2025-12-01' })]);
    const figures = sen2Of([timeline(transferred)], { from: '2024-01-01', to: '2027-12-31' });
    expect(figures).toMatchObject({ plans_issued_den: 0, plans_issued_den_ex: 0, plans_excluded_appeal: 0 });
  });
});
