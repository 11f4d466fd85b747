import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import type { AppealOutcome, AppealSubject } from '../ehcp-case/ehcp-case.vocabulary';
import { on } from '../testing/case-events';
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
const orders = (events: readonly EhcpCaseEvent[], counting: DeadlineCounting = 'legal') =>
  deadlines(events, counting)
    .filter((d) => d.kind.startsWith('order_'))
    .map((d) => [d.id, d.startsOn, d.dueOn]);

// O = Mon 2 Mar 2026 throughout, unless a row says otherwise.
const O = '2026-03-02';
const decided = (
  against: AppealSubject,
  before: readonly EhcpCaseEvent[],
  lodgedOn: string,
  outcome: AppealOutcome = 'order',
  outcomeOn = O,
) => [...before, on.appealLodged('app-1', against, lodgedOn), on.appealDecided('app-1', outcome, outcomeOn)];

describe('(2nd ed.) order_* deadlines: a Tribunal order or a concession dated O (SEND Regs 2014 reg 44(2), reg 45)', () => {
  it('refusal to assess, order to assess on 2 Mar 2026: assessment notice O + 14, plan decision O + 70, final plan O + 98', () => {
    expect(orders(history.orderedToAssess)).toEqual([
      ['order_assessment_notice-app-1', O, '2026-03-16'],
      ['order_plan_decision-app-1', O, '2026-05-11'],
      ['order_final_plan-app-1', O, '2026-06-08'],
    ]);
    expect(byId(history.orderedToAssess, 'order_final_plan-app-1')).toMatchObject({
      kind: 'order_final_plan',
      ref: 'app-1',
      metOn: null,
      cancelled: false,
      rule: 'SEND Regs 2014 reg 44(2); reg 45',
    });
  });

  it('the day-one switch counts O as day 1: 15 Mar, 10 May, 7 Jun 2026', () => {
    expect(orders(history.orderedToAssess, 'day_one').map(([, , due]) => due)).toEqual([
      '2026-03-15',
      '2026-05-10',
      '2026-06-07',
    ]);
  });

  it('refusal to re-assess, order to re-assess: the same three steps', () => {
    const refused = [
      ...history.planMaintained,
      on.reassessmentRequested('rea-1', '2025-12-01'),
      on.reassessmentDecided('rea-1', 'refuse', '2025-12-10'),
    ];
    expect(orders(decided('refusal_to_reassess', refused, '2026-01-20'))).toEqual([
      ['order_assessment_notice-app-1', O, '2026-03-16'],
      ['order_plan_decision-app-1', O, '2026-05-11'],
      ['order_final_plan-app-1', O, '2026-06-08'],
    ]);
  });

  it('"not issue", order to make and maintain a plan: draft O + 35 (6 Apr 2026), final plan O + 77 (18 May 2026)', () => {
    expect(orders(decided('not_issue', history.notIssued, '2026-01-10'))).toEqual([
      ['order_draft_plan-app-1', O, '2026-04-06'],
      ['order_final_plan-app-1', O, '2026-05-18'],
    ]);
  });

  it("the plan's contents, order to amend: amended plan O + 35 (6 Apr 2026)", () => {
    expect(orders(decided('plan_contents', history.planMaintained, '2026-02-01'))).toEqual([
      ['order_amended_plan-app-1', O, '2026-04-06'],
    ]);
  });

  it('the placement (section I) only: amended plan O + 14 (16 Mar 2026)', () => {
    expect(orders(decided('placement', history.planMaintained, '2026-02-01'))).toEqual([
      ['order_amended_plan-app-1', O, '2026-03-16'],
    ]);
  });

  it('a concession counts from the day the LA notified the Tribunal, like an order (reg 45)', () => {
    expect(
      orders(decided('refusal_to_assess', history.refused, '2025-11-01', 'conceded', '2025-12-01')),
    ).toEqual([
      ['order_assessment_notice-app-1', '2025-12-01', '2025-12-15'],
      ['order_plan_decision-app-1', '2025-12-01', '2026-02-09'],
      ['order_final_plan-app-1', '2025-12-01', '2026-03-09'],
    ]);
  });

  it.each<AppealOutcome>(['dismissed', 'withdrawn'])('an appeal %s opens nothing', (outcome) => {
    expect(orders(decided('refusal_to_assess', history.refused, '2025-11-01', outcome))).toEqual([]);
    expect(orders(decided('placement', history.planMaintained, '2026-02-01', outcome))).toEqual([]);
  });

  it('an appeal still pending opens nothing', () => {
    expect(orders(history.appealed)).toEqual([]);
  });

  it('an order on a cessation opens nothing: the cessation is withdrawn and the plan stays maintained', () => {
    const ceasing = [...history.planMaintained, on.cessationDecided('2026-02-01')];
    const continued = decided('cessation', ceasing, '2026-02-10', 'order', '2026-03-02');
    expect(orders(continued)).toEqual([]);
    expect(replay(continued).stage).toBe('plan_maintained');
  });

  it('each appeal ordered opens its own deadlines, referenced by the appeal', () => {
    const events = [
      ...decided('placement', history.planMaintained, '2026-02-01'),
      on.appealLodged('app-2', 'plan_contents', '2026-02-01'),
      on.appealDecided('app-2', 'conceded', '2026-03-09'),
    ];
    expect(orders(events)).toEqual([
      ['order_amended_plan-app-1', O, '2026-03-16'],
      ['order_amended_plan-app-2', '2026-03-09', '2026-04-13'],
    ]);
  });
});

