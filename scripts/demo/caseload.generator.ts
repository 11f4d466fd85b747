import { LocalDate } from '@js-joda/core';
import type { AppealOutcome, AppealSubject, CessationReason, ReassessmentRequester } from '@ehcp/domain';
import { CaseStory, type DemoStep, latest } from './case-story';
import { SeededRandom } from './seeded-random';

export type { DemoStep } from './case-story';

export interface DemoCase {
  readonly caseId: string;
  readonly team: string;
  readonly steps: DemoStep[];
}

export interface CaseloadOptions {
  readonly seed: number;
  readonly cases: number;
  readonly today: string;
  readonly teams: readonly string[];
}

const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Riley',
  'Casey',
  'Morgan',
  'Jamie',
  'Robin',
  'Charlie',
  'Avery',
];
const LAST_NAMES = ['Testcase', 'Example', 'Sample', 'Fictional', 'Synthetic', 'Placeholder', 'Demo'];
const SCHOOLS = [
  'Oakfield Primary',
  'Riverside Academy',
  'Hilltop School',
  'Meadow Special School',
  'Northgate College',
];
/** Other authorities plans are transferred in from (reg 15). */
const AUTHORITIES = [
  'Buckinghamshire Council',
  'Hertfordshire County Council',
  'Kent County Council',
  'Leeds City Council',
  'Bristol City Council',
  'Surrey County Council',
  'Birmingham City Council',
];
const GRADES = ['outstanding', 'good', 'good', 'requires_improvement', 'inadequate'] as const;

/**
 * A synthetic caseload: requests over the last two years; about a quarter refused, most of the rest
 * issued, roughly half within 20 weeks (the delay falls on late advice and slow drafting), about 5%
 * with timescale exceptions; annual reviews, amendments and a few phase transfers. (2nd ed.) Besides
 * new plans, the caseload's other statutory processes at realistic rates (PROCESS_SHARES): plans
 * transferred in, re-assessments, appeals (most conceded or ordered, then the LA's steps, some late),
 * mediations and decisions to cease (a few appealed). Every step is a valid command in order, dated on
 * or before `today`; steps that would fall after today are left out.
 */
export function generateCaseload(options: CaseloadOptions): DemoCase[] {
  const random = new SeededRandom(options.seed);
  const today = LocalDate.parse(options.today);
  return Array.from({ length: options.cases }, () => generateCase(random, today, options.teams));
}

/** What a case is there to show: a new plan requested, or one of the second edition's processes. */
export type CaseProcess = 'new_plan' | 'transfer_in' | 'reassessment' | 'appeal' | 'mediation' | 'cessation';

/**
 * Each process's share of the caseload (issue 15: ~3% transfers in, 2% re-assessments, 2% appeals,
 * 4% cessations). A quarter of appeals follow a mediation: with the mediations that settle the
 * dispute (`mediation`), about 1% of cases mediate.
 */
export const PROCESS_SHARES: readonly (readonly [CaseProcess, number])[] = [
  ['transfer_in', 0.03],
  ['reassessment', 0.02],
  ['appeal', 0.02],
  ['mediation', 0.005],
  ['cessation', 0.04],
  ['new_plan', 0.885],
];

/** The decisions disputed before the plan is final, or about the final plan itself. */
type DisputedDecision = 'refusal_to_assess' | 'not_issue' | 'plan_contents' | 'placement';

interface Dispute {
  readonly against: DisputedDecision;
  /** `mediation`: settled or dropped at mediation, never appealed. */
  readonly by: 'appeal' | 'mediation';
}

/** The mix issue 15 asks for: appeals mostly against refusals to assess and decisions not to issue. */
const APPEALED: readonly (readonly [DisputedDecision, number])[] = [
  ['refusal_to_assess', 0.4],
  ['not_issue', 0.25],
  ['plan_contents', 0.2],
  ['placement', 0.15],
];
const MEDIATED: readonly (readonly [DisputedDecision, number])[] = [
  ['refusal_to_assess', 0.45],
  ['not_issue', 0.2],
  ['plan_contents', 0.35],
];
/** Most appeals end with the LA conceding (reg 45) or an order (reg 44); few dismissed or withdrawn. */
const APPEAL_OUTCOME_SHARES: readonly (readonly [AppealOutcome, number])[] = [
  ['conceded', 0.4],
  ['order', 0.35],
  ['dismissed', 0.12],
  ['withdrawn', 0.13],
];

