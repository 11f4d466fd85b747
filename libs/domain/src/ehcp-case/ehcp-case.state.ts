import type { QaGrade } from '../qa/qa-grade';
import type { FactEvent } from './ehcp-case.events';
import type {
  AdviceSource,
  AppealOutcome,
  AppealSubject,
  CessationReason,
  ReassessmentDecision,
  ReassessmentRequester,
  AssessmentDecision,
  AuditorRole,
  CaseStage,
  ClosureReason,
  ConsultationOutcome,
  ExceptionReason,
  Placement,
  PlanDecision,
  PlanVersion,
  Requester,
  ReviewDecision,
  TransferTiming,
  ViewsMethod,
  ViewsStage,
} from './ehcp-case.vocabulary';

// The state a case's events fold into. It holds every fact the decide functions and the deadline
// rules need, and deliberately no personal data: the domain never needs it to decide.

export interface DatedDecision<D extends string> {
  readonly decision: D;
  readonly decidedOn: string;
}

export interface AdviceRequest {
  readonly adviceId: string;
  readonly source: AdviceSource;
  readonly requestedOn: string;
  readonly receivedOn: string | null;
}

export interface TimescaleException {
  readonly exceptionId: string;
  readonly reason: ExceptionReason;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly note: string | null;
}

export interface Representation {
  readonly receivedOn: string;
  readonly requestedInstitution: string | null;
}

export interface Consultation {
  readonly consultationId: string;
  readonly institution: string;
  readonly consultedOn: string;
  readonly response: { readonly receivedOn: string; readonly outcome: ConsultationOutcome } | null;
}

export interface IssuedPlan {
  readonly issuedOn: string;
  readonly placement: Placement;
}

export interface QaAudit {
  readonly auditId: string;
  readonly planVersion: PlanVersion;
  readonly auditedOn: string;
  readonly auditorRole: AuditorRole;
  readonly overallGrade: QaGrade;
}

export interface Review {
  readonly reviewId: string;
  readonly meetingHeldOn: string;
  readonly decision: DatedDecision<ReviewDecision> | null;
}

export interface AmendmentNotice {
  readonly noticeId: string;
  readonly issuedOn: string;
  /** (2nd ed.) The review decided "amend" that the notice follows (reg 22(2)), or null: none. */
  readonly reviewId: string | null;
  readonly representationsReceivedOn: readonly string[];
  readonly amendedPlan: { readonly issuedOn: string; readonly placement: Placement | null } | null;
  /** reg 22(4): the day the LA decided not to amend after all; closes the notice like a plan. */
  readonly noAmendmentDecidedOn: string | null;
}

/**
 * A planned transfer (reg 18): between phases in a year, or (2nd ed.) between post-16 institutions on
 * a date. What meets it is derived from the reviews and amended plans (deadline rules), in any order.
 */
export type PhaseTransfer = {
  readonly transferId: string;
  /** The day the transfer was recorded. */
  readonly plannedOn: string;
} & TransferTiming;

/** (2nd ed.) reg 15: where a transferred-in plan came from, and the reg 15(4) notice once served. */
export interface TransferredPlan {
  readonly fromAuthority: string;
  readonly transferredOn: string;
  readonly planMadeOn: string;
  readonly lastReviewedOn: string | null;
  readonly notice: { readonly issuedOn: string; readonly proposesAssessment: boolean } | null;
}

/**
 * (2nd ed.) A re-assessment of the maintained plan (regs 24-27). While it is open (decided
 * "reassess", neither a plan nor "unchanged" yet) the draft, its representations and the final plan
 * belong to it, never to the case's first plan.
 */