describe('(2nd ed.) order_* deadlines: what meets them, dated on or after O (DOMAIN.md "Appeals and Tribunal orders")', () => {
  it('an order to assess: the decision to assess, the decision to issue (cancels), the final plan', () => {
    const complied = [
      ...history.orderedToAssess,
      on.assessed('2026-03-10'),
      on.toIssue('2026-04-20'),
      on.draftIssued('2026-04-27'),
      on.finalIssued('2026-06-01'),
    ];
    expect(byId(complied, 'order_assessment_notice-app-1')).toMatchObject({
      metOn: '2026-03-10',
      cancelled: false,
    });
    expect(byId(complied, 'order_plan_decision-app-1')).toMatchObject({
      metOn: null,
      cancelled: true,
      cancelledOn: '2026-04-20',
    });
    expect(byId(complied, 'order_final_plan-app-1')).toMatchObject({ metOn: '2026-06-01', cancelled: false });
    expect(statusOf(byId(complied, 'order_final_plan-app-1'), '2026-07-01').status).toBe('met');
  });

  it('an order to assess: a decision not to issue meets order_plan_decision and cancels order_final_plan', () => {
    const notIssued = [...history.orderedToAssess, on.assessed('2026-03-16'), on.notToIssue('2026-05-12')];
    expect(byId(notIssued, 'order_assessment_notice-app-1')).toMatchObject({ metOn: '2026-03-16' });
    expect(statusOf(byId(notIssued, 'order_assessment_notice-app-1'), '2026-06-01').status).toBe('met');
    expect(byId(notIssued, 'order_plan_decision-app-1')).toMatchObject({
      metOn: '2026-05-12',
      cancelled: false,
    });
    expect(statusOf(byId(notIssued, 'order_plan_decision-app-1'), '2026-06-01').status).toBe('met_late');
    expect(byId(notIssued, 'order_final_plan-app-1')).toMatchObject({
      cancelled: true,
      cancelledOn: '2026-05-12',
    });
  });

  it('an order to assess not complied with: overdue from the day after O + 14', () => {
    const deadline = byId(history.orderedToAssess, 'order_assessment_notice-app-1');
    expect(statusOf(deadline, '2026-03-16').status).toBe('due_soon');
    expect(statusOf(deadline, '2026-03-17')).toEqual({ status: 'overdue', daysRemaining: -1 });
  });

  it('a decision to assess made before the order does not comply with it', () => {
    const events = [...history.appealed, on.assessed('2026-02-20'), on.appealDecided('app-1', 'order', O)];
    expect(byId(events, 'order_assessment_notice-app-1')).toMatchObject({ metOn: null, cancelled: false });
  });

  it('an order to make and maintain a plan: the draft served and the final plan', () => {
    const complied = [
      ...decided('not_issue', history.notIssued, '2026-01-10'),
      on.toIssue('2026-03-09'),
      on.draftIssued('2026-03-30'),
      on.representations('2026-04-10'),
      on.finalIssued('2026-05-01'),
    ];
    expect(byId(complied, 'order_draft_plan-app-1')).toMatchObject({ metOn: '2026-03-30', cancelled: false });
    expect(byId(complied, 'order_final_plan-app-1')).toMatchObject({ metOn: '2026-05-01', cancelled: false });
  });

  it('an order to amend: the earliest amended plan on or after O; one before O does not comply', () => {
    const events = [
      ...history.planMaintained,
      on.appealLodged('app-1', 'plan_contents', '2026-02-01'),
      on.noticeIssued('not-1', '2026-02-10'),
      on.amendedIssued('not-1', '2026-03-01'),
      on.appealDecided('app-1', 'order', O),
    ];
    expect(byId(events, 'order_amended_plan-app-1')).toMatchObject({ metOn: null, cancelled: false });
    const complied = [
      ...events,
      on.noticeIssued('not-2', '2026-03-03'),
      on.amendedIssued('not-2', '2026-03-20'),
    ];
    expect(byId(complied, 'order_amended_plan-app-1')).toMatchObject({
      metOn: '2026-03-20',
      cancelled: false,
    });
  });

  describe('an order to re-assess: the re-assessment decided on or after O', () => {
    const ordered = decided(
      'refusal_to_reassess',
      [
        ...history.planMaintained,
        on.reassessmentRequested('rea-1', '2025-12-01'),
        on.reassessmentDecided('rea-1', 'refuse', '2025-12-10'),
      ],
      '2026-01-20',
    );
    // The LA re-assesses on its own initiative after the order.
    const reassessing = [
      ...ordered,
      on.reassessmentRequested('rea-2', '2026-03-05', 'local_authority'),
      on.reassessmentDecided('rea-2', 'reassess', '2026-03-09'),
    ];

    it('the decision to re-assess meets order_assessment_notice', () => {
      expect(byId(reassessing, 'order_assessment_notice-app-1')).toMatchObject({ metOn: '2026-03-09' });
      expect(byId(ordered, 'order_assessment_notice-app-1')).toMatchObject({ metOn: null, cancelled: false });
    });

    it('its draft cancels order_plan_decision and its plan meets order_final_plan', () => {
      const planned = [
        ...reassessing,
        on.draftIssued('2026-04-20'),
        on.representations('2026-04-25'),
        on.finalIssued('2026-05-20'),
      ];
      expect(byId(planned, 'order_plan_decision-app-1')).toMatchObject({
        cancelled: true,
        cancelledOn: '2026-04-20',
      });
      expect(byId(planned, 'order_final_plan-app-1')).toMatchObject({
        metOn: '2026-05-20',
        cancelled: false,
      });
    });

    it('the earliest re-assessment decided on or after O is the one that complies', () => {
      const twice = [
        ...reassessing,
        on.planKeptUnchanged('rea-2', '2026-04-01'),
        on.reassessmentRequested('rea-3', '2026-05-01'),
        on.reassessmentDecided('rea-3', 'reassess', '2026-05-10'),
      ];
      expect(byId(twice, 'order_assessment_notice-app-1')).toMatchObject({ metOn: '2026-03-09' });
      expect(byId(twice, 'order_plan_decision-app-1')).toMatchObject({ metOn: '2026-04-01' });
    });

    it('its notice that the plan stays unchanged meets order_plan_decision and cancels order_final_plan', () => {
      const unchanged = [...reassessing, on.planKeptUnchanged('rea-2', '2026-05-04')];
      expect(byId(unchanged, 'order_plan_decision-app-1')).toMatchObject({
        metOn: '2026-05-04',
        cancelled: false,
      });
      expect(byId(unchanged, 'order_final_plan-app-1')).toMatchObject({
        cancelled: true,
        cancelledOn: '2026-05-04',
      });
    });
  });

  it('closing the case cancels the open order deadlines on its date', () => {
    const closed = [...history.orderedToAssess, on.closed('2026-04-01')];
    expect(byId(closed, 'order_final_plan-app-1')).toMatchObject({
      cancelled: true,
      cancelledOn: '2026-04-01',
    });
  });
});