/** The path a case must take for its process; undefined: the usual odds decide. */
type PlanPath = 'refuse' | 'not_issue' | 'plan';

/** Days a request must lie back for its process to have happened by today (most of the time). */
const EARLIEST_REQUEST_AGE: { readonly [P in PlanPath | 'any']: number } = {
  any: 0,
  refuse: 110,
  not_issue: 230,
  plan: 330,
};

/** How fast the LA moves: the share of late advice and of slow drafting. */
interface Pace {
  readonly lateAdvice: number;
  readonly slowDraft: number;
}
const USUAL_PACE: Pace = { lateAdvice: 0.2, slowDraft: 0.35 };
/** After a Tribunal order or a concession the LA hurries (an order is enforceable): fewer delays. */
const ORDERED_PACE: Pace = { lateAdvice: 0.05, slowDraft: 0.1 };

/** A maintained plan from `start` (issued or transferred in), its first review meeting due near `firstMeeting`. */
interface MaintainedPlan {
  readonly start: LocalDate;
  readonly firstMeeting: LocalDate;
  readonly dateOfBirth: LocalDate;
}

function generateCase(random: SeededRandom, today: LocalDate, teams: readonly string[]): DemoCase {
  const caseId = random.uuid();
  const team = random.pick(teams);
  const story = new CaseStory(caseId, today);
  const process = random.weighted(PROCESS_SHARES);
  if (process === 'transfer_in') transferredIn(random, story, team);
  else requestedPlan(random, story, team, process);
  return { caseId, team, steps: story.steps };
}

function requestedPlan(random: SeededRandom, story: CaseStory, team: string, process: CaseProcess): void {
  const dispute = disputeOf(random, process);
  const path = pathOf(process, dispute);
  const requested = story.today.minusDays(random.int(EARLIEST_REQUEST_AGE[path ?? 'any'], 730));
  const dateOfBirth = requested.minusDays(random.int(3 * 365, 17 * 365));
  story.open(requested, '/cases', {
    caseId: story.caseId,
    team,
    reference: referenceOf(story.caseId),
    requestReceivedOn: requested.toString(),
    requestedBy: random.pick(['parent', 'parent', 'school', 'early_years', 'health', 'young_person']),
    child: childBornOn(random, dateOfBirth),
    caseworkerId: `cw-${team}-${random.int(1, 4)}`,
  });
  const assessment = assessmentDecided(random, story, requested, path, dispute);
  if (!assessment) return;
  const adviceDone = requestAdvice(random, story, assessment.on, assessment.pace);
  if (random.chance(0.07)) recordException(random, story, assessment.on);
  const draft = planDecided(random, story, adviceDone, path, dispute, assessment.pace);
  if (!draft) return;
  const final = draftAndFinalise(random, story, draft);
  if (!final) return;
  if (dispute?.against === 'plan_contents' || dispute?.against === 'placement') {
    const remedied = disputed(random, story, dispute, final);
    if (remedied) amendAsOrdered(random, story, remedied, dispute.against);
  }
  const firstMeeting = final.plusDays(random.around(345, 20, 300, 380));
  maintainPlan(random, story, { start: final, firstMeeting, dateOfBirth }, process);
}

/**
 * reg 5(1): the decision whether to assess. A refusal disputed may give way (an order, a concession,
 * agreement at mediation): the LA then decides to assess, within 2 weeks of an order mostly
 * (`order_assessment_notice`, reg 44(2)), and hurries. The decision to assess and the pace after it,
 * or undefined when the refusal stands.
 */
function assessmentDecided(
  random: SeededRandom,
  story: CaseStory,
  requested: LocalDate,
  path: PlanPath | undefined,
  dispute: Dispute | undefined,
): { readonly on: LocalDate; readonly pace: Pace } | undefined {
  const decided = requested.plusDays(random.around(30, 10, 5, 70));
  let assessed = { on: decided, pace: USUAL_PACE };
  if (path === 'refuse' || (path === undefined && random.chance(0.25))) {
    story.add(decided, '/assessment-decision', { decision: 'refuse', decidedOn: decided.toString() });
    const remedied = dispute && disputed(random, story, dispute, decided);
    if (!remedied) return undefined;
    assessed = { on: remedied.plusDays(orderStep(random, 14)), pace: ORDERED_PACE };
  }
  story.add(assessed.on, '/assessment-decision', { decision: 'assess', decidedOn: assessed.on.toString() });
  return assessed;
}

