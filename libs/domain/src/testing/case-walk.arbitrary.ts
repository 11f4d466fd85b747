import fc from 'fast-check';
import { decide } from '../ehcp-case/ehcp-case.decider';
import { CORRECTABLE_FIELDS } from '../corrections/correctable-facts';
import type { CorrectFact, EhcpCaseCommand, EhcpCaseCommandType } from '../ehcp-case/ehcp-case.commands';
import type { EhcpCaseEvent } from '../ehcp-case/ehcp-case.events';
import { evolve } from '../ehcp-case/ehcp-case.evolve';
import { caseExists, initialState, type EhcpCaseState } from '../ehcp-case/ehcp-case.state';
import {
  APPEAL_OUTCOMES,
  APPEAL_SUBJECTS,
  CESSATION_REASONS,
  EXCEPTION_REASONS,
  PLAN_VERSIONS,
  REASSESSMENT_REQUESTERS,
  REVIEW_DECISIONS,
  VIEWS_METHODS,
  VIEWS_STAGES,
} from '../ehcp-case/ehcp-case.vocabulary';
import { isDomainError } from '../shared/domain-error';
import { plusDays, yearOf } from '../shared/local-date';
import { CHILD, DRAFT_SECTIONS, GOOD_SECTIONS, PLACEMENT } from './case-events';

// Random walks through the case lifecycle for the property tests: random commands with random
// (sometimes back-dated) dates are offered to decide; accepted ones are folded with evolve.

const COMMAND_TYPES: readonly EhcpCaseCommandType[] = [
  'AssignCaseworker',
  'DecideAssessment',
  'RequestAdvice',
  'ReceiveAdvice',
  'RecordException',
  'EndException',
  'DecidePlan',
  'IssueDraftPlan',
  'ReceiveRepresentations',
  'ConsultInstitution',
  'ReceiveConsultationResponse',
  'IssueFinalPlan',
  'RecordQaAudit',
  'HoldReviewMeeting',
  'DecideReview',
  'IssueAmendmentNotice',
  'ReceiveAmendmentRepresentations',
  'IssueAmendedPlan',
  'DecideNotToAmend',
  'PlanPhaseTransfer',
  'CeasePlan',
  'CloseCase',
  'ErasePersonalData',
  'CorrectFact',
  'CorrectChild',
  'ReceiveRequest',
  'TransferIn',
  'IssueTransferNotice',
  'RequestReassessment',
  'DecideReassessment',
  'KeepPlanUnchanged',
  'LodgeAppeal',
  'RecordAppealOutcome',
  'StartMediation',
  'EndMediation',
  'DecideCessation',
  'RecordViews',
  'IssueFamilyLink',
  'RevokeFamilyLink',
  'RecordFamilyView',
];

