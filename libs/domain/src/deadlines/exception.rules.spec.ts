import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { AdviceSource, ExceptionReason } from '../ehcp-case/ehcp-case.vocabulary';
import { on } from '../testing/case-events';
import { history } from '../testing/ehcp-case.fixtures';
import { deadlinesOf } from './deadline.calculator';
import { ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND, EXCEPTION_REASONS_BY_KIND } from './deadline.rules';
import { DEADLINE_KINDS, type Deadline, type DeadlineKind } from './deadline.types';

const byId = (events: readonly EhcpCaseEvent[], id: string): Deadline => {
  const deadline = deadlinesOf(replay(events)).find((d) => d.id === id);
  if (!deadline) throw new Error(`no deadline ${id}`);
  return deadline;
};
const applies = (events: readonly EhcpCaseEvent[], id: string): boolean => byId(events, id).exceptionApplies;

/** A case with a deadline of every kind, all starting on or after the request of 1 Sep 2025. */
const everyKind: EhcpCaseEvent[] = [
  on.requestReceived({ requestReceivedOn: '2025-09-01' }),
  on.assessed('2025-10-06'),
  on.adviceRequested('adv-1', '2025-10-07'),
  on.toIssue('2025-12-15'),
  on.draftIssued('2025-12-22'),
  on.consulted('con-1', '2025-12-23'),
  on.representations('2026-01-02'),
  on.finalIssued('2026-01-12'),
  on.reviewHeld('rev-1', '2026-12-01'),
  on.reviewDecided('rev-1', 'amend', '2026-12-20'),
  on.noticeIssued('not-1', '2027-01-05'),
  on.transferPlanned('tr-1', 'school_phase', 2028, '2027-01-06'),
  on.post16TransferPlanned('tr-2', '2028-07-31', '2027-01-06'),
  // (2nd ed.) Orders of 20 Oct 2025 (reg 44(2)), so that the closure below overlaps their periods.
  on.appealLodged('app-1', 'refusal_to_reassess', '2025-10-10'),
  on.appealDecided('app-1', 'order', '2025-10-20'),
  on.appealLodged('app-2', 'not_issue', '2025-10-10'),
  on.appealDecided('app-2', 'order', '2025-10-20'),
  on.appealLodged('app-3', 'plan_contents', '2025-10-10'),
  on.appealDecided('app-3', 'order', '2025-10-20'),
];
const idOf: { readonly [K in DeadlineKind]: string } = {
  decision_to_assess: 'decision_to_assess',
  advice: 'advice-adv-1',
  plan_decision: 'plan_decision',
  final_plan: 'final_plan',
  consultation_response: 'consultation_response-con-1',
  annual_review: 'annual_review-rev-1',
  review_decision: 'review_decision-rev-1',
  amendment_notice: 'amendment_notice-rev-1',
  amended_plan: 'amended_plan-not-1',
  phase_transfer: 'phase_transfer-tr-1',
  post16_transfer: 'post16_transfer-tr-2',
  reassessment_decision: 'reassessment_decision-rea-1',
  reassessment_plan: 'reassessment_plan-rea-1',
  transfer_notice: 'transfer_notice',
  order_assessment_notice: 'order_assessment_notice-app-1',
  order_plan_decision: 'order_plan_decision-app-1',
  order_draft_plan: 'order_draft_plan-app-2',
  order_final_plan: 'order_final_plan-app-1',
  order_amended_plan: 'order_amended_plan-app-3',
};
/**
 * (2nd ed.) A plan transferred in on 1 Aug 2025 (reg 15) and re-assessed: requested 1 Sep, decided
 * "reassess" 5 Sep 2025 (reassessment_plan runs 5 Sep .. 12 Dec 2025), so that the qualifying facts
 * below, from 1 Sep 2025 on, fall in its statutory periods as they do in the initial assessment's.
 */
const transferredAndReassessed: EhcpCaseEvent[] = [
  on.transferredIn({ transferredOn: '2025-08-01' }),
  on.reassessmentRequested('rea-1', '2025-09-01'),
  on.reassessmentDecided('rea-1', 'reassess', '2025-09-05'),
];
/** The history each kind's deadline is read from: `everyKind` unless listed. */
const historyOf: { readonly [K in DeadlineKind]?: EhcpCaseEvent[] } = {
  reassessment_decision: transferredAndReassessed,
  reassessment_plan: transferredAndReassessed,
  transfer_notice: transferredAndReassessed,
};
/** reg 44(3) applies reg 10(4)'s list to a Tribunal order's deadlines (absence: 2 weeks). */
const ORDER_KINDS: DeadlineKind[] = [
  'order_assessment_notice',
  'order_plan_decision',
  'order_draft_plan',
  'order_final_plan',
  'order_amended_plan',
];

