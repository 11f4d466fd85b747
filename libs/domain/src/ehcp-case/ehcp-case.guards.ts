import { DomainError, type DomainErrorCode } from '../shared/domain-error';
import { assertIsoDate, EARLIEST_FACT_DATE } from '../shared/local-date';
import { firstTextFault } from '../shared/plain-text';
import {
  caseExists,
  MAINTAINED_STAGES,
  type AmendmentNotice,
  type EhcpCase,
  type EhcpCaseState,
} from './ehcp-case.state';
import { CASE_STAGES, type CaseStage } from './ehcp-case.vocabulary';

// Guards shared by the decide functions. Order of checks in every decider: the case exists
// (not_found), the command's own data is valid (invalid, naming the field), then conflicts with the
// case's state (not_found for unknown sub-resources, conflict otherwise).

export type Refusal = readonly [code: DomainErrorCode, message: string, field?: string];

export function requireCase(state: EhcpCaseState): EhcpCase {
  if (!caseExists(state))
    throw new DomainError('CASE_NOT_FOUND', 'No request has been received for this case');
  return state;
}

/**
 * A real calendar date, not after `today` (facts are recorded after they happen) and not before
 * EARLIEST_FACT_DATE (0000-01-01 is a real ISO date that no store or report can use).
 */
export function requirePastDate(value: unknown, field: string, today: string): string {
  assertIsoDate(value, field);
  if (value < EARLIEST_FACT_DATE)
    throw new DomainError('INVALID_DATE', `${field} ${value} is before ${EARLIEST_FACT_DATE}`, field);
  if (value > today)
    throw new DomainError('DATE_IN_FUTURE', `${field} ${value} is after today (${today})`, field);
  return value;
}

export function requireOptionalPastDate(
  value: string | null | undefined,
  field: string,
  today: string,
): string | null {
  return value === undefined || value === null ? null : requirePastDate(value, field, today);
}

/** Refuses a command carrying text no store can keep (NUL, an unpaired surrogate...): INVALID_TEXT. */
export function requirePlainText(data: unknown): void {
  const fault = firstTextFault(data);
  if (fault === null) return;
  const field = fault.field || 'data';
  throw new DomainError('INVALID_TEXT', `${field} ${fault.problem}`, field);
}

/** Refuses a date earlier than the fact it follows. */
export function requireNotBefore(date: string, earliest: string, refusal: Refusal): void {
  if (date < earliest) throw new DomainError(refusal[0], `${refusal[1]} (${date} is before ${earliest})`);
}

export function refuse([code, message, field]: Refusal): never {
  throw new DomainError(code, message, field);
}

/**
 * Stages after which nothing but what DOMAIN.md allows may happen, with their refusal. (2nd ed.)
 * `reassessing` and `ceasing` are not among them: the plan is still maintained (MAINTAINED_STAGES).
 * A `ceasing` case whose plan has ceased by the command's `today` is judged as `ceased`
 * (ehcp-case/effective-stage.ts), so it gets PLAN_CEASED from here.
 */
const ENDED_STAGE_REFUSALS: { readonly [S in CaseStage]?: Refusal } = {
  refused_to_assess: ['ASSESSMENT_REFUSED', 'The council refused to assess this case'],
  not_issued: ['PLAN_NOT_ISSUED', 'The council decided not to issue a plan for this case'],
  ceased: ['PLAN_CEASED', 'The plan has ceased'],
  closed: ['CASE_CLOSED', 'The case is closed'],
};

/**
 * (2nd ed.) Why a step is refused in a stage of a maintained plan after `plan_maintained` when its
 * rule names no `late` refusal (it was written for the stages before them): the plan is being
 * re-assessed, or a decision to cease it is pending.
 */
const PENDING_STAGE_REFUSALS: { readonly [S in CaseStage]?: Refusal } = {
  reassessing: ['REASSESSMENT_ALREADY_OPEN', 'The plan is being re-assessed'],
  ceasing: ['CESSATION_ALREADY_DECIDED', 'A decision to cease this plan is pending'],
};

