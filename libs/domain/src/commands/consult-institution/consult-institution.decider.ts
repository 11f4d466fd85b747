import type { ConsultInstitution } from '../../ehcp-case/ehcp-case.commands';
import type { InstitutionConsulted } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import { MAINTAINED_STAGES, type EhcpCase, type EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { reassessmentInProgress } from '../../ehcp-case/reassessment.guards';

const BEFORE_DRAFT = ['CONSULTATION_BEFORE_DRAFT', 'Institutions are consulted on a served draft'] as const;

/**
 * CoP 9.78-9.83: a school or institution is consulted on the draft (or, once the plan is maintained,
 * on an amendment); each consultation starts its own 15-day response clock. (2nd ed.) While a
 * re-assessment is open, on the re-assessment's draft.
 */
export function consultInstitution(
  { data, today }: ConsultInstitution,
  state: EhcpCaseState,
): [InstitutionConsulted] {
  const current = requireCase(state);
  const consultedOn = requirePastDate(data.consultedOn, 'consultedOn', today);
  const reassessment = reassessmentInProgress(current);
  if (reassessment === undefined)
    requireStage(current, { allowed: ['draft_issued', ...MAINTAINED_STAGES], early: BEFORE_DRAFT });
  else if (reassessment.draftIssuedOn === null)
    refuse([BEFORE_DRAFT[0], "Institutions are consulted on the re-assessment's served draft"]);
  requireNewId(
    current.consultations.some((c) => c.consultationId === data.consultationId),
    'CONSULTATION_ALREADY_EXISTS',
    `Consultation ${data.consultationId}`,
  );
  requireNotBefore(consultedOn, reassessment?.draftIssuedOn ?? consultableSince(current), BEFORE_DRAFT);
  return [
    {
      type: 'InstitutionConsulted',
      data: { consultationId: data.consultationId, institution: data.institution, consultedOn },
    },
  ];
}

/**
 * The first plan's draft; (2nd ed.) a plan transferred in (reg 15) had its draft at the other
 * authority: this one consults on it from the transfer.
 */
function consultableSince(current: EhcpCase): string {
  return current.draftIssuedOn ?? current.requestReceivedOn;
}
