import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import type { Placement } from '../ehcp-case/ehcp-case.vocabulary';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on, PLACEMENT } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { deadlinesOf } from './deadline.calculator';
import { statusOf } from './deadline.status';
import type { Deadline, DeadlineCounting } from './deadline.types';

const deadlines = (events: readonly EhcpCaseEvent[], counting: DeadlineCounting = 'legal') =>
  deadlinesOf(replay(events), { counting });
const byId = (
  events: readonly EhcpCaseEvent[],
  id: string,
  counting: DeadlineCounting = 'legal',
): Deadline => {
  const found = deadlines(events, counting).find((deadline) => deadline.id === id);
  if (!found) throw new Error(`no deadline ${id}`);
  return found;
};

describe('deadlinesOf: DOMAIN.md deadline table, worked dates', () => {
  // [title, events, deadline id, startsOn, due (legal), due (day_one)]
  it.each<[string, EhcpCaseEvent[], string, string, string, string]>([
    [
      'decision_to_assess: request received R, due R + 42 (reg 5(1))',
      [on.requestReceived({ requestReceivedOn: '2025-09-01' })],
      'decision_to_assess',
      '2025-09-01',
      '2025-10-13',
      '2025-10-12',
    ],
    [
      'decision_to_assess across a month end: R 31 Jan 2026',
      [on.requestReceived({ requestReceivedOn: '2026-01-31' })],
      'decision_to_assess',
      '2026-01-31',
      '2026-03-14',
      '2026-03-13',
    ],
    [
      'decision_to_assess due on 29 February: R 18 Jan 2024',
      [on.requestReceived({ requestReceivedOn: '2024-01-18' })],
      'decision_to_assess',
      '2024-01-18',
      '2024-02-29',
      '2024-02-28',
    ],
    [
      'plan_decision: request received R, due R + 112 (reg 10(1))',
      [on.requestReceived({ requestReceivedOn: '2025-09-01' })],
      'plan_decision',
      '2025-09-01',
      '2025-12-22',
      '2025-12-21',
    ],
    [
      'final_plan: 20 weeks from Mon 1 Sep 2025 is Mon 19 Jan 2026, across New Year (reg 13(2))',
      [on.requestReceived({ requestReceivedOn: '2025-09-01' })],
      'final_plan',
      '2025-09-01',
      '2026-01-19',
      '2026-01-18',
    ],
    [
      'final_plan across the autumn clock change (26 Oct 2025): R 20 Oct 2025',
      [on.requestReceived({ requestReceivedOn: '2025-10-20' })],
      'final_plan',
      '2025-10-20',
      '2026-03-09',
      '2026-03-08',
    ],
    [
      'final_plan across the spring clock change (29 Mar 2026): R 2 Mar 2026',
      [on.requestReceived({ requestReceivedOn: '2026-03-02' })],
      'final_plan',
      '2026-03-02',
      '2026-07-20',
      '2026-07-19',
    ],
    [
      'final_plan across 29 February: R 1 Nov 2023',
      [on.requestReceived({ requestReceivedOn: '2023-11-01' })],
      'final_plan',
      '2023-11-01',
      '2024-03-20',
      '2024-03-19',
    ],
    [
      'advice: advice requested A, due A + 42 (reg 8(1))',
      [...history.assessing, on.adviceRequested('adv-1', '2025-10-07')],
      'advice-adv-1',
      '2025-10-07',
      '2025-11-18',
      '2025-11-17',
    ],
    [
      'advice across a year end: A 31 Dec 2025',
      [...history.assessing, on.adviceRequested('adv-1', '2025-12-31')],
      'advice-adv-1',
      '2025-12-31',
      '2026-02-11',
      '2026-02-10',
    ],
    [
      'consultation_response: institution consulted C, due C + 15, a day count (CoP 9.83)',
      [...history.draftIssued, on.consulted('con-1', '2025-12-23')],
      'consultation_response-con-1',
      '2025-12-23',
      '2026-01-07',
      '2026-01-07',
    ],
    [
      'annual_review: final plan issued F, due F + 1 year - 1 day (CFA s44(1))',
      [...history.draftIssued, on.finalIssued('2026-01-12')],
      'annual_review',
      '2026-01-12',
      '2027-01-11',
      '2027-01-11',
    ],
    [
      'annual_review: plan made 1 Jan 2019, review due by 31 Dec 2019',
      [
        on.requestReceived({ requestReceivedOn: '2018-08-01' }),
        on.assessed('2018-09-01'),
        on.toIssue('2018-11-01'),
        on.draftIssued('2018-11-02'),
        on.finalIssued('2019-01-01'),
      ],
      'annual_review',
      '2019-01-01',
      '2019-12-31',
      '2019-12-31',
    ],
    [
      'annual_review from 29 February: the 12 months starting with 29 Feb 2024 end on 28 Feb 2025 (2nd ed.)',
      [
        on.requestReceived({ requestReceivedOn: '2023-11-01' }),
        on.assessed('2023-12-01'),
        on.toIssue('2024-02-01'),
        on.draftIssued('2024-02-02'),
        on.finalIssued('2024-02-29'),
      ],
      'annual_review',
      '2024-02-29',
      '2025-02-28',
      '2025-02-28',
    ],
    [
      'annual_review into a leap year: F 1 Mar 2023, due 29 Feb 2024',
      [
        on.requestReceived({ requestReceivedOn: '2022-10-01' }),
        on.assessed('2022-11-01'),
        on.toIssue('2023-01-01'),
        on.draftIssued('2023-01-02'),
        on.finalIssued('2023-03-01'),
      ],
      'annual_review',
      '2023-03-01',
      '2024-02-29',
      '2024-02-29',
    ],
    [
      'annual_review: then each review decision D, due D + 1 year - 1 day (2nd ed.; CoP 9.176)',
      [
        ...history.planMaintained,
        on.reviewHeld('rev-1', '2026-12-01'),
        on.reviewDecided('rev-1', 'maintain', '2026-12-20'),
      ],
      'annual_review-rev-1',
      '2026-12-20',
      '2027-12-19',
      '2027-12-19',
    ],
    [
      'review_decision: review meeting M, due M + 28 (reg 20(10) / reg 21)',
      [...history.planMaintained, on.reviewHeld('rev-1', '2026-12-01')],
      'review_decision-rev-1',
      '2026-12-01',
      '2026-12-29',
      '2026-12-28',
    ],
    [
      '(2nd ed.) amendment_notice: review meeting M of the review decided "amend", due M + 28 (reg 22(2); Devon [2022])',
      [
        ...history.planMaintained,
        on.reviewHeld('rev-1', '2026-11-03'),
        on.reviewDecided('rev-1', 'amend', '2026-11-20'),
      ],
      'amendment_notice-rev-1',
      '2026-11-03',
      '2026-12-01',
      '2026-11-30',
    ],
    [
      'amended_plan: amendment notice served N, due N + 56 (reg 22(3))',
      [...history.planMaintained, on.noticeIssued('not-1', '2027-01-05')],
      'amended_plan-not-1',
      '2027-01-05',
      '2027-03-02',
      '2027-03-01',
    ],
    [
      'phase_transfer (school phase): transfer planned for year Y, due 14 Feb Y, "before 15 February" (reg 18(1))',
      [...history.planMaintained, on.transferPlanned('tr-1', 'school_phase', 2028, '2026-03-01')],
      'phase_transfer-tr-1',
      '2026-03-01',
      '2028-02-14',
      '2028-02-14',
    ],
    [
      'phase_transfer (secondary to post-16): due 30 Mar Y, "before 31 March" (reg 18(1))',
      [...history.planMaintained, on.transferPlanned('tr-1', 'post16', 2028, '2026-03-01')],
      'phase_transfer-tr-1',
      '2026-03-01',
      '2028-03-30',
      '2028-03-30',
    ],
    [
      '(2nd ed.) phase_transfer recorded after its window opened (1 Sep of Y - 1): the clock runs from the window',
      [...history.planMaintained, on.transferPlanned('tr-1', 'school_phase', 2026, '2027-06-01')],
      'phase_transfer-tr-1',
      '2025-09-01',
      '2026-02-14',
      '2026-02-14',
    ],
    [
      '(2nd ed.) post16_transfer: transfer between post-16 institutions on T, due T - 5 months (reg 18(2))',
      [...history.planMaintained, on.post16TransferPlanned('tr-1', '2027-09-01', '2026-03-01')],
      'post16_transfer-tr-1',
      '2026-03-01',
      '2027-04-01',
      '2027-04-01',
    ],
    [
      '(2nd ed.) post16_transfer clamped like "+ N months": 31 Jul 2027 - 5 months = 28 Feb 2027',
      [...history.planMaintained, on.post16TransferPlanned('tr-1', '2027-07-31', '2026-03-01')],
      'post16_transfer-tr-1',
      '2026-03-01',
      '2027-02-28',
      '2027-02-28',
    ],
    [
      '(2nd ed.) post16_transfer into a leap year: 31 Jul 2028 - 5 months = 29 Feb 2028; recorded late, from T - 12 months',
      [...history.planMaintained, on.post16TransferPlanned('tr-1', '2028-07-31', '2027-12-01')],
      'post16_transfer-tr-1',
      '2027-07-31',
      '2028-02-29',
      '2028-02-29',
    ],
  ])('%s', (_title, events, id, startsOn, legalDue, dayOneDue) => {
    expect(byId(events, id, 'legal')).toMatchObject({ startsOn, dueOn: legalDue });
    expect(byId(events, id, 'day_one')).toMatchObject({ startsOn, dueOn: dayOneDue });
  });

  it('gives no deadlines before the request', () => {
    expect(deadlinesOf(replay([]))).toEqual([]);
  });

  it('counts legally by default', () => {
    expect(deadlinesOf(replay(history.requested))).toEqual(deadlines(history.requested, 'legal'));
  });

  it('every case has decision_to_assess, plan_decision and final_plan from day 0, open, with their citations', () => {
    expect(deadlines(history.requested)).toEqual([
      {
        id: 'decision_to_assess',
        kind: 'decision_to_assess',
        ref: null,
        startsOn: '2025-09-01',
        dueOn: '2025-10-13',
        metOn: null,
        cancelled: false,
        cancelledOn: null,
        cancelsOn: null,
        exceptionApplies: false,
        rule: 'SEND Regs 2014 reg 5(1)',
      },
      {
        id: 'plan_decision',
        kind: 'plan_decision',
        ref: null,
        startsOn: '2025-09-01',
        dueOn: '2025-12-22',
        metOn: null,
        cancelled: false,
        cancelledOn: null,
        cancelsOn: null,
        exceptionApplies: false,
        rule: 'SEND Regs 2014 reg 10(1)',
      },
      {
        id: 'final_plan',
        kind: 'final_plan',
        ref: null,
        startsOn: '2025-09-01',
        dueOn: '2026-01-19',
        metOn: null,
        cancelled: false,
        cancelledOn: null,
        cancelsOn: null,
        exceptionApplies: false,
        rule: 'SEND Regs 2014 reg 13(2)',
      },
    ]);
  });
});