/**
 * The stages a case moves through, in order. (2nd ed.) A maintained plan may be re-assessed, and a
 * decision to cease it comes last: a step of the initial assessment is "late" in both, and a second
 * decision to cease is "late" after the first (`ceasing`).
 */
const PROGRESSION: readonly CaseStage[] = [
  'requested',
  'assessing',
  'drafting',
  'draft_issued',
  'plan_maintained',
  'reassessing',
  'ceasing',
];

export interface StageRule {
  readonly allowed: readonly CaseStage[];
  /** Refusal in a stage earlier than every allowed one (e.g. a final plan before the draft). */
  readonly early?: Refusal;
  /** Refusal in a stage later than the allowed ones (e.g. a second final plan). */
  readonly late?: Refusal;
}

/** Refuses the command unless the case is in one of the rule's stages. */
export function requireStage(state: EhcpCase, rule: StageRule): void {
  if (rule.allowed.includes(state.stage)) return;
  const ended = ENDED_STAGE_REFUSALS[state.stage];
  if (ended) refuse(ended);
  const rank = PROGRESSION.indexOf(state.stage);
  const firstAllowed = Math.min(
    ...rule.allowed.map((stage) => PROGRESSION.indexOf(stage)).filter((i) => i >= 0),
  );
  const refusal = (rank < firstAllowed ? rule.early : rule.late) ?? PENDING_STAGE_REFUSALS[state.stage];
  if (refusal === undefined) throw new Error(`No refusal defined for stage ${state.stage}`);
  refuse(refusal);
}

/** Every stage but the listed ones. */
export function stagesExcept(...excluded: readonly CaseStage[]): readonly CaseStage[] {
  return CASE_STAGES.filter((stage) => !excluded.includes(stage));
}

/** Finds a sub-resource by id, or refuses with its 404 code. */
export function requireFound<T>(item: T | undefined, code: DomainErrorCode, what: string): T {
  if (item === undefined) throw new DomainError(code, `${what} does not exist on this case`);
  return item;
}

/** Refuses a sub-resource id that is already used on the case. */
export function requireNewId(exists: boolean, code: DomainErrorCode, what: string): void {
  if (exists) throw new DomainError(code, `${what} already exists on this case`);
}

/** A fact the case's stage guarantees (e.g. the draft date once a draft is issued). */
export function known<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`State invariant broken: ${what} is missing`);
  return value;
}

/**
 * (2nd ed.) The day from which this authority maintains the plan (call once a final plan exists):
 * its issue date, or for a plan transferred in the transfer date T (reg 15: its reviews and
 * amendments before T were the other authority's, known here only as its last review date).
 */
export function planMaintainedSince(current: EhcpCase): string {
  return current.transferIn?.transferredOn ?? known(current.finalPlan, 'final plan').issuedOn;
}

/**
 * A fact about an amendment notice dated `on`: the plan is maintained (2nd ed.: in any of
 * MAINTAINED_STAGES, so also while re-assessed or under a decision to cease), the notice exists (404), is
 * still open (no amended plan, no decision not to amend: 409) and was served on or before `on`.
 */
export function requireOpenNoticeOn(
  current: EhcpCase,
  noticeId: string,
  on: string,
  beforeNotice: Refusal,
): AmendmentNotice {
  requireStage(current, {
    allowed: MAINTAINED_STAGES,
    early: ['NOTICE_NOT_FOUND', `Amendment notice ${noticeId} does not exist`],
  });
  const notice = requireOpenNotice(current, noticeId);
  requireNotBefore(on, notice.issuedOn, beforeNotice);
  return notice;
}

function requireOpenNotice(current: EhcpCase, noticeId: string): AmendmentNotice {
  const notice = requireFound(
    current.amendmentNotices.find((n) => n.noticeId === noticeId),
    'NOTICE_NOT_FOUND',
    `Amendment notice ${noticeId}`,
  );
  if (notice.amendedPlan !== null) {
    refuse(['NOTICE_ALREADY_CLOSED', `Amendment notice ${noticeId} was closed by the amended plan`]);
  }
  if (notice.noAmendmentDecidedOn !== null) {
    refuse(['NOTICE_ALREADY_CLOSED', `Amendment notice ${noticeId} was closed by a decision not to amend`]);
  }
  return notice;
}
