import { on } from '../testing/case-events';
import { command, history } from '../testing/ehcp-case.fixtures';
import { given } from '../testing/given-when-then';
import { decide } from './ehcp-case.decider';
import type { EhcpCaseCommandType } from './ehcp-case.commands';
import { replay } from './ehcp-case.evolve';
import type { EhcpCase } from './ehcp-case.state';
import { COMMANDS_AFTER_CESSATION, stageOn, stateJudgedOn } from './effective-stage';

// DOMAIN.md (2nd ed.) "Cessation": evaluated at a date on or after the day it ceases, the plan has
// ceased. history.ceasing: final plan 2026-01-12, decided to cease on 2027-01-10, no appeal: the plan
// ceases on 2027-03-11 (D + 2 months + 1 day; CFA s45, reg 31).

const ceasing = replay(history.ceasing) as EhcpCase;
const hold = (meetingHeldOn: string, today: string) =>
  command('HoldReviewMeeting', { reviewId: 'rev-1', meetingHeldOn }, today);

describe('stageOn: the stage a case has on a date', () => {
  it('is ceasing before the day the plan ceases, ceased from it', () => {
    expect(stageOn(ceasing, '2027-03-10')).toBe('ceasing');
    expect(stageOn(ceasing, '2027-03-11')).toBe('ceased');
    expect(stageOn(ceasing, '2030-01-01')).toBe('ceased');
  });

  it('stays ceasing while an appeal against the cessation has no outcome', () => {
    const appealed = replay([...history.ceasing, on.appealLodged('app-1', 'cessation', '2027-02-01')]);
    expect(stageOn(appealed as EhcpCase, '2030-01-01')).toBe('ceasing');
  });

  it('is the stored stage for any other case', () => {
    expect(stageOn(replay(history.planMaintained) as EhcpCase, '2030-01-01')).toBe('plan_maintained');
    expect(stageOn(replay(history.ceased) as EhcpCase, '2030-01-01')).toBe('ceased');
  });
});

describe("decide judges a case as it stands on the command's today", () => {
  it('the day before the plan ceases, a review meeting is recorded (the annual review is still open)', () => {
    given(history.ceasing)
      .when(hold('2027-03-05', '2027-03-10'))
      .then([on.reviewHeld('rev-1', '2027-03-05')]);
  });

  it('from the day it ceases, the same meeting is refused: PLAN_CEASED', () => {
    given(history.ceasing).when(hold('2027-03-05', '2027-03-11')).thenThrows('PLAN_CEASED');
  });

  it('an appeal against the cessation recorded late is judged on the case as it stands (not PLAN_CEASED)', () => {
    const lodge = command(
      'LodgeAppeal',
      { appealId: 'app-1', lodgedOn: '2027-03-01', against: 'cessation' },
      '2027-03-20',
    );
    expect(stateJudgedOn('LodgeAppeal', ceasing, '2027-03-20')).toBe(ceasing);
    expect(() => decide(lodge, ceasing)).not.toThrow(expect.objectContaining({ code: 'PLAN_CEASED' }));
  });

  it('once recorded, that appeal stops the cessation: the review meeting is recorded again', () => {
    given([...history.ceasing, on.appealLodged('app-1', 'cessation', '2027-03-01')])
      .when(hold('2027-03-05', '2027-03-20'))
      .then([on.reviewHeld('rev-1', '2027-03-05')]);
  });

  it.each(COMMANDS_AFTER_CESSATION)(
    '%s stays possible after the plan ceased: judged on the case as it is',
    (type) => {
      expect(stateJudgedOn(type, ceasing, '2027-06-01')).toBe(ceasing);
    },
  );

  it.each<EhcpCaseCommandType>([
    'HoldReviewMeeting',
    'DecideReview',
    'IssueAmendmentNotice',
    'DecideCessation',
  ])('%s after the plan ceased is judged on a ceased case', (type) => {
    expect(stateJudgedOn(type, ceasing, '2027-03-11').stage).toBe('ceased');
    expect(stateJudgedOn(type, ceasing, '2027-03-10')).toBe(ceasing);
  });
});