describe('deadlinesOf: met by', () => {
  const story = [
    ...history.planMaintained,
    on.consulted('con-1', '2025-12-23'),
    on.consultationAnswered('con-1', '2026-01-05'),
    on.reviewHeld('rev-1', '2026-12-01'),
    on.reviewDecided('rev-1', 'amend', '2026-12-20'),
    on.noticeIssued('not-1', '2027-01-05'),
    on.amendmentRepresentations('not-1', '2027-01-10'),
    on.transferPlanned('tr-1', 'school_phase', 2027, '2027-01-06'),
    on.amendedIssued('not-1', '2027-02-01', PLACEMENT),
  ];

  it.each([
    ['decision_to_assess by the decision to assess', 'decision_to_assess', '2025-10-06'],
    ['advice by that advice received', 'advice-adv-1', '2025-11-10'],
    ['final_plan by the final plan issued', 'final_plan', '2026-01-12'],
    ['consultation_response by its response', 'consultation_response-con-1', '2026-01-05'],
    ['annual_review by the LA review decision following the meeting', 'annual_review', '2026-12-20'],
    ['review_decision by the LA review decision', 'review_decision-rev-1', '2026-12-20'],
    ['amendment_notice by the notice following the "amend" decision', 'amendment_notice-rev-1', '2027-01-05'],
    ['amended_plan by the amended plan issued', 'amended_plan-not-1', '2027-02-01'],
    ['phase_transfer by the amended plan naming the new placement', 'phase_transfer-tr-1', '2027-02-01'],
  ])('%s', (_title, id, metOn) => {
    expect(byId(story, id)).toMatchObject({ metOn, cancelled: false, cancelledOn: null });
  });

  it('the annual review after the last review decision is open', () => {
    expect(byId(story, 'annual_review-rev-1')).toMatchObject({ metOn: null, cancelled: false });
  });

  it('gives every deadline a unique id', () => {
    const ids = deadlines(story).map((deadline) => deadline.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(11);
  });

  it('decision_to_assess is met by a refusal too, and plan_decision by "not issue"', () => {
    expect(byId(history.refused, 'decision_to_assess').metOn).toBe('2025-10-06');
    expect(byId(history.notIssued, 'plan_decision').metOn).toBe('2025-12-15');
  });

  it('a review decision to amend opens no amended_plan until the notice is served', () => {
    const decided = [...history.planMaintained, on.reviewHeld(), on.reviewDecided('rev-1', 'amend')];
    expect(deadlines(decided).some((d) => d.kind === 'amended_plan')).toBe(false);
  });
});

describe('(2nd ed.) deadlinesOf: amendment_notice, one per review decided "amend" (reg 22(2))', () => {
  // The issue's case: "amend" decided 20 Nov 2025 after a meeting on 3 Nov 2025, no notice sent.
  const amendDecided = [
    on.requestReceived({ requestReceivedOn: '2025-01-06' }),
    on.assessed('2025-02-10'),
    on.toIssue('2025-04-01'),
    on.draftIssued('2025-04-07'),
    on.representations('2025-04-10'),
    on.finalIssued('2025-05-20'),
    on.reviewHeld('rev-1', '2025-11-03'),
    on.reviewDecided('rev-1', 'amend', '2025-11-20'),
  ];

  it('opens at once on the decision, counted from the meeting: due 1 Dec 2025, overdue with no notice', () => {
    const deadline = byId(amendDecided, 'amendment_notice-rev-1');
    expect(deadline).toMatchObject({
      kind: 'amendment_notice',
      ref: 'rev-1',
      startsOn: '2025-11-03',
      dueOn: '2025-12-01',
      metOn: null,
      cancelled: false,
      rule: expect.stringContaining('reg 22(2)'),
    });
    expect(statusOf(deadline, '2025-12-02').status).toBe('overdue');
  });

  it('is met by the notice that follows that review (then amended_plan opens), late after M + 28', () => {
    const noticed = [...amendDecided, on.noticeIssued('not-1', '2025-11-21', 'rev-1')];
    expect(byId(noticed, 'amendment_notice-rev-1').metOn).toBe('2025-11-21');
    expect(byId(noticed, 'amended_plan-not-1').startsOn).toBe('2025-11-21');
    const late = [...amendDecided, on.noticeIssued('not-1', '2025-12-05', 'rev-1')];
    expect(statusOf(byId(late, 'amendment_notice-rev-1'), '2026-01-01').status).toBe('met_late');
  });

  it('a notice stored before the link existed meets it by the default link', () => {
    expect(
      byId([...amendDecided, on.noticeIssued('not-1', '2025-11-21')], 'amendment_notice-rev-1').metOn,
    ).toBe('2025-11-21');
  });

  it('a notice that follows no review, or another review, does not meet it', () => {
    expect(
      byId([...amendDecided, on.noticeIssued('not-1', '2025-11-21', null)], 'amendment_notice-rev-1').metOn,
    ).toBeNull();
    const twoReviews = [
      ...amendDecided,
      on.reviewHeld('rev-2', '2025-11-25'),
      on.reviewDecided('rev-2', 'amend', '2025-11-26'),
      on.noticeIssued('not-1', '2025-11-27', 'rev-2'),
    ];
    expect(byId(twoReviews, 'amendment_notice-rev-1').metOn).toBeNull();
    expect(byId(twoReviews, 'amendment_notice-rev-2').metOn).toBe('2025-11-27');
  });

  it('no amendment_notice for a review undecided, or decided "maintain" or "cease"; a notice alone opens only amended_plan', () => {
    const kinds = (events: readonly EhcpCaseEvent[]) => deadlines(events).map((d) => d.kind);
    const held = [...history.planMaintained, on.reviewHeld('rev-1', '2026-12-01')];
    expect(kinds(held)).not.toContain('amendment_notice');
    expect(kinds([...held, on.reviewDecided('rev-1', 'maintain')])).not.toContain('amendment_notice');
    expect(kinds([...held, on.reviewDecided('rev-1', 'cease')])).not.toContain('amendment_notice');
    const alone = kinds([...history.planMaintained, on.noticeIssued('not-1', '2027-01-05', null)]);
    expect(alone).toContain('amended_plan');
    expect(alone).not.toContain('amendment_notice');
  });

  it('ceasing the plan cancels an open amendment_notice', () => {
    expect(byId([...amendDecided, on.ceased('2025-11-25')], 'amendment_notice-rev-1')).toMatchObject({
      cancelled: true,
      cancelledOn: '2025-11-25',
    });
  });
});

describe('(2nd ed.) deadlinesOf: phase transfers met by an amended plan or a "maintain" decision (reg 18)', () => {
  // A plan made in May 2025, so that reviews and amendments fall in the 2025/26 academic year.
  const maintained = [
    on.requestReceived({ requestReceivedOn: '2025-01-06' }),
    on.assessed('2025-02-10'),
    on.toIssue('2025-04-01'),
    on.draftIssued('2025-04-07'),
    on.representations('2025-04-10'),
    on.finalIssued('2025-05-20'),
  ];
  const amendedOn = (issuedOn: string, noticeOn = '2025-10-20', placement: Placement | null = PLACEMENT) => [
    on.noticeIssued('not-1', noticeOn, null),
    on.amendmentRepresentations('not-1', noticeOn),
    on.amendedIssued('not-1', issuedOn, placement),
  ];
  const maintainedOn = (decidedOn: string, meetingHeldOn = '2025-06-01') => [
    on.reviewHeld('rev-1', meetingHeldOn),
    on.reviewDecided('rev-1', 'maintain', decidedOn),
  ];
  const transfer2026 = (plannedOn: string) => on.transferPlanned('tr-1', 'school_phase', 2026, plannedOn);
  const phaseTransfer = (events: readonly EhcpCaseEvent[]) => byId(events, 'phase_transfer-tr-1');

  it('an amended plan issued 20 Nov 2025, entered before the 2026 transfer recorded on 1 Dec 2025, meets it', () => {
    const events = [...maintained, ...amendedOn('2025-11-20'), transfer2026('2025-12-01')];
    expect(phaseTransfer(events)).toMatchObject({
      startsOn: '2025-09-01',
      dueOn: '2026-02-14',
      metOn: '2025-11-20',
    });
  });

  it('an amended plan entered after the transfer meets it too, with or without a new placement', () => {
    const events = [
      ...maintained,
      transfer2026('2025-06-01'),
      ...amendedOn('2025-11-20', '2025-10-20', null),
    ];
    expect(phaseTransfer(events).metOn).toBe('2025-11-20');
  });

  it('a review decision "maintain" dated on or after 1 Sep of Y - 1 meets it; one dated 31 Aug does not', () => {
    expect(
      phaseTransfer([...maintained, ...maintainedOn('2025-09-01'), transfer2026('2025-12-01')]).metOn,
    ).toBe('2025-09-01');
    expect(
      phaseTransfer([...maintained, ...maintainedOn('2025-08-31'), transfer2026('2025-12-01')]).metOn,
    ).toBeNull();
  });

  it('neither a decision "amend" nor an amended plan dated before the window meets it', () => {
    const amend = [on.reviewHeld('rev-1', '2025-06-01'), on.reviewDecided('rev-1', 'amend', '2025-10-01')];
    expect(phaseTransfer([...maintained, ...amend, transfer2026('2025-12-01')]).metOn).toBeNull();
    expect(
      phaseTransfer([...maintained, ...amendedOn('2025-08-31', '2025-07-01'), transfer2026('2025-12-01')])
        .metOn,
    ).toBeNull();
  });

  it('is met by the earliest qualifying fact, whatever order the facts were entered in', () => {
    const events = [
      ...maintained,
      ...amendedOn('2025-11-20'),
      transfer2026('2025-12-01'),
      ...maintainedOn('2025-10-01'),
    ];
    expect(phaseTransfer(events).metOn).toBe('2025-10-01');
  });

  it('a transfer recorded after its date shows overdue, met late or met', () => {
    const backfilled = transfer2026('2027-03-01');
    expect(statusOf(phaseTransfer([...maintained, backfilled]), '2027-03-01').status).toBe('overdue');
    const late = [...maintained, ...maintainedOn('2026-03-01'), backfilled];
    expect(statusOf(phaseTransfer(late), '2027-03-01')).toEqual({ status: 'met_late', daysRemaining: null });
    const met = [...maintained, ...amendedOn('2025-11-20'), backfilled];
    expect(statusOf(phaseTransfer(met), '2027-03-01').status).toBe('met');
  });

  it('one fact meets every transfer whose window it falls in', () => {
    const events = [
      ...maintained,
      on.transferPlanned('tr-1', 'school_phase', 2026, '2025-06-01'),
      on.transferPlanned('tr-2', 'post16', 2026, '2025-06-01'),
      on.transferPlanned('tr-3', 'school_phase', 2027, '2025-06-01'),
      ...amendedOn('2025-11-20'),
    ];
    expect(['tr-1', 'tr-2', 'tr-3'].map((id) => byId(events, `phase_transfer-${id}`).metOn)).toEqual([
      '2025-11-20',
      '2025-11-20',
      null,
    ]);
  });

  describe('post16_transfer: between post-16 institutions on T (reg 18(2))', () => {
    const post16 = (events: readonly EhcpCaseEvent[]) => byId(events, 'post16_transfer-tr-1');
    const on31Jul2026 = on.post16TransferPlanned('tr-1', '2026-07-31', '2025-06-01');

    it('is met like phase_transfer, by a fact dated on or after T - 12 months', () => {
      expect(post16([...maintained, on31Jul2026, ...maintainedOn('2025-07-31')])).toMatchObject({
        dueOn: '2026-02-28',
        metOn: '2025-07-31',
      });
      expect(post16([...maintained, on31Jul2026, ...maintainedOn('2025-07-30')]).metOn).toBeNull();
      expect(post16([...maintained, ...amendedOn('2026-03-02'), on31Jul2026]).metOn).toBe('2026-03-02');
    });

    it('a planned date in the future is on track until T - 5 months', () => {
      const future = post16([...maintained, on.post16TransferPlanned('tr-1', '2028-07-31', '2025-06-01')]);
      expect(future).toMatchObject({ startsOn: '2025-06-01', dueOn: '2028-02-29', metOn: null });
      expect(statusOf(future, '2027-03-01').status).toBe('on_track');
    });
  });
});

describe('deadlinesOf: cancellation', () => {
  const cancelled = (events: readonly EhcpCaseEvent[]) =>
    deadlines(events)
      .filter((d) => d.cancelled)
      .map((d) => [d.id, d.cancelledOn]);

  it('a refusal to assess cancels plan_decision and final_plan', () => {
    expect(cancelled(history.refused)).toEqual([
      ['plan_decision', '2025-10-06'],
      ['final_plan', '2025-10-06'],
    ]);
  });

  it('a decision to issue cancels plan_decision: reg 10(1) binds only a decision not to issue (2nd ed.)', () => {
    expect(cancelled(history.drafting)).toEqual([['plan_decision', '2025-12-15']]);
    expect(byId(history.drafting, 'plan_decision')).toMatchObject({ metOn: null, cancelled: true });
  });

  it('"not issue" cancels final_plan', () => {
    expect(cancelled(history.notIssued)).toEqual([['final_plan', '2025-12-15']]);
  });

  it('reversing a refusal or "not issue" reopens the deadlines it cancelled', () => {
    expect(cancelled([...history.refused, on.assessed('2026-01-10')])).toEqual([]);
    expect(cancelled([...history.notIssued, on.toIssue('2026-02-01')])).toEqual([]);
  });

  it('closing the case cancels every open deadline on the closure date and keeps met ones', () => {
    const events = [
      ...history.draftIssued,
      on.adviceRequested('adv-2', '2025-12-20'),
      on.consulted('con-1', '2025-12-23'),
      on.closed('2026-01-02'),
    ];
    expect(cancelled(events)).toEqual([
      ['plan_decision', '2025-12-15'],
      ['final_plan', '2026-01-02'],
      ['advice-adv-2', '2026-01-02'],
      ['consultation_response-con-1', '2026-01-02'],
    ]);
    expect(byId(events, 'advice-adv-1')).toMatchObject({ metOn: '2025-11-10', cancelled: false });
  });

  it('closing before the decision to assess cancels decision_to_assess too', () => {
    expect(cancelled(history.closed).map(([id]) => id)).toEqual([
      'decision_to_assess',
      'plan_decision',
      'final_plan',
    ]);
  });

  it('ceasing the plan cancels the open annual review, review decision and amended plan; no new annual review', () => {
    // The meeting alone completes no review (2nd ed.): the first period is still the one running.
    const events = [
      ...history.planMaintained,
      on.reviewHeld('rev-1', '2026-12-01'),
      on.noticeIssued('not-1', '2026-12-02'),
      on.transferPlanned('tr-1', 'school_phase', 2028, '2026-12-03'),
      on.ceased('2026-12-10'),
    ];
    expect(cancelled(events)).toEqual([
      ['plan_decision', '2025-12-15'],
      ['annual_review', '2026-12-10'],
      ['review_decision-rev-1', '2026-12-10'],
      ['amended_plan-not-1', '2026-12-10'],
      ['phase_transfer-tr-1', '2026-12-10'],
    ]);
    expect(deadlines(events).filter((d) => d.kind === 'annual_review')).toHaveLength(1);
  });

  it('a refused case closed later keeps the refusal date as the cancellation date', () => {
    expect(cancelled([...history.refused, on.closed('2026-03-01')])).toEqual([
      ['plan_decision', '2025-10-06'],
      ['final_plan', '2025-10-06'],
    ]);
  });
});

describe('deadlinesOf: plan_decision binds only a decision not to issue (2nd ed.; reg 10(1))', () => {
  // Request 1 Sep 2025: plan_decision due 22 Dec 2025 (16 weeks); 30 Dec is in week 17.
  const week17 = (decision: EhcpCaseEvent) => [...history.assessing, decision];

  it('a decision to issue in week 17 cancels plan_decision on its date; it is not met late', () => {
    const deadline = byId(week17(on.toIssue('2025-12-30')), 'plan_decision');
    expect(deadline).toMatchObject({ metOn: null, cancelled: true, cancelledOn: '2025-12-30' });
    expect(statusOf(deadline, '2026-01-05').status).toBe('cancelled');
  });

  it('a decision not to issue in week 17 meets plan_decision late', () => {
    const deadline = byId(week17(on.notToIssue('2025-12-30')), 'plan_decision');
    expect(deadline).toMatchObject({ metOn: '2025-12-30', cancelled: false });
    expect(statusOf(deadline, '2026-01-05').status).toBe('met_late');
  });

  it('"not issue" reversed by a decision to issue stays met by the "not issue"', () => {
    expect(byId([...history.notIssued, on.toIssue('2026-03-01')], 'plan_decision')).toMatchObject({
      metOn: '2025-12-15',
      cancelled: false,
    });
  });

  it('a refusal reversed, then a decision to issue: cancelled by the decision to issue', () => {
    const events = [...history.refused, on.assessed('2025-11-01'), on.toIssue('2026-01-05')];
    expect(byId(events, 'plan_decision')).toMatchObject({ cancelled: true, cancelledOn: '2026-01-05' });
  });
});

describe('deadlinesOf: the annual review is completed by the review decision (2nd ed.; CFA s44(1), CoP 9.176)', () => {
  // Plan issued 10 Jan 2025: the first 12 months end on 9 Jan 2026.
  const plan = [
    on.requestReceived({ requestReceivedOn: '2024-08-01' }),
    on.assessed('2024-09-01'),
    on.toIssue('2024-11-01'),
    on.draftIssued('2024-11-04'),
    on.finalIssued('2025-01-10'),
  ];
  const reviews = (events: readonly EhcpCaseEvent[]) =>
    deadlines(events)
      .filter((d) => d.kind === 'annual_review')
      .map(({ id, startsOn, dueOn, metOn }) => ({ id, startsOn, dueOn, metOn }));

  it('a meeting alone completes no review: the first period stays open and no next one starts', () => {
    expect(reviews([...plan, on.reviewHeld('rev-1', '2025-12-20')])).toEqual([
      { id: 'annual_review', startsOn: '2025-01-10', dueOn: '2026-01-09', metOn: null },
    ]);
  });

  it('a decision after the period meets it late, and the next 12 months start with the decision', () => {
    const events = [
      ...plan,
      on.reviewHeld('rev-1', '2025-12-20'),
      on.reviewDecided('rev-1', 'maintain', '2026-01-15'),
    ];
    expect(reviews(events)).toEqual([
      { id: 'annual_review', startsOn: '2025-01-10', dueOn: '2026-01-09', metOn: '2026-01-15' },
      { id: 'annual_review-rev-1', startsOn: '2026-01-15', dueOn: '2027-01-14', metOn: null },
    ]);
    expect(statusOf(byId(events, 'annual_review'), '2026-02-01').status).toBe('met_late');
  });

  it('each of maintain, amend and cease completes the review', () => {
    for (const decision of ['maintain', 'amend', 'cease'] as const) {
      const events = [
        ...plan,
        on.reviewHeld('rev-1', '2025-11-01'),
        on.reviewDecided('rev-1', decision, '2025-11-20'),
      ];
      expect(byId(events, 'annual_review').metOn).toBe('2025-11-20');
    }
  });

  it('decisions chain in date order, whatever order they were recorded in', () => {
    const meetings = [...plan, on.reviewHeld('rev-1', '2025-11-01'), on.reviewHeld('rev-2', '2025-11-03')];
    const rev1 = on.reviewDecided('rev-1', 'maintain', '2025-11-20');
    const rev2 = on.reviewDecided('rev-2', 'maintain', '2025-11-10');
    expect(reviews([...meetings, rev1, rev2])).toEqual(reviews([...meetings, rev2, rev1]));
    expect(reviews([...meetings, rev1, rev2])).toEqual([
      { id: 'annual_review', startsOn: '2025-01-10', dueOn: '2026-01-09', metOn: '2025-11-10' },
      { id: 'annual_review-rev-2', startsOn: '2025-11-10', dueOn: '2026-11-09', metOn: '2025-11-20' },
      { id: 'annual_review-rev-1', startsOn: '2025-11-20', dueOn: '2026-11-19', metOn: null },
    ]);
  });
});

describe('deadlinesOf: 12 months starting with 29 February (2nd ed.; DOMAIN.md "Dates and counting")', () => {
  const firstReview = (issuedOn: string) =>
    byId(
      [
        on.requestReceived({ requestReceivedOn: '2010-01-04' }),
        on.assessed('2010-02-01'),
        on.toIssue('2010-03-01'),
        on.draftIssued('2010-03-02'),
        on.finalIssued(issuedOn),
      ],
      'annual_review',
    ).dueOn;

  it.each([
    ['29 Feb 2024 ends on the last day of February 2025', '2024-02-29', '2025-02-28'],
    ['1 Mar 2024 ends on the same day', '2024-03-01', '2025-02-28'],
    ['28 Feb 2024 ends the day before, 27 Feb 2025', '2024-02-28', '2025-02-27'],
    ['1 Mar 2023 ends on 29 Feb 2024', '2023-03-01', '2024-02-29'],
    ['28 Feb 2023 ends on 27 Feb 2024', '2023-02-28', '2024-02-27'],
    ['29 Feb 2028 ends on 28 Feb 2029', '2028-02-29', '2029-02-28'],
  ])('the period starting with %s', (_title, issuedOn, dueOn) => {
    expect(firstReview(issuedOn)).toBe(dueOn);
  });

  it('a review decided on 29 February starts 12 months that end on 28 February', () => {
    const events = [
      ...history.planMaintained,
      on.reviewHeld('rev-1', '2028-02-01'),
      on.reviewDecided('rev-1', 'maintain', '2028-02-29'),
    ];
    expect(byId(events, 'annual_review-rev-1').dueOn).toBe('2029-02-28');
  });
});

describe('deadlinesOf: deadline ids', () => {
  it('Given sub-resources of different kinds with the same id, and more of them than ids are kept, When listed, Then each id is <kind>-<ref>', () => {
    // The ids written are kept per kind (and dropped when too many): a kind's id is never another's,
    // and one written again after they were dropped is the same.
    const refs = Array.from(
      { length: 12_000 },
      (_, index) => `x-${index % 6_000}-${index < 6_000 ? 'a' : 'b'}`,
    );
    for (let round = 0; round < 2; round += 1) {
      for (let from = 0; from < refs.length; from += 3_000) {
        const chunk = refs.slice(from, from + 3_000);
        const events = [
          on.requestReceived({ requestReceivedOn: '2025-09-01' }),
          ...chunk.map((ref) => on.adviceRequested(ref, '2025-10-07')),
          ...chunk.map((ref) => on.consulted(ref, '2025-12-23')),
        ];
        const ids = deadlines(events).map((deadline) => deadline.id);
        expect(ids).toEqual([
          'decision_to_assess',
          'plan_decision',
          'final_plan',
          ...chunk.map((ref) => `advice-${ref}`),
          ...chunk.map((ref) => `consultation_response-${ref}`),
        ]);
      }
    }
  });
});
