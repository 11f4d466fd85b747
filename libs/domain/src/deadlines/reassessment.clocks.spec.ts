import { decide } from '../ehcp-case/ehcp-case.decider';
import type { EhcpCaseCommand } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { replay } from '../ehcp-case/ehcp-case.evolve';
import { on } from '../testing/case-events';
import { command, history } from '../testing/ehcp-case.fixtures';
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
const idsOf = (events: readonly EhcpCaseEvent[], kind: Deadline['kind']) =>
  deadlines(events)
    .filter((d) => d.kind === kind)
    .map((d) => d.id);

/** The events the commands record, each decided on the case as the facts before it left it. */
const recorded = (start: readonly EhcpCaseEvent[], commands: readonly EhcpCaseCommand[]): EhcpCaseEvent[] =>
  commands.reduce<EhcpCaseEvent[]>(
    (events, next) => [...events, ...decide(next, replay(events))],
    [...start],
  );

// The plan of 12 Jan 2026 (history.planMaintained); the parent asks for a re-assessment on Mon 1 Jun
// 2026 (Q) and the council notifies its decision to re-assess on Wed 10 Jun 2026 (S).
const Q = '2026-06-01';
const S = '2026-06-10';
const requested = [...history.planMaintained, on.reassessmentRequested('rea-1', Q)];
const reassessing = [...requested, on.reassessmentDecided('rea-1', 'reassess', S)];

describe('(2nd ed.) reassessment_decision: Q + 15 (reg 25, 15 days per council and SENDIASS guidance)', () => {
  it('a request received on Mon 1 Jun 2026 is to be decided by Tue 16 Jun 2026, in both countings (calendar days)', () => {
    for (const counting of ['legal', 'day_one'] as const) {
      expect(byId(requested, 'reassessment_decision-rea-1', counting)).toMatchObject({
        kind: 'reassessment_decision',
        ref: 'rea-1',
        startsOn: Q,
        dueOn: '2026-06-16',
        metOn: null,
        cancelled: false,
        exceptionApplies: false,
        rule: 'SEND Regs 2014 reg 25 (15 days, as council and SENDIASS guidance read it)',
      });
    }
  });

  it('is open, due soon, then overdue after 16 Jun 2026', () => {
    const deadline = byId(requested, 'reassessment_decision-rea-1');
    expect(statusOf(deadline, '2026-06-16')).toEqual({ status: 'due_soon', daysRemaining: 0 });
    expect(statusOf(deadline, '2026-06-17')).toEqual({ status: 'overdue', daysRemaining: -1 });
  });

  it('is met by the decision either way: "reassess" or "refuse"', () => {
    expect(byId(reassessing, 'reassessment_decision-rea-1').metOn).toBe(S);
    const refused = [...requested, on.reassessmentDecided('rea-1', 'refuse', '2026-06-12')];
    expect(byId(refused, 'reassessment_decision-rea-1').metOn).toBe('2026-06-12');
  });

  it('a decision on 17 Jun 2026 meets it late', () => {
    const late = [...requested, on.reassessmentDecided('rea-1', 'reassess', '2026-06-17')];
    expect(statusOf(byId(late, 'reassessment_decision-rea-1'), '2026-07-01').status).toBe('met_late');
  });

  it('stays met by the refusal when the refusal is reversed later (e.g. after an appeal)', () => {
    const reversed = [
      ...requested,
      on.reassessmentDecided('rea-1', 'refuse', '2026-06-12'),
      on.reassessmentDecided('rea-1', 'reassess', '2026-10-01'),
    ];
    expect(byId(reversed, 'reassessment_decision-rea-1').metOn).toBe('2026-06-12');
  });

  it("is not opened by the LA's own initiative (`local_authority`): there is no request to answer", () => {
    const own = [...history.planMaintained, on.reassessmentRequested('rea-1', Q, 'local_authority')];
    expect(idsOf(own, 'reassessment_decision')).toEqual([]);
    // Its decision, the notice to re-assess, still opens reassessment_plan.
    expect(idsOf([...own, on.reassessmentDecided('rea-1', 'reassess', Q)], 'reassessment_plan')).toEqual([
      'reassessment_plan-rea-1',
    ]);
  });

  it('closing the case cancels an undecided request on the closure date', () => {
    expect(byId([...requested, on.closed('2026-06-05')], 'reassessment_decision-rea-1')).toMatchObject({
      cancelled: true,
      cancelledOn: '2026-06-05',
    });
  });
});

