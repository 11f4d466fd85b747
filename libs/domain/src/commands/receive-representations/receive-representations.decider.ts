import type { ReceiveRepresentations } from '../../ehcp-case/ehcp-case.commands';
import type { RepresentationsReceived } from '../../ehcp-case/ehcp-case.events';
import {
  known,
  refuse,
  requireCase,
  requireNotBefore,
  requirePastDate,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { reassessmentInProgress, requireStageBeforePlan } from '../../ehcp-case/reassessment.guards';

const BEFORE_DRAFT = ['REPRESENTATIONS_BEFORE_DRAFT', 'Representations are made on a served draft'] as const;

/**
 * reg 13(1): the parent's / young person's representations on the draft (and a requested school).
 * (2nd ed.) While a re-assessment is open they are made on the re-assessment's draft.
 */
export function receiveRepresentations(
  { data, today }: ReceiveRepresentations,
  state: EhcpCaseState,
): [RepresentationsReceived] {
  const current = requireCase(state);
  const receivedOn = requirePastDate(data.receivedOn, 'receivedOn', today);
  requireNotBefore(receivedOn, draftServedOn(current), BEFORE_DRAFT);
  return [
    {
      type: 'RepresentationsReceived',
      data: { receivedOn, requestedInstitution: data.requestedInstitution ?? null },
    },
  ];
}

/** The draft the representations are on: the open re-assessment's, or the first plan's. */
function draftServedOn(current: EhcpCase): string {
  const reassessment = reassessmentInProgress(current);
  if (reassessment === undefined) {
    requireStageBeforePlan(current, {
      allowed: ['draft_issued'],
      early: BEFORE_DRAFT,
      late: ['FINAL_PLAN_ALREADY_ISSUED', 'The final plan has been issued'],
    });
    return known(current.draftIssuedOn, 'draft date');
  }
  if (reassessment.draftIssuedOn === null)
    refuse([BEFORE_DRAFT[0], "Representations are made on the re-assessment's served draft"]);
  return reassessment.draftIssuedOn;
}