/**
 * A closure of the setting 1 Oct .. 3 Nov 2025 (34 days apart) with advice requested from such a
 * setting on 7 Oct, inside the window 24 Sep .. 27 Oct: it overlaps every statutory period of the
 * initial assessment, decision_to_assess's (1 Sep .. 6 Oct) included.
 */
const closure = (reason: ExceptionReason, source: AdviceSource): EhcpCaseEvent[] => [
  on.adviceRequested('adv-2', '2025-10-07', source),
  on.exception(reason, '2025-10-01', '2025-11-03'),
];

// DOMAIN.md's exception table, written out independently of EXCEPTION_REASONS_BY_KIND, each reason
// with facts that qualify it (points 3 and 4 of "When an exception applies") from the request on.
const exceptionTable: [ExceptionReason, string, DeadlineKind[], EhcpCaseEvent[]][] = [
  [
    'institution_closure',
    'advice requested from a school/post-16 institution around a closure of 4+ weeks',
    ['decision_to_assess', 'plan_decision', 'final_plan', 'reassessment_plan', ...ORDER_KINDS],
    closure('institution_closure', 'educational'),
  ],
  [
    'early_years_closure',
    'the same for an early-years provider',
    ['decision_to_assess', 'plan_decision', 'final_plan', 'reassessment_plan', ...ORDER_KINDS],
    closure('early_years_closure', 'early_years'),
  ],
  [
    'exceptional_personal_circumstances',
    'exceptional personal circumstances of the child, parent or young person',
    ['decision_to_assess', 'advice', 'plan_decision', 'final_plan', 'reassessment_plan', ...ORDER_KINDS],
    [on.exception('exceptional_personal_circumstances', '2025-09-01')],
  ],
  [
    'absence_from_area',
    'absence from the area for 4+ continuous weeks (2+ for order_*)',
    ['decision_to_assess', 'advice', 'plan_decision', 'final_plan', 'reassessment_plan', ...ORDER_KINDS],
    [on.exception('absence_from_area', '2025-09-01')],
  ],
  [
    'missed_appointment',
    'a missed examination or test appointment',
    ['advice'],
    [on.exception('missed_appointment', '2025-09-01')],
  ],
];

describe('exceptions: DOMAIN.md exception table, every reason against every deadline kind', () => {
  describe.each(exceptionTable)('%s (%s)', (reason, _meaning, appliesTo, qualifying) => {
    it.each(DEADLINE_KINDS.map((kind) => [kind, appliesTo.includes(kind)] as const))(
      `against %s: applies = %s`,
      (kind, expected) => {
        const events = historyOf[kind] ?? everyKind;
        expect(applies([...events, ...qualifying], idOf[kind])).toBe(expected);
        expect(applies([...events, on.exception(reason, '2025-06-01', '2025-08-31')], idOf[kind])).toBe(
          false,
        );
      },
    );
  });
});