/**
 * reg 10(1): the decision whether to issue a plan, once the advice is in. A decision not to issue
 * disputed may give way: the LA then decides to issue and serves the draft within 5 weeks of an order
 * mostly (`order_draft_plan`, reg 44(2); the final plan follows within 11). The day the draft is
 * served, or undefined when "not issue" stands.
 */
function planDecided(
  random: SeededRandom,
  story: CaseStory,
  adviceDone: LocalDate,
  path: PlanPath | undefined,
  dispute: Dispute | undefined,
  pace: Pace,
): LocalDate | undefined {
  const decided = adviceDone.plusDays(random.around(10, 6, 1, 30));
  const notIssued = path === 'not_issue' || (path === undefined && random.chance(0.08));
  if (!notIssued) {
    story.add(decided, '/plan-decision', { decision: 'issue', decidedOn: decided.toString() });
    return draftDate(random, decided, pace);
  }
  story.add(decided, '/plan-decision', { decision: 'not_issue', decidedOn: decided.toString() });
  const remedied = dispute && disputed(random, story, dispute, decided);
  if (!remedied) return undefined;
  const issued = remedied.plusDays(random.int(1, 10));
  story.add(issued, '/plan-decision', { decision: 'issue', decidedOn: issued.toString() });
  return latest(issued, remedied.plusDays(orderStep(random, 35)));
}

function disputeOf(random: SeededRandom, process: CaseProcess): Dispute | undefined {
  if (process === 'appeal') return { against: random.weighted(APPEALED), by: 'appeal' };
  if (process === 'mediation') return { against: random.weighted(MEDIATED), by: 'mediation' };
  return undefined;
}

function pathOf(process: CaseProcess, dispute: Dispute | undefined): PlanPath | undefined {
  switch (dispute?.against) {
    case 'refusal_to_assess':
      return 'refuse';
    case 'not_issue':
      return 'not_issue';
    case 'plan_contents':
    case 'placement':
      return 'plan';
    case undefined:
      return process === 'reassessment' || process === 'cessation' ? 'plan' : undefined;
  }
}

function referenceOf(caseId: string): string {
  return `EHC-${caseId.slice(0, 8).toUpperCase()}`;
}

function childBornOn(random: SeededRandom, dateOfBirth: LocalDate): Record<string, string> {
  return {
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    dateOfBirth: dateOfBirth.toString(),
  };
}

/**
 * A decision disputed: first a mediation (regs 33-37) when the family mediates, then an appeal to the
 * Tribunal unless the mediation ended it. Returns the day from which the LA acts when the decision
 * gives way (an order, a concession, or agreement at mediation); undefined when it stands.
 */
function disputed(
  random: SeededRandom,
  story: CaseStory,
  dispute: Dispute,
  decidedOn: LocalDate,
): LocalDate | undefined {
  let from = decidedOn;
  if (dispute.by === 'mediation' || random.chance(0.25)) {
    const mediationId = story.id();
    const started = decidedOn.plusDays(random.int(10, 30));
    if (!story.add(started, '/mediations', { mediationId, startedOn: started.toString() })) return undefined;
    const ended = started.plusDays(random.around(25, 8, 5, 45));
    if (!story.add(ended, `/mediations/${mediationId}/end`, { endedOn: ended.toString() })) return undefined;
    if (dispute.by === 'mediation') return random.chance(0.4) ? ended : undefined;
    from = ended;
  }
  return appealed(random, story, dispute.against, from);
}

/**
 * An appeal lodged within the two months the family has (after the decision, or a mediation), and its
 * outcome: a concession or a withdrawal before the hearing, an order or a dismissal after it (most
 * appeals are heard within about 20 weeks). Returns the day of an order or concession, else undefined.
 */
