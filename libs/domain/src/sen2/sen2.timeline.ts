import { deadlinesOf } from '../deadlines/deadline.calculator';
import type { Deadline, DeadlineKind } from '../deadlines/deadline.types';
import type { ChildViews, EhcpCaseState } from '../ehcp-case/ehcp-case.state';
import { caseExists } from '../ehcp-case/ehcp-case.state';

/** The deadlines whose due or met dates SEN2's review and phase-transfer measures count. */
export const SEN2_DEADLINE_KINDS = ['annual_review', 'review_decision', 'phase_transfer'] as const;
export type Sen2DeadlineKind = (typeof SEN2_DEADLINE_KINDS)[number];

/** A deadline as SEN2 reads it (the same fields case_deadline holds). */
export interface Sen2Deadline extends Pick<Deadline, 'startsOn' | 'dueOn' | 'metOn' | 'cancelledOn'> {
  readonly kind: Sen2DeadlineKind;
}

/** What SEN2 needs from one case: the facts case_summary and case_deadline hold for the query. */
export interface CaseTimeline {
  readonly team: string;
  readonly requestReceivedOn: string;
  /** Only a case opened by a request has a new plan (never a plan transferred in). */
  readonly openedByRequest: boolean;
  readonly firstFinalPlanIssuedOn: string | null;
  /** Whether an exception applies to the case's final_plan deadline (from deadlinesOf). */
  readonly finalPlanExceptionApplies: boolean;
  /** An appeal or a mediation on the path to the first final plan: the plan counts in no measure. */
  readonly appealOrMediationBeforePlan: boolean;
  /** The decision whether to assess the request: the first one (a later one reverses a refusal). */
  readonly assessmentDecidedOn: string | null;
  readonly assessmentRefused: boolean;
  /** The case's annual_review, review_decision and phase_transfer deadlines (deadlinesOf). */
  readonly deadlines: readonly Sen2Deadline[];
  /** (2nd ed.) The child's views recorded (CFA s19): for the shares of plans and reviews with views. */
  readonly views: readonly Pick<ChildViews, 'stage' | 'gatheredOn'>[];
}

/**
 * The SEN2 timeline of a case, or null before its request. Dates come from the domain's deadlines,
 * so a change to a deadline rule reaches SEN2 through the same calculator the case screen uses.
 * `deadlines`: the state's `deadlinesOf` in legal counting, when the caller has it already.
 */
export function timelineOf(
  state: EhcpCaseState,
  deadlines: readonly Deadline[] = deadlinesOf(state),
): CaseTimeline | null {
  if (!caseExists(state)) return null;
  const issuedOn = state.finalPlan?.issuedOn ?? null;
  const firstDecision = state.assessmentDecisions.at(0);
  return {
    team: state.team,
    requestReceivedOn: state.requestReceivedOn,
    openedByRequest: state.openedByRequest,
    firstFinalPlanIssuedOn: issuedOn,
    finalPlanExceptionApplies: deadlines.some((d) => d.kind === 'final_plan' && d.exceptionApplies),
    appealOrMediationBeforePlan: appealOrMediationBefore(state.appealsAndMediationsStartedOn, issuedOn),
    // The first decision whether to assess: the one that met decision_to_assess (reg 5(1)).
    assessmentDecidedOn: firstDecision?.decidedOn ?? null,
    assessmentRefused: firstDecision?.decision === 'refuse',
    deadlines: sen2DeadlinesOf(deadlines),
    views: state.views.map(({ stage, gatheredOn }) => ({ stage, gatheredOn })),
  };
}

/**
 * DfE's timeliness measures cover assessments "where no mediation or tribunal has taken place" (EHC
 * plans data guidance, 2024): an appeal lodged, or a mediation started, on or before the plan's issue
 * date puts the plan on a disputed path. Never before a plan exists.
 */
export function appealOrMediationBefore(startedOn: readonly string[], issuedOn: string | null): boolean {
  // A loop, not a some with a closure: the timeline is worked out on every event a rebuild folds.
  if (issuedOn === null) return false;
  for (const day of startedOn) if (day <= issuedOn) return true;
  return false;
}

/** Pushed one by one, not flat-mapped: no array per deadline (a rebuild asks on every event). */
function sen2DeadlinesOf(deadlines: readonly Deadline[]): Sen2Deadline[] {
  const counted: Sen2Deadline[] = [];
  for (const { kind, startsOn, dueOn, metOn, cancelledOn } of deadlines)
    if (isSen2Kind(kind)) counted.push({ kind, startsOn, dueOn, metOn, cancelledOn });
  return counted;
}

function isSen2Kind(kind: DeadlineKind): kind is Sen2DeadlineKind {
  return (SEN2_DEADLINE_KINDS as readonly DeadlineKind[]).includes(kind);
}