describe('(2nd ed.) an order cancels the deadlines of the path it replaces (DOMAIN.md "Appeals and Tribunal orders")', () => {
  const cancelled = (events: readonly EhcpCaseEvent[]) =>
    deadlines(events)
      .filter((d) => d.cancelled)
      .map((d) => [d.id, d.cancelledOn]);

  it('refused, ordered to assess, assessed and a plan issued: the original plan_decision and final_plan stay cancelled by the refusal', () => {
    const events = [
      ...history.orderedToAssess,
      on.assessed('2026-03-10'),
      on.toIssue('2026-04-20'),
      on.draftIssued('2026-04-27'),
      on.finalIssued('2026-06-01'),
    ];
    expect(byId(events, 'final_plan')).toMatchObject({
      metOn: null,
      cancelled: true,
      cancelledOn: '2025-10-06',
    });
    expect(byId(events, 'plan_decision')).toMatchObject({
      metOn: null,
      cancelled: true,
      cancelledOn: '2025-10-06',
    });
    expect(byId(events, 'decision_to_assess')).toMatchObject({ metOn: '2025-10-06' });
    expect(statusOf(byId(events, 'final_plan'), '2026-07-01').status).toBe('cancelled');
  });

  it('a concession replaces the path too, even once the LA has decided to assess', () => {
    const events = [
      ...history.appealed,
      on.assessed('2025-12-01'),
      on.appealDecided('app-1', 'conceded', '2025-12-01'),
    ];
    expect(cancelled(events)).toEqual([
      ['plan_decision', '2025-10-06'],
      ['final_plan', '2025-10-06'],
    ]);
  });

  it('"not issue", ordered to make a plan: the original final_plan stays cancelled by the decision not to issue', () => {
    const events = [
      ...decided('not_issue', history.notIssued, '2026-01-10'),
      on.toIssue('2026-03-09'),
      on.draftIssued('2026-03-30'),
      on.finalIssued('2026-05-01'),
    ];
    expect(byId(events, 'final_plan')).toMatchObject({
      metOn: null,
      cancelled: true,
      cancelledOn: '2025-12-15',
    });
    expect(byId(events, 'plan_decision')).toMatchObject({ metOn: '2025-12-15', cancelled: false });
  });

  it('without an order or a concession a later decision reverses the refusal and reopens them (appeal dismissed, LA changes its mind)', () => {
    const dismissed = decided('refusal_to_assess', history.refused, '2025-11-01', 'dismissed');
    expect(cancelled([...dismissed, on.assessed('2026-03-10')])).toEqual([]);
    expect(cancelled([...history.appealed, on.assessed('2025-12-01')])).toEqual([]);
    const notIssueDismissed = decided('not_issue', history.notIssued, '2026-01-10', 'withdrawn');
    expect(cancelled([...notIssueDismissed, on.toIssue('2026-03-09')])).toEqual([]);
  });

  it('an order on something else (a placement) leaves the initial deadlines alone', () => {
    const events = decided('placement', history.planMaintained, '2026-02-01');
    expect(byId(events, 'final_plan')).toMatchObject({ metOn: '2026-01-12', cancelled: false });
  });
});