describe('exceptions: the statutory period, clock start to the earlier of due and met (2nd ed.; reg 10(4) "during that time period")', () => {
  const open = history.requested; // final_plan runs from 1 Sep 2025, open, due 19 Jan 2026
  const metOn = [...history.planMaintained]; // final_plan met 12 Jan 2026
  const circumstances = (startedOn: string, endedOn: string | null = null) =>
    on.exception('exceptional_personal_circumstances', startedOn, endedOn);

  it('an open-ended exception that starts on the due date of an open deadline applies', () => {
    expect(applies([...open, circumstances('2026-01-19')], 'final_plan')).toBe(true);
  });

  it('an exception that starts the day after an open deadline is due never applies, however long it runs', () => {
    expect(applies([...open, circumstances('2026-01-20')], 'final_plan')).toBe(false);
    expect(applies([...open, circumstances('2026-06-01', '2026-06-02')], 'final_plan')).toBe(false);
  });

  it('met late: the period ends on the due date, so an exception between the due date and the plan never applies', () => {
    // The issue's case: 20 weeks end on 19 Jan 2026; circumstances 1 .. 10 Feb; the plan on 2 Mar.
    const late = [
      ...history.draftIssued,
      on.representations('2026-01-02'),
      circumstances('2026-02-01', '2026-02-10'),
      on.finalIssued('2026-03-02'),
    ];
    expect(byId(late, 'final_plan')).toMatchObject({ metOn: '2026-03-02', exceptionApplies: false });
    const onDueDate = on.exception('exceptional_personal_circumstances', '2026-01-19', '2026-01-19', 'exc-2');
    expect(applies([...late, onDueDate], 'final_plan')).toBe(true);
  });

  it('an ended exception that ends on the clock start applies', () => {
    expect(applies([...open, circumstances('2025-08-01', '2025-09-01')], 'final_plan')).toBe(true);
  });

  it('an ended exception that ends the day before the clock start does not apply', () => {
    expect(applies([...open, circumstances('2025-08-01', '2025-08-31')], 'final_plan')).toBe(false);
  });

  it('an exception that starts on the day the deadline was met applies', () => {
    expect(applies([...metOn, circumstances('2026-01-12')], 'final_plan')).toBe(true);
  });

  it('an exception that starts the day after the deadline was met does not apply', () => {
    expect(applies([...metOn, circumstances('2026-01-13')], 'final_plan')).toBe(false);
  });

  it('a deadline cancelled before its due date runs to its cancellation date', () => {
    const refused = history.refused; // plan_decision cancelled 6 Oct 2025
    expect(applies([...refused, circumstances('2025-10-06')], 'plan_decision')).toBe(true);
    expect(applies([...refused, circumstances('2025-10-07')], 'plan_decision')).toBe(false);
  });

  it('a deadline cancelled after its due date runs to its due date', () => {
    // decision_to_assess is due 13 Oct 2025; the case is closed on 1 Dec before any decision.
    const closed = [...history.requested, on.closed('2025-12-01')];
    expect(applies([...closed, circumstances('2025-10-13')], 'decision_to_assess')).toBe(true);
    expect(applies([...closed, circumstances('2025-10-14')], 'decision_to_assess')).toBe(false);
  });

  it('ending an exception later narrows its period', () => {
    const started = [...metOn, circumstances('2025-06-01')];
    expect(applies(started, 'final_plan')).toBe(true);
    expect(applies([...started, on.exceptionEnded('2025-08-31')], 'final_plan')).toBe(false);
  });

  it('any one of several exceptions is enough', () => {
    const events = [
      ...metOn,
      on.exception('missed_appointment', '2025-10-01', null, 'exc-1'),
      on.exception('exceptional_personal_circumstances', '2025-10-01', '2025-10-02', 'exc-2'),
    ];
    expect(applies(events, 'final_plan')).toBe(true);
    expect(applies(events.slice(0, -1), 'final_plan')).toBe(false);
  });
});

describe('exceptions: absence from the area needs 28 days inside the statutory period (2nd ed.; reg 10(4)(d), 8(2)(b))', () => {
  const absence = (startedOn: string, endedOn: string | null, before = history.requested) => [
    ...before,
    on.exception('absence_from_area', startedOn, endedOn),
  ];

  it('an ended absence of 27 days (1 .. 27 Oct) does not apply', () => {
    expect(applies(absence('2025-10-01', '2025-10-27'), 'final_plan')).toBe(false);
  });

  it('an ended absence of 28 days (1 .. 28 Oct) applies', () => {
    expect(applies(absence('2025-10-01', '2025-10-28'), 'final_plan')).toBe(true);
  });

  it('an absence that began before the request counts from the clock start: 27 days inside do not apply, 28 do', () => {
    expect(applies(absence('2025-07-01', '2025-09-27'), 'final_plan')).toBe(false);
    expect(applies(absence('2025-07-01', '2025-09-28'), 'final_plan')).toBe(true);
  });

  it('an absence that runs past the day the deadline was met counts to that day', () => {
    // final_plan met 12 Jan 2026: 16 Dec .. 12 Jan is 28 days, 17 Dec .. 12 Jan 27.
    expect(applies(absence('2025-12-16', '2026-02-28', history.planMaintained), 'final_plan')).toBe(true);
    expect(applies(absence('2025-12-17', '2026-02-28', history.planMaintained), 'final_plan')).toBe(false);
  });

  it('an open-ended absence counts to the end of the statutory period: to the due date of an open deadline', () => {
    // final_plan due 19 Jan 2026: 23 Dec .. 19 Jan is 28 days, 24 Dec .. 19 Jan 27.
    expect(applies(absence('2025-12-23', null), 'final_plan')).toBe(true);
    expect(applies(absence('2025-12-24', null), 'final_plan')).toBe(false);
  });

  it('each deadline counts its own period: an absence of 1 Sep .. 10 Oct 2025', () => {
    const events = absence('2025-09-01', '2025-10-10', [...history.assessing, on.adviceRequested()]);
    expect(applies(events, 'decision_to_assess')).toBe(true); // met 6 Oct: 1 Sep .. 6 Oct, 36 days
    expect(applies(events, 'final_plan')).toBe(true); // 40 days
    expect(applies(events, 'advice-adv-1')).toBe(false); // requested 7 Oct: 7 .. 10 Oct, 4 days
  });

  it('a short absence stops applying once ended', () => {
    const events = [...absence('2025-12-01', null), on.exceptionEnded('2025-12-10')];
    expect(applies(events.slice(0, -1), 'final_plan')).toBe(true);
    expect(applies(events, 'final_plan')).toBe(false);
  });

  it('other reasons have no minimum length', () => {
    const events = [
      ...history.requested,
      on.exception('exceptional_personal_circumstances', '2025-10-01', '2025-10-01'),
    ];
    expect(applies(events, 'final_plan')).toBe(true);
  });

  it('the minimum is set per deadline kind, for exactly the kinds absence from the area applies to', () => {
    const withAbsence = DEADLINE_KINDS.filter((kind) =>
      EXCEPTION_REASONS_BY_KIND[kind].includes('absence_from_area'),
    );
    expect(Object.keys(ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND).sort()).toEqual([...withAbsence].sort());
    // reg 44(3): 2 continuous weeks for a Tribunal order's deadlines.
    for (const kind of withAbsence)
      expect(ABSENCE_FROM_AREA_MIN_DAYS_BY_KIND[kind]).toBe(ORDER_KINDS.includes(kind) ? 14 : 28);
  });

  it('does not depend on the date of evaluation', () => {
    const state = replay(absence('2025-10-01', null));
    expect(deadlinesOf(state)).toEqual(deadlinesOf(state));
  });
});

