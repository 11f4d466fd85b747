import { replay } from '../../ehcp-case/ehcp-case.evolve';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';
import type { CessationReason } from '../../ehcp-case/ehcp-case.vocabulary';

// DOMAIN.md (2nd ed.) "Cessation": the LA's decision to cease the plan (CFA s45, SEND Regs 2014
// reg 31) is appealable (CFA s51(2)(f)); the plan stays maintained until the day it ceases.
// history.planMaintained: final plan 2026-01-12.

const decideCessation = (
  decidedOn: string,
  reason: CessationReason = 'needs_met_without_plan',
  today?: string,
) => command('DecideCessation', { decidedOn, reason }, today);

describe('DecideCessation (CFA s45, reg 31)', () => {
  it('records the decision to cease a maintained plan, with its reason', () => {
    given(history.planMaintained)
      .when(decideCessation('2026-06-01', 'moved_to_another_authority'))
      .then([on.cessationDecided('2026-06-01', 'moved_to_another_authority')]);
  });

  it('puts the case in stage ceasing: the plan is maintained until the day it ceases', () => {
    expect(replay([...history.planMaintained, on.cessationDecided('2026-06-01')]).stage).toBe('ceasing');
  });

  it('is taken while the plan is re-assessed (reg 27)', () => {
    const reassessing = [
      ...history.planMaintained,
      on.reassessmentRequested('rea-1', '2026-09-01'),
      on.reassessmentDecided('rea-1', 'reassess', '2026-09-14'),
    ];
    expect(replay(reassessing).stage).toBe('reassessing');
    given(reassessing)
      .when(decideCessation('2026-10-01', 'left_education'))
      .then([on.cessationDecided('2026-10-01', 'left_education')]);
  });

  it('ceases a plan transferred in (reg 15)', () => {
    given(history.transferredIn)
      .when(decideCessation('2026-01-10', 'moved_out_of_england'))
      .then([on.cessationDecided('2026-01-10', 'moved_out_of_england')]);
  });

  it('may be decided again once an order (or a concession) on the appeal kept the plan', () => {
    const continued = [
      ...history.ceasing,
      on.appealLodged('app-1', 'cessation', '2027-02-01'),
      on.appealDecided('app-1', 'order', '2027-05-03'),
    ];
    expect(replay(continued).stage).toBe('plan_maintained');
    given(continued)
      .when(decideCessation('2027-09-01'))
      .then([on.cessationDecided('2027-09-01')]);
  });

  it('refuses a decision dated after today: DATE_IN_FUTURE', () => {
    given(history.planMaintained)
      .when(decideCessation('2026-06-02', 'other', '2026-06-01'))
      .thenThrows('DATE_IN_FUTURE', 'decidedOn');
  });

  it('refuses a decision that is no calendar date: INVALID_DATE', () => {
    given(history.planMaintained).when(decideCessation('2026-02-30')).thenThrows('INVALID_DATE', 'decidedOn');
  });

  it('refuses before a final plan: CESSATION_BEFORE_FINAL_PLAN', () => {
    given(history.draftIssued).when(decideCessation('2026-06-01')).thenThrows('CESSATION_BEFORE_FINAL_PLAN');
  });

  it('refuses a decision dated before the latest fact: DATE_BEFORE_LAST_FACT', () => {
    given([...history.planMaintained, on.reviewHeld('rev-1', '2026-12-01')])
      .when(decideCessation('2026-11-30'))
      .thenThrows('DATE_BEFORE_LAST_FACT');
  });

  it('refuses a second decision while one is pending: CESSATION_ALREADY_DECIDED', () => {
    // Decided 2027-01-10, no appeal: pending until the plan ceases on 2027-03-11.
    given(history.ceasing)
      .when(decideCessation('2027-02-01', 'other', '2027-03-10'))
      .thenThrows('CESSATION_ALREADY_DECIDED');
    given([...history.ceasing, on.appealLodged('app-1', 'cessation', '2027-02-01')])
      .when(decideCessation('2027-06-01', 'other', '2027-06-01'))
      .thenThrows('CESSATION_ALREADY_DECIDED');
  });

  it('refuses once the plan has ceased (by the decision or as ceased): PLAN_CEASED', () => {
    given(history.ceasing)
      .when(decideCessation('2027-03-11', 'other', '2027-03-11'))
      .thenThrows('PLAN_CEASED');
    given(history.ceased).when(decideCessation('2027-06-02')).thenThrows('PLAN_CEASED');
  });

  it('refuses on a closed case: CASE_CLOSED', () => {
    given(history.closed).when(decideCessation('2026-06-01')).thenThrows('CASE_CLOSED');
  });
});
