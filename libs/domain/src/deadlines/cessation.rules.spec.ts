import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../ehcp-case/ehcp-case.state';
import { on } from '../testing/case-events';
import { ceasesOnOf } from './cessation.rules';
import { deadlinesOf } from './deadline.calculator';
import { isOpenOn, statusOf } from './deadline.status';
import type { Deadline } from './deadline.types';

// DOMAIN.md (2nd ed.) "Cessation": a decision to cease dated D is appealable (CFA s45, s51(2)(f),
// SEND Regs 2014 reg 31); the plan is maintained, and its deadlines stay open, until the appeal period
// ends: it ceases on D + 2 months + 1 day with no appeal against the cessation, otherwise on the day
// the appeal is dismissed or withdrawn, and never if the Tribunal orders the plan to continue (or
// the LA concedes, reg 45). Evaluated on or after that day, its open deadlines are cancelled.

/**
 * A plan made 2025-01-06, never reviewed, transferred in on 2025-12-01 (first annual_review due
 * 2026-02-28, reg 15(5)), its reg 15(4) notice served on 2025-12-20; decided to cease on 2026-01-10.
 */
const ceasing: EhcpCaseEvent[] = [
  on.transferredIn({ transferredOn: '2025-12-01', planMadeOn: '2025-01-06', lastReviewedOn: null }),
  on.transferNoticeIssued('2025-12-20'),
  on.cessationDecided('2026-01-10', 'moved_to_another_authority'),
];
const caseOf = (events: readonly EhcpCaseEvent[]) => replay(events) as EhcpCase;
const byId = (events: readonly EhcpCaseEvent[], id: string): Deadline => {
  const found = deadlinesOf(caseOf(events)).find((deadline) => deadline.id === id);
  if (!found) throw new Error(`no deadline ${id}`);
  return found;
};
const appealed = (lodgedOn = '2026-02-20') => [...ceasing, on.appealLodged('app-1', 'cessation', lodgedOn)];

describe('ceasesOnOf: the day a decision to cease takes effect (DOMAIN.md "Cessation")', () => {
  it('decided 2026-01-10 with no appeal: ceases 2026-03-11 (D + 2 months + 1 day)', () => {
    expect(ceasesOnOf(caseOf(ceasing))).toBe('2026-03-11');
  });

  it('clamps the 2 months to the month end: decided 2025-12-31, ceases 2026-03-01', () => {
    const events = [...ceasing.slice(0, 2), on.cessationDecided('2025-12-31')];
    expect(ceasesOnOf(caseOf(events))).toBe('2026-03-01');
  });

  it('an appeal against the cessation, no outcome yet: not known (null)', () => {
    expect(ceasesOnOf(caseOf(appealed()))).toBeNull();
  });

  it.each(['dismissed', 'withdrawn'] as const)('appeal %s on X: ceases on X', (outcome) => {
    const events = [...appealed(), on.appealDecided('app-1', outcome, '2026-06-15')];
    expect(ceasesOnOf(caseOf(events))).toBe('2026-06-15');
  });

  it.each(['order', 'conceded'] as const)(
    'appeal outcome %s (an order to continue, or the LA conceded): never ceases',
    (outcome) => {
      const events = [...appealed(), on.appealDecided('app-1', outcome, '2026-06-15')];
      expect(ceasesOnOf(caseOf(events))).toBeNull();
    },
  );

  it('an appeal against another decision (the plan contents) changes nothing', () => {
    const events = [...ceasing, on.appealLodged('app-1', 'plan_contents', '2026-02-20')];
    expect(ceasesOnOf(caseOf(events))).toBe('2026-03-11');
  });

  it('no decision to cease: null', () => {
    expect(ceasesOnOf(caseOf(ceasing.slice(0, 2)))).toBeNull();
  });
});

