import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { deadlinesOf } from './deadline.calculator';
import { statusOf } from './deadline.status';
import type { Deadline, DeadlineCounting } from './deadline.types';

// DOMAIN.md (2nd ed.) "Transfer in": `transfer_notice` T + 42 (reg 15(4)); the first `annual_review`
// is due the day before the later of (L or P) + 12 months and T + 3 months (reg 15(5)); after that,
// each period starts with the review decision that completed the previous one (CFA s44(1)).

const deadlines = (events: readonly EhcpCaseEvent[], counting: DeadlineCounting = 'legal') =>
  deadlinesOf(replay(events), { counting });
const byId = (events: readonly EhcpCaseEvent[], id: string, counting?: DeadlineCounting): Deadline => {
  const found = deadlines(events, counting).find((deadline) => deadline.id === id);
  if (!found) throw new Error(`no deadline ${id}`);
  return found;
};

/** Plan made 2025-01-06, never reviewed: no review for 11 months when transferred on 2025-12-01. */
const neverReviewed = on.transferredIn({
  transferredOn: '2025-12-01',
  planMadeOn: '2025-01-06',
  lastReviewedOn: null,
});
/** The same plan reviewed on 2025-06-10 by the other authority. */
const reviewedInJune = on.transferredIn({
  transferredOn: '2025-12-01',
  planMadeOn: '2025-01-06',
  lastReviewedOn: '2025-06-10',
});

describe('transfer_notice: T + 42 (reg 15(4))', () => {
  it('opens on the transfer date T 2025-12-01, due 2026-01-12 (2026-01-11 counting day one)', () => {
    expect(byId([neverReviewed], 'transfer_notice')).toMatchObject({
      kind: 'transfer_notice',
      ref: null,
      startsOn: '2025-12-01',
      dueOn: '2026-01-12',
      metOn: null,
      cancelled: false,
      cancelsOn: null,
      exceptionApplies: false,
      rule: expect.stringContaining('reg 15(4)'),
    });
    expect(byId([neverReviewed], 'transfer_notice', 'day_one').dueOn).toBe('2026-01-11');
  });

  it('is met by the notice to the family, late after T + 42', () => {
    expect(byId([neverReviewed, on.transferNoticeIssued('2026-01-12')], 'transfer_notice')).toMatchObject({
      metOn: '2026-01-12',
    });
    const late = byId([neverReviewed, on.transferNoticeIssued('2026-01-13')], 'transfer_notice');
    expect(statusOf(late, '2026-02-01').status).toBe('met_late');
  });

  it('is overdue once T + 42 has passed with no notice', () => {
    expect(statusOf(byId([neverReviewed], 'transfer_notice'), '2026-01-13')).toEqual({
      status: 'overdue',
      daysRemaining: -1,
    });
  });

  it('is not a deadline of a case opened by a request', () => {
    expect(deadlines([on.requestReceived()]).some((d) => d.kind === 'transfer_notice')).toBe(false);
  });
});

describe('the first annual_review of a plan transferred in (reg 15(5))', () => {
  it('no review for 11 months: due 2026-02-28, the day before the later of P + 12 months (2026-01-06) and T + 3 months (2026-03-01)', () => {
    expect(byId([neverReviewed], 'annual_review')).toMatchObject({
      ref: null,
      startsOn: '2025-12-01',
      dueOn: '2026-02-28',
      metOn: null,
      rule: expect.stringContaining('s44(1)'),
    });
  });

  it('last reviewed 2025-06-10: due 2026-06-09, the day before L + 12 months (later than T + 3 months)', () => {
    expect(byId([reviewedInJune], 'annual_review')).toMatchObject({
      startsOn: '2025-12-01',
      dueOn: '2026-06-09',
    });
  });

  it('a plan made on the transfer date: due the day before P + 12 months', () => {
    const madeOnTransfer = on.transferredIn({
      transferredOn: '2025-12-01',
      planMadeOn: '2025-12-01',
      lastReviewedOn: null,
    });
    expect(byId([madeOnTransfer], 'annual_review').dueOn).toBe('2026-11-30');
  });

  it('is met by the review decision; the next period starts with that decision, as usual (CFA s44(1))', () => {
    const events = [
      neverReviewed,
      on.reviewHeld('rev-1', '2026-02-10'),
      on.reviewDecided('rev-1', 'maintain', '2026-03-02'),
    ];
    expect(byId(events, 'annual_review')).toMatchObject({ dueOn: '2026-02-28', metOn: '2026-03-02' });
    expect(statusOf(byId(events, 'annual_review'), '2026-03-02').status).toBe('met_late');
    expect(byId(events, 'annual_review-rev-1')).toMatchObject({
      startsOn: '2026-03-02',
      dueOn: '2027-03-01',
      metOn: null,
    });
  });

  it('a review meeting alone does not complete the review (CoP 9.176)', () => {
    const events = [neverReviewed, on.reviewHeld('rev-1', '2026-02-10')];
    expect(byId(events, 'annual_review').metOn).toBeNull();
    expect(byId(events, 'review_decision-rev-1').dueOn).toBe('2026-03-10');
  });
});

describe('a plan transferred in has none of the initial-assessment deadlines', () => {
  it('no decision_to_assess, plan_decision or final_plan: only the transfer notice and the annual review', () => {
    expect(deadlines([neverReviewed]).map((d) => d.id)).toEqual(['transfer_notice', 'annual_review']);
  });
});