function appealed(
  random: SeededRandom,
  story: CaseStory,
  against: AppealSubject,
  after: LocalDate,
): LocalDate | undefined {
  const appealId = story.id();
  const lodged = after.plusDays(random.int(7, 40));
  if (!story.add(lodged, '/appeals', { appealId, lodgedOn: lodged.toString(), against })) return undefined;
  const outcome = random.weighted(APPEAL_OUTCOME_SHARES);
  const decided = lodged.plusDays(
    outcome === 'conceded'
      ? random.around(50, 20, 10, 120)
      : outcome === 'withdrawn'
        ? random.around(70, 30, 10, 150)
        : random.around(140, 20, 90, 210),
  );
  if (!story.add(decided, `/appeals/${appealId}/outcome`, { outcome, decidedOn: decided.toString() }))
    return undefined;
  return outcome === 'order' || outcome === 'conceded' ? decided : undefined;
}

/** Days from an order to the LA's step due within `days` of it: mostly in time, one in five late. */
function orderStep(random: SeededRandom, days: number): number {
  return random.chance(0.8)
    ? random.around(Math.round(days * 0.6), Math.max(2, Math.round(days / 5)), 1, days)
    : random.int(days + 1, days + 35);
}

/**
 * The plan amended as the Tribunal ordered or the LA conceded: notice, the family's response, the
 * amended plan (`order_amended_plan`: O + 35, or O + 14 for the placement alone; reg 44(2)).
 */
function amendAsOrdered(
  random: SeededRandom,
  story: CaseStory,
  ordered: LocalDate,
  against: 'plan_contents' | 'placement',
): void {
  const placementOnly = against === 'placement';
  const noticeId = story.id();
  const notice = ordered.plusDays(random.int(1, placementOnly ? 4 : 10));
  if (!story.add(notice, '/amendment-notices', { noticeId, issuedOn: notice.toString() })) return;
  // The family answers at once: the amended plan need not wait for the end of the 15-day window.
  const representations = notice.plusDays(random.int(1, 6));
  story.add(representations, `/amendment-notices/${noticeId}/representations`, {
    receivedOn: representations.toString(),
  });
  const amended = latest(representations, ordered.plusDays(orderStep(random, placementOnly ? 14 : 35)));
  story.add(amended, '/amended-plan', {
    noticeId,
    issuedOn: amended.toString(),
    ...(placementOnly ? { placement: { institution: random.pick(SCHOOLS), type: 'special' } } : {}),
  });
}

/** A plan's life once made or transferred in: reviews, and the re-assessment or cessation it is there for. */
function maintainPlan(
  random: SeededRandom,
  story: CaseStory,
  plan: MaintainedPlan,
  process: CaseProcess,
): void {
  switch (process) {
    case 'reassessment':
      return reassessment(random, story, plan);
    case 'cessation':
      return cessation(random, story, plan);
    case 'new_plan':
    case 'transfer_in':
    case 'appeal':
    case 'mediation':
      annualReviews(random, story, plan.firstMeeting, false);
      if (random.chance(0.06)) {
        story.add(story.today, '/phase-transfers', {
          transferId: story.id(),
          kind: random.chance(0.7) ? 'school_phase' : 'post16',
          transferYear: story.today.year() + 1,
        });
      }
  }
}

function requestAdvice(random: SeededRandom, story: CaseStory, decided: LocalDate, pace: Pace): LocalDate {
  const requested = decided.plusDays(random.int(0, 5));
  let lastReceived = requested;
  for (const source of ['educational_psychology', 'health', 'social_care', 'educational'].slice(
    0,
    random.int(2, 4),
  )) {
    const adviceId = story.id();
    story.add(requested, '/advice-requests', { adviceId, source, requestedOn: requested.toString() });
    // Advice is the classic bottleneck: mostly near the six weeks, with a long late tail.
    const received = requested.plusDays(
      random.chance(pace.lateAdvice) ? random.around(70, 20, 43, 140) : random.around(35, 8, 10, 42),
    );
    story.add(received, `/advice-requests/${adviceId}/received`, { receivedOn: received.toString() });
    if (received.isAfter(lastReceived)) lastReceived = received;
  }
  return lastReceived;
}

function recordException(random: SeededRandom, story: CaseStory, from: LocalDate): void {
  const started = from.plusDays(random.int(0, 20));
  const reason = random.pick([
    'exceptional_personal_circumstances',
    'absence_from_area',
    'institution_closure',
  ]);
  const exceptionId = story.id();
  story.add(started, '/exceptions', {
    exceptionId,
    reason,
    startedOn: started.toString(),
    note: 'Synthetic demo exception',
  });
  const ended = started.plusDays(random.int(28, 60));
  story.add(ended, `/exceptions/${exceptionId}/end`, { endedOn: ended.toString() });
}