describe('(2nd ed.) reassessment_plan: S + 98 (reg 27(2))', () => {
  it('a decision to re-assess notified on Wed 10 Jun 2026 is to end by Wed 16 Sep 2026 (day one: 15 Sep)', () => {
    expect(byId(reassessing, 'reassessment_plan-rea-1')).toMatchObject({
      kind: 'reassessment_plan',
      ref: 'rea-1',
      startsOn: S,
      dueOn: '2026-09-16',
      metOn: null,
      cancelled: false,
      rule: 'SEND Regs 2014 reg 27(2)',
    });
    expect(byId(reassessing, 'reassessment_plan-rea-1', 'day_one').dueOn).toBe('2026-09-15');
  });

  it('is not opened while the request is undecided, nor by a refusal', () => {
    expect(idsOf(requested, 'reassessment_plan')).toEqual([]);
    expect(idsOf([...requested, on.reassessmentDecided('rea-1', 'refuse', S)], 'reassessment_plan')).toEqual(
      [],
    );
  });

  it('a refusal reversed opens it from the reversal', () => {
    const reversed = [
      ...requested,
      on.reassessmentDecided('rea-1', 'refuse', S),
      on.reassessmentDecided('rea-1', 'reassess', '2026-10-01'),
    ];
    expect(byId(reversed, 'reassessment_plan-rea-1')).toMatchObject({
      startsOn: '2026-10-01',
      dueOn: '2027-01-07',
    });
  });

  it("is met by the re-assessment's final plan (reg 27(2)(a)); the first plan's final_plan stays as it was", () => {
    const planned = [
      ...reassessing,
      on.draftIssued('2026-08-03'),
      on.representations('2026-08-10'),
      on.finalIssued('2026-09-01'),
    ];
    expect(byId(planned, 'reassessment_plan-rea-1')).toMatchObject({ metOn: '2026-09-01', cancelled: false });
    expect(byId(planned, 'final_plan').metOn).toBe('2026-01-12');
  });

  it('is met by notice that the plan stays unchanged (reg 27(2)(b)); late after 16 Sep 2026', () => {
    const unchanged = [...reassessing, on.planKeptUnchanged('rea-1', '2026-09-16')];
    expect(byId(unchanged, 'reassessment_plan-rea-1').metOn).toBe('2026-09-16');
    expect(statusOf(byId(unchanged, 'reassessment_plan-rea-1'), '2026-12-01').status).toBe('met');
    const late = [...reassessing, on.planKeptUnchanged('rea-1', '2026-09-17')];
    expect(statusOf(byId(late, 'reassessment_plan-rea-1'), '2026-12-01').status).toBe('met_late');
  });

  it('is overdue from 17 Sep 2026 while the re-assessment is open', () => {
    expect(statusOf(byId(reassessing, 'reassessment_plan-rea-1'), '2026-09-17').status).toBe('overdue');
  });

  it('ceasing the plan cancels an open re-assessment on the day it ceases', () => {
    expect(byId([...reassessing, on.ceased('2026-08-01')], 'reassessment_plan-rea-1')).toMatchObject({
      cancelled: true,
      cancelledOn: '2026-08-01',
    });
  });

  it('each re-assessment has its own deadlines, keyed by its request', () => {
    const twice = [
      ...reassessing,
      on.planKeptUnchanged('rea-1', '2026-08-01'),
      on.reassessmentRequested('rea-2', '2027-02-01'),
      on.reassessmentDecided('rea-2', 'reassess', '2027-02-10'),
    ];
    expect(idsOf(twice, 'reassessment_decision')).toEqual([
      'reassessment_decision-rea-1',
      'reassessment_decision-rea-2',
    ]);
    expect(byId(twice, 'reassessment_plan-rea-1').metOn).toBe('2026-08-01');
    expect(byId(twice, 'reassessment_plan-rea-2')).toMatchObject({
      startsOn: '2027-02-10',
      dueOn: '2027-05-19',
      metOn: null,
    });
  });
});