describe('a pending cessation and the deadlines: open as usual until the plan ceases, cancelled from that day', () => {
  it('the annual review (due 2026-02-28) stays open until 2026-03-11: cancelsOn 2026-03-11', () => {
    expect(byId(ceasing, 'annual_review')).toMatchObject({
      dueOn: '2026-02-28',
      metOn: null,
      cancelled: false,
      cancelledOn: null,
      cancelsOn: '2026-03-11',
    });
  });

  it.each<[string, string, number | null]>([
    ['2026-01-20', 'on_track', 39],
    ['2026-02-20', 'due_soon', 8],
    ['2026-03-10', 'overdue', -10],
    ['2026-03-11', 'cancelled', null],
    ['2026-06-01', 'cancelled', null],
  ])('on %s the annual review is %s', (asOf, status, daysRemaining) => {
    const review = byId(ceasing, 'annual_review');
    expect(statusOf(review, asOf)).toEqual({ status, daysRemaining });
    expect(isOpenOn(review, asOf)).toBe(status !== 'cancelled');
  });

  it('a deadline met before stays met (no cancelsOn): the reg 15(4) notice', () => {
    const notice = byId(ceasing, 'transfer_notice');
    expect(notice).toMatchObject({ metOn: '2025-12-20', cancelsOn: null });
    expect(statusOf(notice, '2026-06-01').status).toBe('met');
  });

  it('a review completed while the cessation is pending meets the annual review and stays met', () => {
    const events = [
      ...ceasing,
      on.reviewHeld('rev-1', '2026-02-02'),
      on.reviewDecided('rev-1', 'cease', '2026-02-16'),
    ];
    expect(byId(events, 'annual_review')).toMatchObject({ metOn: '2026-02-16', cancelsOn: null });
    expect(byId(events, 'annual_review-rev-1')).toMatchObject({ metOn: null, cancelsOn: '2026-03-11' });
  });

  it('an appeal lodged, no outcome yet: no cancelsOn, the deadline stays open (overdue on 2026-04-01)', () => {
    const review = byId(appealed(), 'annual_review');
    expect(review.cancelsOn).toBeNull();
    expect(statusOf(review, '2026-04-01').status).toBe('overdue');
  });

  it('the appeal dismissed on 2026-06-15: cancelled from that day', () => {
    const review = byId(
      [...appealed(), on.appealDecided('app-1', 'dismissed', '2026-06-15')],
      'annual_review',
    );
    expect(review.cancelsOn).toBe('2026-06-15');
    expect(statusOf(review, '2026-06-14').status).toBe('overdue');
    expect(statusOf(review, '2026-06-15').status).toBe('cancelled');
  });

  it('an order to continue: never cancelled by the cessation', () => {
    const review = byId([...appealed(), on.appealDecided('app-1', 'order', '2026-06-15')], 'annual_review');
    expect(review.cancelsOn).toBeNull();
    expect(statusOf(review, '2027-01-01').status).toBe('overdue');
  });

  it('closing the case cancels at once (cancelledOn), as before', () => {
    const review = byId([...ceasing, on.closed('2026-02-01')], 'annual_review');
    expect(review).toMatchObject({ cancelled: true, cancelledOn: '2026-02-01', cancelsOn: null });
  });
});

describe('evolve: the stage under a decision to cease', () => {
  it('is ceasing from the decision, and stays so once the plan has ceased (the day is derived, not stored)', () => {
    expect(caseOf(ceasing).stage).toBe('ceasing');
    expect(caseOf([...appealed(), on.appealDecided('app-1', 'dismissed', '2026-06-15')]).stage).toBe(
      'ceasing',
    );
  });

  it.each(['order', 'conceded'] as const)(
    'appeal outcome %s on the cessation withdraws it: back to plan_maintained',
    (outcome) => {
      const events = [...appealed(), on.appealDecided('app-1', outcome, '2026-06-15')];
      expect(caseOf(events).stage).toBe('plan_maintained');
    },
  );

  it('an order while a re-assessment is open: back to reassessing (reg 27)', () => {
    const events = [
      ...ceasing.slice(0, 2),
      on.reassessmentRequested('rea-1', '2025-12-22'),
      on.reassessmentDecided('rea-1', 'reassess', '2026-01-05'),
      on.cessationDecided('2026-01-10'),
      on.appealLodged('app-1', 'cessation', '2026-02-20'),
      on.appealDecided('app-1', 'order', '2026-06-15'),
    ];
    expect(caseOf(events.slice(0, 5)).stage).toBe('ceasing');
    expect(caseOf(events).stage).toBe('reassessing');
  });

  it('an order on an appeal against an earlier decision to cease does not withdraw a later one', () => {
    const events = [
      ...ceasing,
      on.appealLodged('app-1', 'cessation', '2026-02-01'),
      on.appealLodged('app-2', 'cessation', '2026-02-05'),
      on.appealDecided('app-1', 'conceded', '2026-03-01'),
      on.cessationDecided('2026-09-01'),
      // The second appeal (against the first decision, already withdrawn) ends only now.
      on.appealDecided('app-2', 'order', '2026-09-10'),
    ];
    expect(caseOf(events.slice(0, 6)).stage).toBe('plan_maintained');
    expect(caseOf(events).stage).toBe('ceasing');
    expect(ceasesOnOf(caseOf(events))).toBe('2026-11-02');
  });
});