/** The day the draft is served after the decision to issue: slow drafting is the other half of the delay. */
function draftDate(random: SeededRandom, planDecided: LocalDate, pace: Pace): LocalDate {
  return planDecided.plusDays(
    random.chance(pace.slowDraft) ? random.around(45, 15, 20, 100) : random.around(10, 5, 1, 20),
  );
}

/** The draft served on `draft`, representations, a consultation and the final plan (the first or a re-assessment's). */
function draftAndFinalise(random: SeededRandom, story: CaseStory, draft: LocalDate): LocalDate | undefined {
  story.add(draft, '/draft-plan', { issuedOn: draft.toString() });
  if (random.chance(0.3)) qaAudit(random, story, draft.plusDays(random.int(1, 10)), 'draft');
  const withRepresentations = random.chance(0.7);
  const representations = draft.plusDays(random.int(3, 14));
  if (withRepresentations) {
    story.add(representations, '/representations', {
      receivedOn: representations.toString(),
      requestedInstitution: random.pick(SCHOOLS),
    });
  }
  const consultationId = story.id();
  const consulted = draft.plusDays(random.int(1, 4));
  story.add(consulted, '/consultations', {
    consultationId,
    institution: random.pick(SCHOOLS),
    consultedOn: consulted.toString(),
  });
  const answered = consulted.plusDays(random.around(14, 6, 3, 40));
  story.add(answered, `/consultations/${consultationId}/response`, {
    receivedOn: answered.toString(),
    outcome: random.chance(0.85) ? 'can_meet_needs' : 'cannot_meet_needs',
  });
  const earliest = withRepresentations ? representations : draft.plusDays(15);
  const final = (answered.isAfter(earliest) ? answered : earliest).plusDays(random.around(7, 5, 0, 30));
  if (
    !story.add(final, '/final-plan', {
      issuedOn: final.toString(),
      placement: { institution: random.pick(SCHOOLS), type: 'mainstream' },
    })
  ) {
    return undefined;
  }
  if (random.chance(0.35)) qaAudit(random, story, final.plusDays(random.int(1, 30)), 'final');
  return final;
}

function qaAudit(random: SeededRandom, story: CaseStory, on: LocalDate, planVersion: string): void {
  const grade = () => random.pick(GRADES);
  const optional = () => (random.chance(0.3) ? 'not_applicable' : grade());
  story.add(
    on,
    '/qa-audits',
    {
      auditId: story.id(),
      planVersion,
      auditedOn: on.toString(),
      auditorRole: random.pick(['education', 'health', 'social_care', 'qa_officer']),
      sections: {
        A: grade(),
        B: grade(),
        C: optional(),
        D: optional(),
        E: grade(),
        F: grade(),
        G: optional(),
        H1: optional(),
        H2: optional(),
        // A draft never names a placement (CFA 2014 s38(5)): section I of its audit does not apply.
        I: planVersion === 'draft' ? 'not_applicable' : grade(),
        J: optional(),
        K: grade(),
      },
      actions: 'Synthetic demo audit',
    },
    true,
  );
}

/**
 * Up to two annual reviews, the first meeting on `firstMeeting`, each decided "maintain" or "amend";
 * with `ceaseAtLast`, the last review held by today decides "cease" and its date is returned.
 */
function annualReviews(
  random: SeededRandom,
  story: CaseStory,
  firstMeeting: LocalDate,
  ceaseAtLast: boolean,
): LocalDate | undefined {
  let meeting = firstMeeting;
  for (let year = 0; year < 2; year += 1) {
    const reviewId = story.id();
    if (!story.add(meeting, '/reviews', { reviewId, meetingHeldOn: meeting.toString() })) return undefined;
    const decided = meeting.plusDays(random.around(20, 8, 3, 45));
    const next = meeting.plusDays(random.around(345, 20, 300, 380));
    const last = year === 1 || next.plusDays(45).isAfter(story.today);
    const decision = ceaseAtLast && last ? 'cease' : random.chance(0.25) ? 'amend' : 'maintain';
    if (!story.add(decided, `/reviews/${reviewId}/decision`, { decision, decidedOn: decided.toString() }))
      return undefined;
    if (decision === 'cease') return decided;
    if (decision === 'amend') amend(random, story, decided);
    meeting = next;
  }
  return undefined;
}

