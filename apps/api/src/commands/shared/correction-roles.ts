import { assertAnyRole, CASE_COMMAND_ROLES, QA_AUDIT_ROLES, type AuthenticatedUser } from '@ehcp/auth';
import type { CorrectFact, EhcpCase } from '@ehcp/domain';

/**
 * (2nd ed.) POST /cases/{caseId}/corrections is open to whoever records facts of either kind; the
 * fact named decides: a QA audit is corrected by those who record audits, any other fact by those who
 * record case facts (403 FORBIDDEN_ROLE otherwise). An unknown revision is left to the domain (404).
 */
export function assertMayCorrect(user: AuthenticatedUser, { data }: CorrectFact, current: EhcpCase): void {
  const target = current.history.facts.find((fact) => fact.revision === data.revision);
  if (target === undefined) return;
  assertAnyRole(user, target.event.type === 'QaAuditRecorded' ? QA_AUDIT_ROLES : CASE_COMMAND_ROLES);
}
