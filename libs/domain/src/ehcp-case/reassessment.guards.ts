import { known, refuse, requireFound, requireStage, type Refusal, type StageRule } from './ehcp-case.guards';
import { MAINTAINED_STAGES, openReassessment, type EhcpCase, type Reassessment } from './ehcp-case.state';
import type { CaseStage } from './ehcp-case.vocabulary';

// (2nd ed.) Guards of the re-assessment (regs 24-27), shared by its own deciders and by the steps
// that API.md applies to an open re-assessment (advice, draft, representations, consultations,
// final plan).

/**
 * The open re-assessment that a step of the plan process belongs to, or undefined when none is open
 * (the step then belongs to the way to the first plan, as ever). With one open, a closed case or a
 * ceased plan still refuses with its own code: only a maintained plan is re-assessed.
 */
export function reassessmentInProgress(current: EhcpCase): Reassessment | undefined {
  const open = openReassessment(current);
  if (open !== undefined) requireStage(current, { allowed: MAINTAINED_STAGES });
  return open;
}

/**
 * `requireStage` for a step on the way to the first plan when no re-assessment is open: every stage
 * in which the plan is maintained (re-assessed or under a decision to cease included) comes after
 * that way, so the step is refused with `late` there.
 */
export function requireStageBeforePlan(
  current: EhcpCase,
  rule: StageRule & { readonly late: Refusal },
): void {
  if ((MAINTAINED_STAGES as readonly CaseStage[]).includes(current.stage)) refuse(rule.late);
  requireStage(current, rule);
}

/**
 * The re-assessment request `requestId` names, on a maintained plan. Before any plan no request can
 * exist (404); a closed case or a ceased plan refuses with its own code.
 */
export function requireReassessment(current: EhcpCase, requestId: string): Reassessment {
  const what = `Re-assessment request ${requestId}`;
  requireStage(current, {
    allowed: MAINTAINED_STAGES,
    early: ['REASSESSMENT_REQUEST_NOT_FOUND', `${what} does not exist on this case`],
  });
  return requireFound(
    current.reassessments.find((r) => r.requestId === requestId),
    'REASSESSMENT_REQUEST_NOT_FOUND',
    what,
  );
}

/** The day an open re-assessment was decided (notified) "reassess": S of reg 27(2). */
export function reassessDecidedOn(open: Reassessment): string {
  return known(open.decision, 'the decision to re-assess').decidedOn;
}

/**
 * The day since which this authority maintains the plan: its issue, or for a plan transferred in
 * (reg 15) the transfer (the plan was the other authority's before).
 */
export function planMaintainedSince(current: EhcpCase): string {
  return current.transferIn?.transferredOn ?? known(current.finalPlan, 'the final plan').issuedOn;
}