export interface Reassessment {
  readonly requestId: string;
  readonly receivedOn: string;
  readonly requestedBy: ReassessmentRequester;
  /** The decision that stands: the latest (a `reassess` after a `refuse` is the refusal reversed). */
  readonly decision: DatedDecision<ReassessmentDecision> | null;
  /** Every decision on the request, in event order: the first one answered it (reg 25). */
  readonly decisions: readonly DatedDecision<ReassessmentDecision>[];
  readonly draftIssuedOn: string | null;
  readonly representations: readonly Representation[];
  /** The final plan after re-assessment (reg 27(2)(a)). */
  readonly plan: IssuedPlan | null;
  /** Notice that the plan stays unchanged (reg 27(2)(b)). */
  readonly unchangedOn: string | null;
}

/** (2nd ed.) An appeal to the First-tier Tribunal (SEND) and, once known, its outcome. */
export interface Appeal {
  readonly appealId: string;
  readonly lodgedOn: string;
  readonly against: AppealSubject;
  readonly outcome: { readonly outcome: AppealOutcome; readonly decidedOn: string } | null;
}

/** (2nd ed.) A mediation (regs 33-37). */
export interface Mediation {
  readonly mediationId: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
}

/** (2nd ed.) The LA's appealable decision to cease the plan (CFA s45, reg 31). */
export interface CessationDecision {
  readonly decidedOn: string;
  readonly reason: CessationReason;
}

/** (2nd ed.) The child's or young person's views gathered (never the summary: personal data). */
export interface ChildViews {
  readonly viewsId: string;
  readonly gatheredOn: string;
  readonly method: ViewsMethod;
  readonly stage: ViewsStage;
}

/** (2nd ed.) A family's private link: the hash of its token, and until when it works. */
export interface FamilyLink {
  readonly linkId: string;
  readonly tokenHash: string;
  readonly issuedOn: string;
  readonly expiresOn: string;
  /** Revoked by a caseworker, or replaced by a newer link (the day it was issued). */
  readonly revokedOn: string | null;
}

/** (2nd ed.) Corrections: a recorded fact as it now stands (corrected, never personal data). */
export interface RecordedFact {
  /** Its stream revision (0-based): the name a correction gives it. */
  readonly revision: number;
  readonly event: FactEvent;
}

/**
 * What corrections need of the stream (kept by `evolve` around the per-fact fold): the facts as they
 * stand, so that a correction re-folds them with one replaced or removed.
 */
export interface CaseHistory {
  /** The revision of the last event folded (0-based). */
  readonly revision: number;
  /** Every fact not voided, in stream order, as corrected. */
  readonly facts: readonly RecordedFact[];
  readonly voidedRevisions: readonly number[];
  readonly correctionIds: readonly string[];
}

/** No request has been received: the only command accepted is ReceiveRequest. */
export interface NoCase {
  readonly stage: 'none';
}