/** Commands that move a case on from each stage: walks mostly follow them, so they get deep. */
const NEXT_COMMANDS: { readonly [S in EhcpCaseState['stage']]: readonly EhcpCaseCommandType[] } = {
  none: ['ReceiveRequest'],
  requested: ['DecideAssessment', 'RecordException'],
  assessing: [
    'RequestAdvice',
    'ReceiveAdvice',
    'DecidePlan',
    'RecordException',
    'EndException',
    'RecordViews',
  ],
  // (2nd ed.) Appeals (and orders) and mediation: positioned so that `choice` picks a subject that stands.
  refused_to_assess: [
    'LodgeAppeal',
    'DecideAssessment',
    'CloseCase',
    'RecordAppealOutcome',
    'StartMediation',
  ],
  drafting: ['IssueDraftPlan', 'ReceiveAdvice', 'RequestAdvice'],
  draft_issued: [
    'ReceiveRepresentations',
    'ConsultInstitution',
    'ReceiveConsultationResponse',
    'IssueFinalPlan',
    'RecordQaAudit',
    'RecordViews',
  ],
  not_issued: ['DecidePlan', 'LodgeAppeal', 'CloseCase', 'RecordAppealOutcome', 'StartMediation'],
  plan_maintained: [
    'HoldReviewMeeting',
    'DecideReview',
    'IssueAmendmentNotice',
    'ReceiveAmendmentRepresentations',
    'IssueAmendedPlan',
    'DecideNotToAmend',
    'PlanPhaseTransfer',
    'RecordQaAudit',
    'ConsultInstitution',
    'ReceiveConsultationResponse',
    'RequestReassessment',
    'DecideReassessment',
    'LodgeAppeal',
    'RecordAppealOutcome',
    'DecideCessation',
    'IssueTransferNotice',
    // (2nd ed.) The child's views for a review, and the family's link: issued, looked at, stopped.
    'RecordViews',
    'IssueFamilyLink',
    'RecordFamilyView',
    'RevokeFamilyLink',
  ],
  reassessing: [
    'RequestAdvice',
    'ReceiveAdvice',
    'IssueDraftPlan',
    'ReceiveRepresentations',
    'IssueFinalPlan',
    'KeepPlanUnchanged',
    'LodgeAppeal',
  ],
  ceasing: [
    'LodgeAppeal',
    'RecordAppealOutcome',
    'HoldReviewMeeting',
    'DecideReview',
    'StartMediation',
    'IssueTransferNotice',
  ],
  ceased: ['RecordQaAudit', 'RecordException', 'CloseCase'],
  closed: ['RecordException', 'EndException', 'ErasePersonalData', 'IssueFamilyLink', 'RecordFamilyView'],
};

interface Step {
  /** Follow the lifecycle (a command of NEXT_COMMANDS) rather than the random `type`. */
  readonly follow: boolean;
  readonly type: EhcpCaseCommandType;
  /** Days the calendar moves on before this command. */
  readonly advance: number;
  /** How many days before today the fact is dated (back-dated entry). */
  readonly backdate: number;
  readonly id: string;
  readonly choice: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  follow: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  type: fc.constantFrom(...COMMAND_TYPES),
  advance: fc.integer({ min: 0, max: 40 }),
  backdate: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })),
  id: fc.constantFrom('a', 'b', 'c'),
  // Up to 23: a followed step can reach every command of the longest NEXT_COMMANDS list.
  choice: fc.nat({ max: 23 }),
});