describe('(2nd ed.) reassessment_plan exceptions: reg 27(3) = reg 10(4) (a)-(d)', () => {
  // The school closes for the summer on Wed 22 Jul 2026 and re-opens on Thu 3 Sep 2026 (43 days):
  // advice requested from it between 15 Jul and 27 Aug 2026 qualifies the closure (reg 10(4)(a)).
  const summer = (withAdvice: boolean): EhcpCaseEvent[] =>
    recorded(history.planMaintained, [
      command('RequestReassessment', { requestId: 'rea-1', receivedOn: Q, requestedBy: 'parent' }),
      command('DecideReassessment', { requestId: 'rea-1', decision: 'reassess', decidedOn: S }),
      ...(withAdvice
        ? [command('RequestAdvice', { adviceId: 'adv-2', source: 'educational', requestedOn: '2026-07-16' })]
        : []),
      command('RecordException', {
        exceptionId: 'exc-1',
        reason: 'institution_closure',
        startedOn: '2026-07-22',
        endedOn: '2026-09-03',
      }),
    ]);

  it('a summer closure with advice requested from the school on 16 Jul 2026 applies to the re-assessment due 16 Sep 2026', () => {
    expect(byId(summer(true), 'reassessment_plan-rea-1')).toMatchObject({
      startsOn: S,
      dueOn: '2026-09-16',
      exceptionApplies: true,
    });
  });

  it('the same closure without the advice request does not apply', () => {
    expect(byId(summer(false), 'reassessment_plan-rea-1').exceptionApplies).toBe(false);
  });

  it('no exception ever applies to reassessment_decision', () => {
    const events = [...requested, on.exception('exceptional_personal_circumstances', Q)];
    expect(byId(events, 'reassessment_decision-rea-1').exceptionApplies).toBe(false);
    expect(
      byId([...events, on.reassessmentDecided('rea-1', 'reassess', S)], 'reassessment_plan-rea-1')
        .exceptionApplies,
    ).toBe(true);
  });

  it('an absence from the area needs 28 days inside S .. the due date (or the day the re-assessment ended)', () => {
    const ended = [...reassessing, on.planKeptUnchanged('rea-1', '2026-07-07')];
    // 10 Jun .. 7 Jul is 28 days; 11 Jun .. 7 Jul 27.
    expect(
      byId([...ended, on.exception('absence_from_area', S, null)], 'reassessment_plan-rea-1')
        .exceptionApplies,
    ).toBe(true);
    expect(
      byId([...ended, on.exception('absence_from_area', '2026-06-11', null)], 'reassessment_plan-rea-1')
        .exceptionApplies,
    ).toBe(false);
  });
});