/** A case from its request onwards; `stage` is API.md's stage value. */
export interface EhcpCase {
  readonly stage: CaseStage;
  readonly caseId: string;
  readonly reference: string | null;
  readonly team: string;
  readonly requestedBy: Requester;
  readonly caseworkerId: string | null;
  /**
   * The day the case opened: the request for assessment, or (2nd ed.) for a plan transferred in, the
   * transfer date (then `openedByRequest` is false and no request clock runs).
   */
  readonly requestReceivedOn: string;
  /**
   * (2nd ed.) Whether the case began with a request for assessment: only such a case has a new plan
   * for SEN2. A plan transferred in (reg 15), a later process, opens a case with false.
   */
  readonly openedByRequest: boolean;
  /**
   * (2nd ed.) The days on which an appeal against the refusal to assess or the decision not to issue
   * was lodged (any outcome), or a mediation started (regs 33-37). SEN2 leaves a new plan issued on or
   * after any of them out of its measures. Empty until appeals and mediations are recorded (a later
   * process adds to it).
   */
  readonly appealsAndMediationsStartedOn: readonly string[];
  /** In event order; a later `assess` after a `refuse` is the refusal reversed. */
  readonly assessmentDecisions: readonly DatedDecision<AssessmentDecision>[];
  readonly advice: readonly AdviceRequest[];
  readonly exceptions: readonly TimescaleException[];
  /** In event order; a later `issue` after a `not_issue` is the decision reversed. */
  readonly planDecisions: readonly DatedDecision<PlanDecision>[];
  readonly draftIssuedOn: string | null;
  readonly representations: readonly Representation[];
  readonly consultations: readonly Consultation[];
  readonly finalPlan: IssuedPlan | null;
  readonly qaAudits: readonly QaAudit[];
  /** In meeting-date order (decide refuses a meeting dated before the previous one). */
  readonly reviews: readonly Review[];
  readonly amendmentNotices: readonly AmendmentNotice[];
  readonly phaseTransfers: readonly PhaseTransfer[];
  /** (2nd ed.) Set when the case opened with a plan transferred in (reg 15); its first plan is `finalPlan`. */
  readonly transferIn: TransferredPlan | null;
  /** (2nd ed.) In request order. */
  readonly reassessments: readonly Reassessment[];
  /** (2nd ed.) In the order recorded. */
  readonly appeals: readonly Appeal[];
  readonly mediations: readonly Mediation[];
  /**
   * (2nd ed.) Decisions to cease, in order; the latest one stands unless an appeal against it was
   * conceded or ordered the plan to continue (see `ceasesOnOf`).
   */
  readonly cessationDecisions: readonly CessationDecision[];
  /** A cessation effective on its date (PlanCeased), recorded as such. */
  readonly cessation: { readonly ceasedOn: string; readonly reason: string } | null;
  /** (2nd ed.) The child's or young person's views, in the order recorded. */
  readonly views: readonly ChildViews[];
  /** (2nd ed.) Every family link issued, in order; at most one is not revoked. */
  readonly familyLinks: readonly FamilyLink[];
  readonly closure: { readonly closedOn: string; readonly reason: ClosureReason } | null;
  readonly personalDataErasedOn: string | null;
  /** The latest lifecycle fact's date: closure and cessation cannot be dated before it. */
  readonly lastFactOn: string;
  readonly history: CaseHistory;
}

export type EhcpCaseState = NoCase | EhcpCase;
export type EhcpCaseStage = EhcpCaseState['stage'];

export const initialState: EhcpCaseState = { stage: 'none' };

/**
 * The version of the state's stored shape and of what `evolve` makes of the events. Bump it whenever
 * the stored state's shape or the meaning of evolve changes: the projector keeps each case's state
 * with the version it was folded under, and re-folds an older one from the case's events before it
 * folds anything onto it (a state of an older shape would fail, or mislead, the current evolve).
 */
export const CASE_STATE_VERSION = 3;

/**
 * The stages in which a plan is maintained (CFA s37): (2nd ed.) including while it is re-assessed
 * and while a decision to cease has not yet taken effect.
 */
export const MAINTAINED_STAGES = ['plan_maintained', 'reassessing', 'ceasing'] as const;

/** (2nd ed.) The re-assessment now open: decided "reassess" and not concluded. */
export function openReassessment(state: EhcpCase): Reassessment | undefined {
  return state.reassessments.find(
    (r) => r.decision?.decision === 'reassess' && r.plan === null && r.unchangedOn === null,
  );
}

export function caseExists(state: EhcpCaseState): state is EhcpCase {
  return state.stage !== 'none';
}

/**
 * (2nd ed.) The review an amendment notice served on `issuedOn` follows by default: the latest review
 * decided "amend" that has no notice yet and whose meeting is not after the notice.
 */
export function reviewAwaitingNotice(state: EhcpCase, issuedOn: string): Review | undefined {
  const noticed = new Set(state.amendmentNotices.map((notice) => notice.reviewId));
  return state.reviews.findLast(
    (review) =>
      review.decision?.decision === 'amend' &&
      !noticed.has(review.reviewId) &&
      review.meetingHeldOn <= issuedOn,
  );
}