function commandOf(s: Step, today: string, state: EhcpCaseState): EhcpCaseCommand {
  const on = plusDays(today, -s.backdate);
  const data = ((): EhcpCaseCommand['data'] => {
    switch (s.type) {
      case 'ReceiveRequest':
        return {
          caseId: 'case',
          team: 't',
          requestReceivedOn: on,
          requestedBy: 'parent',
          child: { ...CHILD, dateOfBirth: plusDays(today, -3000) },
        };
      case 'AssignCaseworker':
        return { caseworkerId: s.id, assignedOn: on };
      case 'DecideAssessment':
        return { decision: s.choice % 3 === 0 ? 'refuse' : 'assess', decidedOn: on };
      case 'RequestAdvice':
        return { adviceId: s.id, source: 'health', requestedOn: on };
      case 'ReceiveAdvice':
        return { adviceId: s.id, receivedOn: on };
      case 'RecordException':
        return {
          exceptionId: s.id,
          reason: EXCEPTION_REASONS[s.choice % EXCEPTION_REASONS.length],
          startedOn: plusDays(on, -3 * s.choice),
          endedOn: s.choice % 2 === 0 ? null : on,
        };
      case 'EndException':
        return { exceptionId: s.id, endedOn: on };
      case 'DecidePlan':
        return { decision: s.choice % 4 === 0 ? 'not_issue' : 'issue', decidedOn: on };
      case 'IssueDraftPlan':
        return { issuedOn: on };
      case 'ReceiveRepresentations':
        return { receivedOn: on };
      case 'ConsultInstitution':
        return { consultationId: s.id, institution: 'X', consultedOn: on };
      case 'ReceiveConsultationResponse':
        return { consultationId: s.id, receivedOn: on, outcome: 'can_meet_needs' };
      case 'IssueFinalPlan':
        return { issuedOn: on, placement: PLACEMENT };
      case 'RecordQaAudit': {
        const planVersion = PLAN_VERSIONS[s.choice % 3];
        return {
          auditId: s.id,
          planVersion,
          auditedOn: on,
          auditorRole: 'health',
          sections: planVersion === 'draft' ? DRAFT_SECTIONS : GOOD_SECTIONS,
        };
      }
      case 'HoldReviewMeeting':
        return { reviewId: s.id, meetingHeldOn: on };
      case 'DecideReview':
        return { reviewId: s.id, decision: REVIEW_DECISIONS[s.choice % 3], decidedOn: on };
      case 'IssueAmendmentNotice':
        // Now and then naming a review (the one with the same letter), else the default link.
        return { noticeId: s.id, issuedOn: on, ...(s.choice % 3 === 0 ? { reviewId: s.id } : {}) };
      case 'ReceiveAmendmentRepresentations':
        return { noticeId: s.id, receivedOn: on };
      case 'IssueAmendedPlan':
        return { noticeId: s.id, issuedOn: on, placement: s.choice % 2 === 0 ? PLACEMENT : null };
      case 'DecideNotToAmend':
        return { noticeId: s.id, decidedOn: on };
      case 'PlanPhaseTransfer':
        // Past transfers too (backfilled), and between post-16 institutions on a date.
        if (s.choice % 3 === 2)
          return {
            transferId: s.id,
            kind: 'post16_institution',
            transferOn: plusDays(today, 90 * s.choice - 500),
          };
        return {
          transferId: s.id,
          kind: s.choice % 2 === 0 ? 'school_phase' : 'post16',
          transferYear: yearOf(today) + (s.choice % 4) - 1,
        };
      case 'CeasePlan':
        return { ceasedOn: on, reason: 'r' };
      case 'CloseCase':
        return { closedOn: on, reason: 'other' };
      case 'ErasePersonalData':
        return {};
      case 'CorrectFact':
        return correctionOf(s, on, state);
      case 'CorrectChild':
        return { ...CHILD, dateOfBirth: plusDays(today, -3000), reason: 'r' };
      case 'TransferIn':
        return {
          caseId: 'case',
          team: 't',
          transferredOn: on,
          fromAuthority: 'Elsewhere',
          planMadeOn: plusDays(on, -30 * s.choice - 10),
          lastReviewedOn: s.choice % 2 === 0 ? null : plusDays(on, -20 * s.choice),
          placement: PLACEMENT,
          child: { ...CHILD, dateOfBirth: plusDays(today, -3000) },
        };
      case 'IssueTransferNotice':
        return { issuedOn: on, proposesAssessment: s.choice % 2 === 0 };
      case 'RequestReassessment':
        return { requestId: s.id, receivedOn: on, requestedBy: REASSESSMENT_REQUESTERS[s.choice % 4] };
      case 'DecideReassessment':
        return { requestId: s.id, decision: s.choice % 3 === 0 ? 'refuse' : 'reassess', decidedOn: on };
      case 'KeepPlanUnchanged':
        return { requestId: s.id, decidedOn: on };
      case 'LodgeAppeal':
        return { appealId: s.id, lodgedOn: on, against: APPEAL_SUBJECTS[s.choice % APPEAL_SUBJECTS.length] };
      case 'RecordAppealOutcome':
        return { appealId: s.id, outcome: APPEAL_OUTCOMES[s.choice % APPEAL_OUTCOMES.length], decidedOn: on };
      case 'StartMediation':
        return { mediationId: s.id, startedOn: on };
      case 'EndMediation':
        return { mediationId: s.id, endedOn: on };
      case 'DecideCessation':
        return { decidedOn: on, reason: CESSATION_REASONS[s.choice % CESSATION_REASONS.length] };
      case 'RecordViews':
        return {
          viewsId: s.id,
          gatheredOn: on,
          method: VIEWS_METHODS[s.choice % VIEWS_METHODS.length],
          stage: VIEWS_STAGES[s.backdate % VIEWS_STAGES.length],
          summary: s.choice % 2 === 0 ? 'I want to stay with my friends.' : null,
        };
      case 'IssueFamilyLink':
        // Now and then a length no link may have (0 days), to walk the refusal too.
        return {
          linkId: s.id,
          tokenHash: `hash-${s.id}-${s.choice}`,
          expiresInDays: s.choice === 23 ? 0 : 5 * s.choice + 1,
        };
      case 'RevokeFamilyLink':
      case 'RecordFamilyView':
        return { linkId: s.id };
    }
  })();
  return { type: s.type, data, today } as EhcpCaseCommand;
}