function amend(random: SeededRandom, story: CaseStory, decided: LocalDate): void {
  const noticeId = story.id();
  const notice = decided.plusDays(random.int(1, 14));
  if (!story.add(notice, '/amendment-notices', { noticeId, issuedOn: notice.toString() })) return;
  const representations = notice.plusDays(random.int(3, 14));
  story.add(representations, `/amendment-notices/${noticeId}/representations`, {
    receivedOn: representations.toString(),
  });
  const amended = representations.plusDays(random.around(30, 15, 1, 70));
  story.add(amended, '/amended-plan', { noticeId, issuedOn: amended.toString() });
}

/**
 * (2nd ed.) reg 15: a plan maintained by another authority, transferred on T: the plan made on P, last
 * reviewed on L (plans over about 10 months old, mostly), the notice to the family (T + 42) mostly on
 * time, some late or never served; then reviews, the first due the day before the later of (L or P) +
 * 12 months and T + 3 months (reg 15(5)).
 */
function transferredIn(random: SeededRandom, story: CaseStory, team: string): void {
  const transferred = story.today.minusDays(random.int(0, 730));
  const planMade = transferred.minusDays(random.int(60, 6 * 365));
  const dateOfBirth = planMade.minusDays(random.int(2 * 365, 16 * 365));
  const lastReviewed = lastReviewBefore(random, planMade, transferred);
  story.open(transferred, '/cases/transfers-in', {
    caseId: story.caseId,
    team,
    reference: referenceOf(story.caseId),
    transferredOn: transferred.toString(),
    fromAuthority: random.pick(AUTHORITIES),
    planMadeOn: planMade.toString(),
    ...(lastReviewed ? { lastReviewedOn: lastReviewed.toString() } : {}),
    placement: { institution: random.pick(SCHOOLS), type: 'mainstream' },
    child: childBornOn(random, dateOfBirth),
    caseworkerId: `cw-${team}-${random.int(1, 4)}`,
  });
  const timing = random.weighted([
    ['on_time', 0.75],
    ['late', 0.15],
    ['never', 0.1],
  ] as const);
  if (timing !== 'never') {
    const issued = transferred.plusDays(
      timing === 'on_time' ? random.around(28, 8, 5, 42) : random.int(43, 100),
    );
    story.add(issued, '/transfer-notice', {
      issuedOn: issued.toString(),
      proposesAssessment: random.chance(0.15),
    });
  }
  const reviewDue = latest((lastReviewed ?? planMade).plusYears(1), transferred.plusMonths(3)).minusDays(1);
  const firstMeeting = latest(transferred.plusDays(14), reviewDue.minusDays(random.around(25, 15, -20, 60)));
  maintainPlan(random, story, { start: transferred, firstMeeting, dateOfBirth }, 'transfer_in');
}

/** A plan over about 10 months old was mostly reviewed within the last year; some never were. */
function lastReviewBefore(
  random: SeededRandom,
  planMade: LocalDate,
  transferred: LocalDate,
): LocalDate | undefined {
  const age = transferred.toEpochDay() - planMade.toEpochDay();
  if (age < 300 || random.chance(0.15)) return undefined;
  return transferred.minusDays(random.int(10, Math.min(age, 360)));
}

/**
 * (2nd ed.) regs 24-27: a re-assessment requested (Q) during the plan's life, after the reviews held
 * before it; decided within 15 days mostly (S), mostly "reassess"; a refusal now and then appealed
 * (and re-assessed after an order or concession). Advice, then a new plan (its draft, representation
 * window and final plan; S + 98) or, for one in five, notice that the plan stays unchanged.
 */
