import { LocalDate } from '@js-joda/core';
import { SeededRandom } from './seeded-random';

/** One HTTP command of the demo, dated by the fact it records. */
export interface DemoStep {
  readonly on: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly asQaOfficer?: boolean;
}

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
const GRADES = ['outstanding', 'good', 'good', 'requires_improvement', 'inadequate'] as const;

/**
 * A synthetic caseload: requests over the last two years; about a quarter refused, most of the rest
 * issued, roughly half within 20 weeks (the delay falls on late advice and slow drafting), about 5%
 * with timescale exceptions; annual reviews, amendments and a few phase transfers. Every step is a
 * valid command in order, dated on or before `today`; steps that would fall after today are left out.
 */
export function generateCaseload(options: CaseloadOptions): DemoCase[] {
  const random = new SeededRandom(options.seed);
  const today = LocalDate.parse(options.today);
  return Array.from({ length: options.cases }, () => generateCase(random, today, options.teams));
}

function generateCase(random: SeededRandom, today: LocalDate, teams: readonly string[]): DemoCase {
  const caseId = random.uuid();
  const team = random.pick(teams);
  const requested = today.minusDays(random.int(0, 730));
  const story = new CaseStory(caseId, today);
  story.add(requested, '', {
    caseId,
    team,
    reference: `EHC-${caseId.slice(0, 8).toUpperCase()}`,
    requestReceivedOn: requested.toString(),
    requestedBy: random.pick(['parent', 'parent', 'school', 'early_years', 'health', 'young_person']),
    child: {
      firstName: random.pick(FIRST_NAMES),
      lastName: random.pick(LAST_NAMES),
      dateOfBirth: requested.minusDays(random.int(3 * 365, 17 * 365)).toString(),
    },
    caseworkerId: `cw-${team}-${random.int(1, 4)}`,
  });
  const decided = requested.plusDays(random.around(30, 10, 5, 70));
  if (random.chance(0.25)) {
    story.add(decided, '/assessment-decision', { decision: 'refuse', decidedOn: decided.toString() });
    return { caseId, team, steps: story.steps };
  }
  story.add(decided, '/assessment-decision', { decision: 'assess', decidedOn: decided.toString() });
  const adviceDone = requestAdvice(random, story, decided);
  if (random.chance(0.07)) recordException(random, story, decided);
  const planDecided = adviceDone.plusDays(random.around(10, 6, 1, 30));
  if (random.chance(0.08)) {
    story.add(planDecided, '/plan-decision', { decision: 'not_issue', decidedOn: planDecided.toString() });
    return { caseId, team, steps: story.steps };
  }
  story.add(planDecided, '/plan-decision', { decision: 'issue', decidedOn: planDecided.toString() });
  const final = draftAndFinalise(random, story, planDecided);
  if (final && !annualReviews(random, story, final) && random.chance(0.06)) {
    story.add(today, '/phase-transfers', {
      transferId: story.id(),
      kind: random.chance(0.7) ? 'school_phase' : 'post16',
      transferYear: today.year() + 1,
    });
  }
  return { caseId, team, steps: story.steps };
}

function requestAdvice(random: SeededRandom, story: CaseStory, decided: LocalDate): LocalDate {
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
      random.chance(0.2) ? random.around(70, 20, 43, 140) : random.around(35, 8, 10, 42),
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

function draftAndFinalise(
  random: SeededRandom,
  story: CaseStory,
  planDecided: LocalDate,
): LocalDate | undefined {
  // Slow drafting is the other half of the delay.
  const draft = planDecided.plusDays(
    random.chance(0.35) ? random.around(45, 15, 20, 100) : random.around(10, 5, 1, 20),
  );
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

/** Up to two annual reviews; true when the plan was ceased. */
function annualReviews(random: SeededRandom, story: CaseStory, final: LocalDate): boolean {
  let previous = final;
  for (let year = 0; year < 2; year += 1) {
    const meeting = previous.plusDays(random.around(345, 20, 300, 380));
    const reviewId = story.id();
    if (!story.add(meeting, '/reviews', { reviewId, meetingHeldOn: meeting.toString() })) return false;
    const decided = meeting.plusDays(random.around(20, 8, 3, 45));
    const decision = random.chance(0.04) ? 'cease' : random.chance(0.25) ? 'amend' : 'maintain';
    if (!story.add(decided, `/reviews/${reviewId}/decision`, { decision, decidedOn: decided.toString() }))
      return false;
    if (decision === 'cease') {
      const ceased = decided.plusDays(random.int(7, 30));
      return story.add(ceased, '/cessation', {
        ceasedOn: ceased.toString(),
        reason: 'Needs met without a plan',
      });
    }
    if (decision === 'amend') amend(random, story, decided);
    previous = meeting;
  }
  return false;
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
 * The steps of one case, recorded in date order and cut off at today: a fact dated after today has not
 * happened yet. A step is never dated before the steps it depends on, so leaving out future steps
 * leaves out their dependents too, and a stable sort by date keeps every dependency in order.
 */
class CaseStory {
  private readonly recorded: DemoStep[] = [];
  private sequence = 0;

  constructor(
    private readonly caseId: string,
    private readonly today: LocalDate,
  ) {}

  get steps(): DemoStep[] {
    return [...this.recorded].sort((a, b) => a.on.localeCompare(b.on));
  }

  /** Adds the step unless it is in the future. */
  add(on: LocalDate, path: string, body: Record<string, unknown>, asQaOfficer = false): boolean {
    if (on.isAfter(this.today)) return false;
    this.recorded.push({
      on: on.toString(),
      path: `/cases${path ? `/${this.caseId}${path}` : ''}`,
      body,
      asQaOfficer,
    });
    return true;
  }

  /** Sub-resource ids derived from the case id, so a re-run with the same seed repeats them. */
  id(): string {
    this.sequence += 1;
    return `${this.caseId.slice(0, 24)}${this.sequence.toString(16).padStart(12, '0')}`;
  }
}
