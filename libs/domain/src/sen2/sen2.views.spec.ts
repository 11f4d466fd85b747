import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { sen2ByMonth, sen2ByTeam, sen2Of } from './sen2.calculator';
import { timelineOf, type CaseTimeline } from './sen2.timeline';

// (2nd ed.) CFA 2014 s19(a)-(c): the LA must have regard to the child's or young person's views,
// wishes and feelings (SEND Code of Practice 2015, 9.21-9.24 and 9.176 for reviews). Measured as the
// share of new plans (of plans_issued_den) whose case has views for the assessment or the draft
// gathered by the issue date, and of annual reviews held with views for that review.

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const timeline = (events: readonly EhcpCaseEvent[]): CaseTimeline => {
  const found = timelineOf(replay(events));
  if (found === null) throw new Error('no case');
  return found;
};
/** The worked case: request 1 Sep 2025, draft 22 Dec 2025, final plan 12 Jan 2026, with `extra` before the plan. */
const planWith = (...extra: EhcpCaseEvent[]) =>
  timeline([...history.draftIssued, ...extra, on.finalIssued('2026-01-12')]);
/**
 * The worked case's plan, then a review meeting on 1 Dec 2026 and the LA's decision on 10 Dec 2026,
 * which completes the first annual review (DOMAIN.md, CoP 9.176), `extra` before the meeting.
 */
const reviewWith = (...extra: EhcpCaseEvent[]) =>
  timeline([
    ...history.planMaintained,
    ...extra,
    on.reviewHeld('rev-1', '2026-12-01'),
    on.reviewDecided('rev-1', 'maintain', '2026-12-10'),
  ]);

describe('(2nd ed.) SEN2: new plans with the child\u2019s views (CFA s19)', () => {
  it('views recorded on 2 of 4 new plans give 50%', () => {
    const figures = sen2Of(
      [
        planWith(on.viewsRecorded('vw-1', '2025-10-20', 'assessment')),
        planWith(on.viewsRecorded('vw-1', '2025-12-30', 'draft')),
        planWith(),
        planWith(),
      ],
      YEAR,
    );
    expect(figures).toMatchObject({
      plans_issued_den: 4,
      plans_issued_with_views: 2,
      pc_plans_issued_with_views: 50,
    });
  });

  it('counts views gathered on the issue date, never after it, and never views for a review', () => {
    const after = timeline([
      ...history.planMaintained,
      on.viewsRecorded('vw-1', '2026-01-13', 'assessment'),
      on.viewsRecorded('vw-2', '2026-02-01', 'review'),
    ]);
    const onTheDay = planWith(on.viewsRecorded('vw-1', '2026-01-12', 'draft', null));
    expect(sen2Of([after, onTheDay], YEAR)).toMatchObject({
      plans_issued_den: 2,
      plans_issued_with_views: 1,
      pc_plans_issued_with_views: 50,
    });
  });

  it('counts a plan once, however many views it has; a summary is not needed', () => {
    const twice = planWith(
      on.viewsRecorded('vw-1', '2025-10-20', 'assessment', null),
      on.viewsRecorded('vw-2', '2025-12-30', 'draft', null, 'advocate'),
    );
    expect(sen2Of([twice], YEAR)).toMatchObject({
      plans_issued_with_views: 1,
      pc_plans_issued_with_views: 100,
    });
  });

  it('leaves out a plan that is left out of plans_issued_den (a mediation before it), views or not', () => {
    const disputed = planWith(
      on.viewsRecorded('vw-1', '2025-10-20'),
      on.mediationStarted('med-1', '2025-12-01'),
    );
    expect(sen2Of([disputed, planWith()], YEAR)).toMatchObject({
      plans_excluded_appeal: 1,
      plans_issued_den: 1,
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: 0,
    });
  });

  it('has no share (null) without new plans', () => {
    expect(sen2Of([planWith(on.viewsRecorded())], { from: '2027-01-01', to: '2027-12-31' })).toMatchObject({
      plans_issued_with_views: 0,
      pc_plans_issued_with_views: null,
    });
  });

  it('is counted per team and per month like the plans themselves', () => {
    const north = planWith(on.viewsRecorded());
    const south = { ...planWith(), team: 'south' };
    const { teams, total } = sen2ByTeam([north, south], YEAR, ['north', 'south']);
    expect(teams.map((t) => [t.team, t.plans_issued_with_views, t.pc_plans_issued_with_views])).toEqual([
      ['north', 1, 100],
      ['south', 0, 0],
    ]);
    expect(total).toMatchObject({ plans_issued_with_views: 1, pc_plans_issued_with_views: 50 });
    const months = sen2ByMonth([north], { from: '2026-01-01', to: '2026-02-28' });
    expect(months.map((m) => [m.month, m.plans_issued_with_views])).toEqual([
      ['2026-01', 1],
      ['2026-02', 0],
    ]);
  });
});