describe('(2nd ed.) order_* exceptions: reg 44(3), absence from the area for 2 continuous weeks', () => {
  // order_assessment_notice of 2 Mar 2026 runs 2 .. 16 Mar (open): its statutory period.
  const absent = (startedOn: string, endedOn: string | null) => [
    ...history.orderedToAssess,
    on.exception('absence_from_area', startedOn, endedOn),
  ];
  const applies = (events: readonly EhcpCaseEvent[], id = 'order_assessment_notice-app-1') =>
    byId(events, id).exceptionApplies;

  it('an absence of 14 days inside the period (2 .. 15 Mar) applies; 13 days (3 .. 15 Mar) do not', () => {
    expect(applies(absent('2026-03-02', '2026-03-15'))).toBe(true);
    expect(applies(absent('2026-03-03', '2026-03-15'))).toBe(false);
  });

  it('days before O do not count: 20 Feb .. 14 Mar has 13 days inside', () => {
    expect(applies(absent('2026-02-20', '2026-03-14'))).toBe(false);
    expect(applies(absent('2026-02-20', '2026-03-15'))).toBe(true);
  });

  it('an open-ended absence counts to the due date: from 3 Mar, 14 days to 16 Mar', () => {
    expect(applies(absent('2026-03-03', null))).toBe(true);
    expect(applies(absent('2026-03-04', null))).toBe(false);
  });

  it('14 days apply to every order deadline, where the initial deadlines need 28', () => {
    const events = absent('2026-03-20', '2026-04-02'); // 14 days inside order_plan_decision and order_final_plan
    expect(applies(events, 'order_plan_decision-app-1')).toBe(true);
    expect(applies(events, 'order_final_plan-app-1')).toBe(true);
    const request = [...history.requested, on.exception('absence_from_area', '2025-10-01', '2025-10-14')];
    expect(applies(request, 'final_plan')).toBe(false);
  });

  it.each([
    ['exceptional_personal_circumstances', true],
    ['missed_appointment', false],
  ] as const)('%s applies = %s', (reason, expected) => {
    expect(applies([...history.orderedToAssess, on.exception(reason, '2026-03-05', '2026-03-05')])).toBe(
      expected,
    );
  });
});