/**
 * A correction of the fact at revision `choice` (any event of a short walk): often voided, else its
 * first correctable field moved to `on` (a date), to a year, or to another choice.
 */
function correctionOf(s: Step, on: string, state: EhcpCaseState): CorrectFact['data'] {
  const base = { correctionId: `${s.id}${s.choice}`, revision: s.choice, reason: 'r' };
  const target = caseExists(state) ? state.history.facts.find((f) => f.revision === s.choice) : undefined;
  if (s.backdate % 3 === 0 || target === undefined) return { ...base, action: 'void' };
  const [field, kind] = Object.entries(CORRECTABLE_FIELDS[target.event.type])[0] ?? ['none', 'date'];
  const value = typeof kind !== 'string' ? kind[s.advance % kind.length] : kind === 'year' ? 2030 : on;
  return { ...base, action: 'correct', changes: { [field]: value } };
}

export interface CaseWalk {
  readonly events: readonly EhcpCaseEvent[];
  readonly state: EhcpCaseState;
  /** The last `today` of the walk. */
  readonly today: string;
}

/**
 * Offers every step to decide and folds the accepted events with evolve, which throws on any event
 * it rejects: a walk that completes proves decide only returned events evolve accepts.
 */
export function walk(start: string, steps: readonly Step[], opening: Opening = OPEN_BY_REQUEST): CaseWalk {
  let state = initialState;
  let today = start;
  const events: EhcpCaseEvent[] = [];
  for (const s of [{ ...step0, ...opening }, ...steps]) {
    today = plusDays(today, s.advance);
    const next = NEXT_COMMANDS[state.stage];
    const type = s.follow ? next[s.choice % next.length] : s.type;
    let decided: EhcpCaseEvent[];
    try {
      decided = decide(commandOf({ ...s, type }, today, state), state);
    } catch (error) {
      if (isDomainError(error)) continue;
      throw error;
    }
    for (const event of decided) {
      state = evolve(state, event);
      events.push(event);
    }
  }
  return { events, state, today };
}

const step0: Step = { follow: false, type: 'ReceiveRequest', advance: 0, backdate: 0, id: 'a', choice: 0 };

/** How a walked case opens: (2nd ed.) a request, or a plan transferred in (reg 15). */
type Opening = Pick<Step, 'type' | 'choice'>;
const OPEN_BY_REQUEST: Opening = { type: 'ReceiveRequest', choice: 0 };
const opening: fc.Arbitrary<Opening> = fc.oneof(
  fc.constant(OPEN_BY_REQUEST),
  fc.record({ type: fc.constant('TransferIn' as const), choice: fc.nat({ max: 11 }) }),
);

/** A start date between 2015 and 2035, an opening and up to 80 lifecycle steps. */
export const caseWalk: fc.Arbitrary<CaseWalk> = fc
  .tuple(
    fc.date({
      min: new Date('2015-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.array(step, { minLength: 10, maxLength: 80, size: 'max' }),
    opening,
  )
  .map(([start, steps, open]) => walk(start.toISOString().slice(0, 10), steps, open));
