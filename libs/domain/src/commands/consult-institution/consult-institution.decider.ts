import type { ConsultInstitution } from '../../ehcp-case/ehcp-case.commands';
import type { InstitutionConsulted } from '../../ehcp-case/ehcp-case.events';
import {
  known,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCaseState } from '../../ehcp-case/ehcp-case.state';

const BEFORE_DRAFT = ['CONSULTATION_BEFORE_DRAFT', 'Institutions are consulted on a served draft'] as const;

/**
 * CoP 9.78-9.83: a school or institution is consulted on the draft (or, once the plan is maintained,
 * on an amendment); each consultation starts its own 15-day response clock.
 */
export function consultInstitution(
  { data, today }: ConsultInstitution,
  state: EhcpCaseState,
): [InstitutionConsulted] {
  const current = requireCase(state);
  const consultedOn = requirePastDate(data.consultedOn, 'consultedOn', today);
  requireStage(current, { allowed: ['draft_issued', 'plan_maintained'], early: BEFORE_DRAFT });
  requireNewId(
    current.consultations.some((c) => c.consultationId === data.consultationId),
    'CONSULTATION_ALREADY_EXISTS',
    `Consultation ${data.consultationId}`,
  );
  requireNotBefore(consultedOn, known(current.draftIssuedOn, 'draft date'), BEFORE_DRAFT);
  return [
    {
      type: 'InstitutionConsulted',
      data: { consultationId: data.consultationId, institution: data.institution, consultedOn },
    },
  ];
}
