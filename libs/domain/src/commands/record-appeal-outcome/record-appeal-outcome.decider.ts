import type { RecordAppealOutcome } from '../../ehcp-case/ehcp-case.commands';
import type { AppealOutcomeRecorded } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireFound,
  requireNotBefore,
  requirePastDate,
  requireStage,
  stagesExcept,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

/**
 * (2nd ed.) DOMAIN.md "Appeals and Tribunal orders": an appeal's outcome, once: dismissed,
 * withdrawn, conceded (the LA told the Tribunal it will not oppose, reg 45; dated that day) or the
 * Tribunal's order (reg 44). An order or a concession opens the order_* deadlines (order.clocks.ts).
 * Recorded at any stage while the case is open and its plan has not ceased: the LA may have acted
 * on a concession (assessed, decided to issue) before the outcome is entered.
 */
export function recordAppealOutcome(
  { data, today }: RecordAppealOutcome,
  state: EhcpCaseState,
): [AppealOutcomeRecorded] {
  const current = requireCase(state);
  const decidedOn = requirePastDate(data.decidedOn, 'decidedOn', today);
  requireStage(current, { allowed: stagesExcept('ceased', 'closed') });
  const appeal = requireFound(
    current.appeals.find((a) => a.appealId === data.appealId),
    'APPEAL_NOT_FOUND',
    `Appeal ${data.appealId}`,
  );
  if (appeal.outcome !== null)
    refuse([
      'APPEAL_OUTCOME_ALREADY_RECORDED',
      `Appeal ${data.appealId} was ${appeal.outcome.outcome} on ${appeal.outcome.decidedOn}`,
    ]);
  requireNotBefore(decidedOn, appeal.lodgedOn, [
    'APPEAL_OUTCOME_BEFORE_LODGED',
    'Outcome dated before the appeal was lodged',
  ]);
  return [
    { type: 'AppealOutcomeRecorded', data: { appealId: data.appealId, outcome: data.outcome, decidedOn } },
  ];
}