describe('(2nd ed.) SEN2: annual reviews held with the child\u2019s views (CFA s19, s44)', () => {
  it('counts reviews held (annual_review met by the decision) in the period by that date, and those with views for the review', () => {
    const figures = sen2Of(
      [
        reviewWith(on.viewsRecorded('vw-1', '2026-11-20', 'review')),
        reviewWith(on.viewsRecorded('vw-1', '2026-12-10', 'review', null)), // on the decision day
        reviewWith(on.viewsRecorded('vw-1', '2026-11-20', 'assessment')), // not for a review
        reviewWith(),
      ],
      YEAR,
    );
    expect(figures).toMatchObject({
      reviews_held: 4,
      reviews_held_with_views: 2,
      pc_reviews_held_with_views: 50,
      // Held in 2026, due 11 Jan 2027: not due in this period.
      reviews_due: 0,
    });
  });

  it("counts only views gathered after the review's clock started and by the decision that completed it", () => {
    const onThePlanDay = timeline([
      ...history.planMaintained,
      on.viewsRecorded('vw-1', '2026-01-12', 'review'), // the day the first review's clock starts
      on.reviewHeld('rev-1', '2026-12-01'),
      on.reviewDecided('rev-1', 'maintain', '2026-12-10'),
      on.viewsRecorded('vw-2', '2026-12-11', 'review'), // after the review was completed
    ]);
    expect(sen2Of([onThePlanDay], YEAR)).toMatchObject({ reviews_held: 1, reviews_held_with_views: 0 });
  });

  it("a second review's views are those gathered after the first review's decision", () => {
    const events = [
      ...history.planMaintained,
      on.viewsRecorded('vw-1', '2026-06-01', 'review'),
      on.reviewHeld('rev-1', '2026-12-01'),
      on.reviewDecided('rev-1', 'maintain', '2026-12-10'),
      on.reviewHeld('rev-2', '2027-11-15'),
      on.reviewDecided('rev-2', 'maintain', '2027-11-20'),
    ];
    const figures = sen2Of([timeline(events)], { from: '2026-01-01', to: '2027-12-31' });
    expect(figures).toMatchObject({
      reviews_held: 2,
      reviews_held_with_views: 1,
      pc_reviews_held_with_views: 50,
    });
  });

  it('counts reviews of a plan transferred in too (not a new plan)', () => {
    const transferred = timeline([
      ...history.transferredIn,
      on.viewsRecorded('vw-1', '2026-03-01', 'review'),
      on.reviewHeld('rev-1', '2026-03-10'),
      on.reviewDecided('rev-1', 'maintain', '2026-03-12'),
    ]);
    expect(sen2Of([transferred], YEAR)).toMatchObject({
      plans_issued_den: 0,
      pc_plans_issued_with_views: null,
      reviews_held: 1,
      reviews_held_with_views: 1,
      pc_reviews_held_with_views: 100,
    });
  });

  it('has no share (null) when no review was held; a meeting alone completes no review', () => {
    const meetingOnly = timeline([
      ...history.planMaintained,
      on.viewsRecorded('vw-1', '2026-11-20', 'review'),
      on.reviewHeld('rev-1', '2026-12-01'),
    ]);
    expect(sen2Of([meetingOnly], YEAR)).toMatchObject({
      reviews_held: 0,
      reviews_held_with_views: 0,
      pc_reviews_held_with_views: null,
    });
  });
});

describe('timelineOf: views', () => {
  it('carries each view\u2019s stage and date, never its summary', () => {
    expect(planWith(on.viewsRecorded('vw-1', '2025-10-20', 'assessment', 'in my words')).views).toEqual([
      { stage: 'assessment', gatheredOn: '2025-10-20' },
    ]);
  });
});