describe('(2nd ed.) annual_review: a plan issued after a re-assessment starts a new 12-month period (CFA s44(1))', () => {
  // The first plan of 12 Jan 2026 is to be reviewed by 11 Jan 2027.
  const reviews = (events: readonly EhcpCaseEvent[]) =>
    deadlines(events)
      .filter((d) => d.kind === 'annual_review')
      .map(({ id, startsOn, dueOn, metOn }) => ({ id, startsOn, dueOn, metOn }));

  it("the re-assessment's final plan of 1 Sep 2026 meets the running period and starts one ending 31 Aug 2027", () => {
    const planned = [
      ...reassessing,
      on.draftIssued('2026-08-03'),
      on.representations('2026-08-10'),
      on.finalIssued('2026-09-01'),
    ];
    expect(reviews(planned)).toEqual([
      { id: 'annual_review', startsOn: '2026-01-12', dueOn: '2027-01-11', metOn: '2026-09-01' },
      { id: 'annual_review-reassessment-rea-1', startsOn: '2026-09-01', dueOn: '2027-08-31', metOn: null },
    ]);
  });

  it('notice that the plan stays unchanged starts no new period', () => {
    expect(reviews([...reassessing, on.planKeptUnchanged('rea-1', '2026-09-01')])).toEqual([
      { id: 'annual_review', startsOn: '2026-01-12', dueOn: '2027-01-11', metOn: null },
    ]);
  });
});

describe('(2nd ed.) a re-assessment recorded through decide, from request to final plan', () => {
  it('meets both deadlines and keeps the first plan', () => {
    const events = recorded(history.planMaintained, [
      command('RequestReassessment', { requestId: 'rea-1', receivedOn: Q, requestedBy: 'young_person' }),
      command('DecideReassessment', { requestId: 'rea-1', decision: 'reassess', decidedOn: S }),
      command('RequestAdvice', { adviceId: 'adv-2', source: 'health', requestedOn: '2026-06-11' }),
      command('ReceiveAdvice', { adviceId: 'adv-2', receivedOn: '2026-07-10' }),
      command('IssueDraftPlan', { issuedOn: '2026-08-03' }),
      command('ConsultInstitution', {
        consultationId: 'con-2',
        institution: 'Hillside School',
        consultedOn: '2026-08-04',
      }),
      command('ReceiveConsultationResponse', {
        consultationId: 'con-2',
        receivedOn: '2026-08-14',
        outcome: 'can_meet_needs',
      }),
      command('ReceiveRepresentations', { receivedOn: '2026-08-12' }),
      command('IssueFinalPlan', {
        issuedOn: '2026-09-01',
        placement: { institution: 'Hillside School', type: 'special' },
      }),
    ]);
    const state = replay(events);
    expect(state).toMatchObject({ stage: 'plan_maintained', finalPlan: { issuedOn: '2026-01-12' } });
    expect(byId(events, 'reassessment_decision-rea-1')).toMatchObject({ dueOn: '2026-06-16', metOn: S });
    expect(byId(events, 'reassessment_plan-rea-1')).toMatchObject({
      dueOn: '2026-09-16',
      metOn: '2026-09-01',
    });
    expect(byId(events, 'advice-adv-2')).toMatchObject({ dueOn: '2026-07-23', metOn: '2026-07-10' });
  });
});

describe('reassessment_plan after an order to re-assess (2nd ed.; reg 44(2), DOMAIN.md "An order cancels the deadlines of the path it replaces")', () => {
  it('Given a refusal to re-assess, an appeal and an order on 2026-03-02, when the LA re-assesses, then the order governs: reassessment_plan is cancelled and order_final_plan is due O + 98', () => {
    const deadlines = deadlinesOf(
      replay([
        ...history.planMaintained,
        on.reassessmentRequested('rea-1', '2026-09-01'),
        on.reassessmentDecided('rea-1', 'refuse', '2026-09-10'),
        on.appealLodged('app-1', 'refusal_to_reassess', '2026-10-01'),
        on.appealDecided('app-1', 'order', '2027-03-01'),
        on.reassessmentDecided('rea-1', 'reassess', '2027-03-08'),
      ]),
    );
    expect(deadlines.find((d) => d.id === 'reassessment_plan-rea-1')).toMatchObject({
      cancelled: true,
      cancelledOn: '2027-03-08',
    });
    expect(deadlines.find((d) => d.id === 'order_final_plan-app-1')).toMatchObject({
      dueOn: '2027-06-07',
      cancelled: false,
    });
  });
});
