import { deadlinesOf } from '../../deadlines/deadline.calculator';
import type { CorrectFact } from '../../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../../ehcp-case/ehcp-case.events';
import { replay } from '../../ehcp-case/ehcp-case.evolve';
import type { EhcpCase } from '../../ehcp-case/ehcp-case.state';
import { on } from '../../testing/case-events';
import { command, history } from '../../testing/ehcp-case.fixtures';
import { given } from '../../testing/given-when-then';

// DOMAIN.md (2nd ed.) "Corrections" of the fact that opened a case with a plan transferred in (reg 15).
// Like the request, it has no command to decide it again (its personal data is not in the state):
// its dates are checked one by one, and together as TransferIn checks them; the facts after it are
// decided again against it. history.transferredIn (revision 0): transferred in on 2025-12-01, plan
// made 2024-01-15, last reviewed 2025-01-10.

const correct = (changes: unknown, revision = 0) =>
  command('CorrectFact', {
    correctionId: 'cor-1',
    revision,
    action: 'correct',
    changes: changes as CorrectFact['data']['changes'],
    reason: 'typing mistake',
  });
const deadline = (events: readonly EhcpCaseEvent[], id: string) =>
  deadlinesOf(replay(events)).find((d) => d.id === id);

describe('CorrectFact on a plan transferred in', () => {
  it('corrects the transfer date: the case opened then, and transfer_notice runs from it (T + 42, reg 15(4))', () => {
    const corrected = on.factCorrected(0, 'PlanTransferredIn', { transferredOn: '2025-12-08' });
    given(history.transferredIn)
      .when(correct({ transferredOn: '2025-12-08' }))
      .then([corrected]);
    const events = [...history.transferredIn, corrected];
    expect(replay(events) as EhcpCase).toMatchObject({
      requestReceivedOn: '2025-12-08',
      transferIn: { transferredOn: '2025-12-08' },
    });
    expect(deadline(events, 'transfer_notice')).toMatchObject({
      startsOn: '2025-12-08',
      dueOn: '2026-01-19',
    });
    // reg 15(5): the later of L + 12 months (2026-01-10) and T + 3 months (2026-03-08), less a day.
    expect(deadline(events, 'annual_review')).toMatchObject({ startsOn: '2025-12-08', dueOn: '2026-03-07' });
  });

  it('corrects the last review (reg 15(5): the first review is due the day before L + 12 months)', () => {
    const corrected = on.factCorrected(0, 'PlanTransferredIn', { lastReviewedOn: '2025-06-10' });
    given(history.transferredIn)
      .when(correct({ lastReviewedOn: '2025-06-10' }))
      .then([corrected]);
    expect(deadline([...history.transferredIn, corrected], 'annual_review')?.dueOn).toBe('2026-06-09');
  });

  it('clears the last review of a plan never reviewed (an optional date may be null)', () => {
    given(history.transferredIn)
      .when(correct({ lastReviewedOn: null }))
      .then([on.factCorrected(0, 'PlanTransferredIn', { lastReviewedOn: null })]);
  });

  describe('refuses dates that contradict each other, naming the change: TRANSFER_DATES_INVALID', () => {
    it.each<[string, Record<string, string>, string]>([
      ['a plan made after the transfer', { planMadeOn: '2025-12-02' }, 'changes.planMadeOn'],
      ['a transfer before the plan was made', { transferredOn: '2024-01-14' }, 'changes.transferredOn'],
      ['a transfer before the last review', { transferredOn: '2025-01-09' }, 'changes.transferredOn'],
      ['a last review before the plan was made', { lastReviewedOn: '2024-01-14' }, 'changes.lastReviewedOn'],
      ['a last review after the transfer', { lastReviewedOn: '2025-12-02' }, 'changes.lastReviewedOn'],
      [
        'both dates moved past each other',
        { planMadeOn: '2025-12-05', transferredOn: '2025-12-04' },
        'changes.planMadeOn',
      ],
    ])('%s', (_, changes, field) => {
      given(history.transferredIn).when(correct(changes)).thenThrows('TRANSFER_DATES_INVALID', field);
    });
  });

  it('refuses a transfer moved after the notice that follows it: DATE_BEFORE_REQUEST (as IssueTransferNotice)', () => {
    given([...history.transferredIn, on.transferNoticeIssued('2025-12-20')])
      .when(correct({ transferredOn: '2025-12-21' }))
      .thenThrows('DATE_BEFORE_REQUEST');
  });

  it('refuses a transfer moved after a review meeting of this authority: REVIEW_BEFORE_FINAL_PLAN', () => {
    given([...history.transferredIn, on.reviewHeld('rev-1', '2026-02-02')])
      .when(correct({ transferredOn: '2026-02-03' }))
      .thenThrows('REVIEW_BEFORE_FINAL_PLAN');
  });

  it('refuses a date after today: DATE_IN_FUTURE', () => {
    given(history.transferredIn)
      .when(correct({ transferredOn: '2028-01-01' }))
      .thenThrows('DATE_IN_FUTURE', 'changes.transferredOn');
  });

  it('refuses to correct the other authority or the team: CORRECTION_FIELD_NOT_CORRECTABLE', () => {
    given(history.transferredIn)
      .when(correct({ fromAuthority: 'Devon County Council' }))
      .thenThrows('CORRECTION_FIELD_NOT_CORRECTABLE', 'changes.fromAuthority');
    given(history.transferredIn)
      .when(correct({ team: 'south' }))
      .thenThrows('CORRECTION_FIELD_NOT_CORRECTABLE', 'changes.team');
  });

  it('never voids the transfer (it is the case; close it instead): CORRECTION_NOT_ALLOWED', () => {
    given(history.transferredIn)
      .when(
        command('CorrectFact', { correctionId: 'cor-1', revision: 0, action: 'void', reason: 'wrong case' }),
      )
      .thenThrows('CORRECTION_NOT_ALLOWED');
  });

  it('corrects the notice date (reg 15(4)): met late after T + 42', () => {
    const events = [...history.transferredIn, on.transferNoticeIssued('2025-12-20')];
    const corrected = on.factCorrected(1, 'TransferNoticeIssued', { issuedOn: '2026-01-13' });
    given(events)
      .when(correct({ issuedOn: '2026-01-13' }, 1))
      .then([corrected]);
    expect(deadline([...events, corrected], 'transfer_notice')).toMatchObject({
      dueOn: '2026-01-12',
      metOn: '2026-01-13',
    });
  });
});