describe('exceptions: a closure needs a qualifying advice request (2nd ed.; reg 10(4)(a), (b))', () => {
  // Request 2 Jun 2025, decision to assess 7 Jul; the school closes on Wed 23 Jul and re-opens on
  // Wed 3 Sep (42 days apart). The advice window runs from 16 Jul to 27 Aug inclusive.
  const summer = (
    adviceOn: string,
    source: AdviceSource = 'educational',
    reason: ExceptionReason = 'institution_closure',
    closedOn = '2025-07-23',
    reopensOn: string | null = '2025-09-03',
  ): EhcpCaseEvent[] => [
    on.requestReceived({ requestReceivedOn: '2025-06-02' }),
    on.assessed('2025-07-07'),
    on.adviceRequested('adv-1', adviceOn, source),
    on.exception(reason, closedOn, reopensOn),
  ];

  it.each([
    ['a week before the closure (16 Jul)', '2025-07-16', true],
    ['the day before that window (15 Jul)', '2025-07-15', false],
    ['a week before the re-opening (27 Aug)', '2025-08-27', true],
    ['the day after that window (28 Aug)', '2025-08-28', false],
  ])('advice requested from the school %s: applies = %s', (_title, adviceOn, expected) => {
    expect(applies(summer(adviceOn), 'final_plan')).toBe(expected);
  });

  it.each<[ExceptionReason, AdviceSource, boolean]>([
    ['institution_closure', 'educational', true],
    ['institution_closure', 'post16', true],
    ['institution_closure', 'early_years', false],
    ['institution_closure', 'educational_psychology', false],
    ['early_years_closure', 'early_years', true],
    ['early_years_closure', 'educational', false],
    ['early_years_closure', 'post16', false],
  ])('%s with advice requested from %s: applies = %s', (reason, source, expected) => {
    expect(applies(summer('2025-07-20', source, reason), 'final_plan')).toBe(expected);
    expect(applies(summer('2025-07-20', source, reason), 'plan_decision')).toBe(expected);
  });

  it('the closure lasts at least 4 weeks: re-opening 28 days after the first day closed qualifies, 27 not', () => {
    expect(
      applies(
        summer('2025-07-20', 'educational', 'institution_closure', '2025-07-23', '2025-08-20'),
        'final_plan',
      ),
    ).toBe(true);
    expect(
      applies(
        summer('2025-07-20', 'educational', 'institution_closure', '2025-07-23', '2025-08-19'),
        'final_plan',
      ),
    ).toBe(false);
  });

  it('a closure without a re-opening day does not apply until its re-opening is recorded', () => {
    const open = summer('2025-07-20', 'educational', 'institution_closure', '2025-07-23', null);
    expect(applies(open, 'final_plan')).toBe(false);
    expect(applies([...open, on.exceptionEnded('2025-09-03')], 'final_plan')).toBe(true);
  });

  it('the closure still has to overlap the statutory period: not decision_to_assess, met on 7 Jul before it', () => {
    expect(applies(summer('2025-07-20'), 'decision_to_assess')).toBe(false);
  });

  it('any qualifying request on the case will do, whichever advice it was', () => {
    const events = [...summer('2025-07-20', 'health'), on.adviceRequested('adv-2', '2025-08-01', 'post16')];
    expect(applies(events.slice(0, -1), 'final_plan')).toBe(false);
    expect(applies(events, 'final_plan')).toBe(true);
  });
});