function reassessment(random: SeededRandom, story: CaseStory, plan: MaintainedPlan): void {
  const requested = story.dayFrom(random, plan.start.plusDays(60));
  if (requested === undefined) {
    annualReviews(random, story, plan.firstMeeting, false);
    return;
  }
  story.until(requested.minusDays(1), () => annualReviews(random, story, plan.firstMeeting, false));
  const requestId = story.id();
  const requestedBy = random.weighted<ReassessmentRequester>([
    ['parent', 0.55],
    ['institution', 0.25],
    ['young_person', 0.1],
    ['local_authority', 0.1],
  ]);
  story.add(requested, '/reassessment-requests', {
    requestId,
    receivedOn: requested.toString(),
    requestedBy,
  });
  // The LA's own initiative: its notice is the decision itself.
  const ownInitiative = requestedBy === 'local_authority';
  const decided = requested.plusDays(
    ownInitiative ? 0 : random.chance(0.85) ? random.around(11, 3, 2, 15) : random.int(16, 35),
  );
  const decision = ownInitiative || random.chance(0.8) ? 'reassess' : 'refuse';
  const decisionPath = `/reassessment-requests/${requestId}/decision`;
  if (!story.add(decided, decisionPath, { decision, decidedOn: decided.toString() })) return;
  let reassessed = decided;
  if (decision === 'refuse') {
    const ordered = random.chance(0.35) ? appealed(random, story, 'refusal_to_reassess', decided) : undefined;
    if (!ordered) return;
    reassessed = ordered.plusDays(orderStep(random, 14));
    if (!story.add(reassessed, decisionPath, { decision: 'reassess', decidedOn: reassessed.toString() }))
      return;
  }
  const adviceDone = requestAdvice(random, story, reassessed, USUAL_PACE);
  if (random.chance(0.2)) {
    const unchanged = adviceDone.plusDays(random.around(14, 7, 1, 40));
    story.add(unchanged, `/reassessment-requests/${requestId}/unchanged`, {
      decidedOn: unchanged.toString(),
    });
    return;
  }
  draftAndFinalise(random, story, draftDate(random, adviceDone, USUAL_PACE));
}

/** The reasons a plan is ceased, by the young person's age (16+: education, training, work). */
const CESSATION_REASONS_UNDER_16: readonly (readonly [CessationReason, number])[] = [
  ['needs_met_without_plan', 0.5],
  ['moved_to_another_authority', 0.3],
  ['moved_out_of_england', 0.08],
  ['other', 0.1],
  ['died', 0.02],
];
const CESSATION_REASONS_16_PLUS: readonly (readonly [CessationReason, number])[] = [
  ['needs_met_without_plan', 0.15],
  ['higher_education', 0.15],
  ['employment_or_training', 0.2],
  ['left_education', 0.2],
  ['moved_to_another_authority', 0.15],
  ['moved_out_of_england', 0.04],
  ['other', 0.1],
  ['died', 0.01],
];
/** The reasons a family contests (CFA s51(2)(f)); a move away or a death is not appealed here. */
const CONTESTED_CESSATIONS: readonly CessationReason[] = [
  'needs_met_without_plan',
  'left_education',
  'other',
];

/**
 * (2nd ed.) CFA s45, reg 31: the decision to cease (D), after a review decided "cease" or at any time
 * (the child moved away, left education...), once every earlier fact is recorded; now and then
 * appealed within the two months (the plan is maintained meanwhile; DOMAIN.md "Cessation").
 */
function cessation(random: SeededRandom, story: CaseStory, plan: MaintainedPlan): void {
  let decided: LocalDate | undefined;
  if (random.chance(0.5) && !plan.firstMeeting.plusDays(45).isAfter(story.today)) {
    decided = annualReviews(random, story, plan.firstMeeting, true)?.plusDays(random.int(0, 10));
  } else {
    decided = story.dayFrom(random, plan.start.plusDays(30));
    const before = decided?.minusDays(1) ?? story.today;
    story.until(before, () => annualReviews(random, story, plan.firstMeeting, false));
  }
  if (decided === undefined) return;
  decided = latest(decided, story.lastOn);
  const age = (decided.toEpochDay() - plan.dateOfBirth.toEpochDay()) / 365.25;
  const reason = random.weighted(age >= 16 ? CESSATION_REASONS_16_PLUS : CESSATION_REASONS_UNDER_16);
  if (!story.add(decided, '/cessation-decision', { decidedOn: decided.toString(), reason })) return;
  if (CONTESTED_CESSATIONS.includes(reason) && random.chance(0.3))
    appealed(random, story, 'cessation', decided);
}
