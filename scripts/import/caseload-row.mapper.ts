import { ADVICE_SOURCES } from '@ehcp/domain';
import { derivedId } from '../../apps/api/src/idempotency/command-ids';
import { adviceReceivedColumn, adviceRequestedColumn, numberedColumn } from './caseload-columns';
import { missing, RowCells, RowRefusal, type CaseloadRow, type RowProblem } from './caseload-row.cells';

export type { CaseloadRow, RowProblem } from './caseload-row.cells';

/** One command of a case, dated by the fact it records. */
export interface ImportStep {
  /** Stable name within the case, e.g. `advice_health_received`: part of the Idempotency-Key. */
  readonly name: string;
  /** The date of the fact. */
  readonly on: string;
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** Body field (`child.firstName`) -> the CSV column it came from, to name the column in a refusal. */
  readonly columns: Readonly<Record<string, string>>;
  /** The column of the step's date: what a refusal about the order of facts is about. */
  readonly dateColumn: string;
  readonly idempotencyKey: string;
}

export interface CasePlan {
  readonly reference: string;
  readonly caseId: string;
  /** The request first, then every other step in date order. */
  readonly steps: readonly ImportStep[];
}

export type RowMapping = { ok: true; plan: CasePlan } | { ok: false; problem: RowProblem };

/** Fixed name of the import's case ids (UUID v5 of the reference): never change it. */
const CASE_ID_NAMESPACE = 'caseload-import';

/** The case id a reference maps to: the same on every run, so a re-run finds its own cases. */
export function caseIdOf(reference: string): string {
  return derivedId(CASE_ID_NAMESPACE, reference);
}

/**
 * A row -> the commands that record its history. Refuses (before anything is sent) only what stops it
 * building those commands: no reference, a date it cannot read, a step with half of its columns. The
 * rest (vocabularies, lengths, the order of facts, dates after today) is the api's to judge.
 */
export function mapCaseloadRow(row: CaseloadRow): RowMapping {
  try {
    return { ok: true, plan: new CaseStory(row).plan() };
  } catch (error) {
    if (error instanceof RowRefusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

/**
 * Steps that happen on the same day are sent in this order (a draft before the final plan of the same
 * day, a closure after everything else).
 */
const SAME_DAY_ORDER = [
  'request',
  'exception_started',
  'assessment_decision',
  'advice_requested',
  'advice_received',
  'plan_decision',
  'draft_plan',
  'representations',
  'consultation',
  'consultation_response',
  'final_plan',
  'review_meeting',
  'review_decision',
  'exception_ended',
  'cessation',
  'closure',
] as const;
type StepKind = (typeof SAME_DAY_ORDER)[number];

interface Draft {
  readonly step: ImportStep;
  readonly rank: number;
  /** Sorted by this date: a sub-resource's later fact never goes before the fact that created it. */
  readonly sortOn: string;
}

class CaseStory {
  private readonly reference: string;
  private readonly caseId: string;
  private readonly drafts: Draft[] = [];
  private readonly cells: RowCells;

  constructor(row: CaseloadRow) {
    this.cells = new RowCells(row);
    const reference = this.cells.text('reference');
    if (reference === undefined) throw missing('reference', 'to identify the case');
    this.reference = reference;
    this.caseId = caseIdOf(reference);
  }

  plan(): CasePlan {
    this.request();
    this.assessment();
    this.advice();
    this.exceptions();
    this.planDecision();
    this.draftAndRepresentations();
    this.consultations();
    this.finalPlan();
    this.reviews();
    this.cessation();
    this.closure();
    const [request, ...rest] = this.drafts;
    const ordered = rest
      .map((draft, index) => ({ draft, index }))
      .sort(
        (a, b) =>
          a.draft.sortOn.localeCompare(b.draft.sortOn) || a.draft.rank - b.draft.rank || a.index - b.index,
      )
      .map(({ draft }) => draft.step);
    return { reference: this.reference, caseId: this.caseId, steps: [request.step, ...ordered] };
  }

  private request(): void {
    const on = this.cells.requiredDate('request_received_on');
    const caseworkerId = this.cells.text('caseworker_id');
    this.add('request', 'request', on, '', {
      caseId: ['reference', this.caseId],
      reference: ['reference', this.reference],
      team: ['team', this.cells.cell('team')],
      requestReceivedOn: ['request_received_on', on],
      requestedBy: ['requested_by', this.cells.cell('requested_by')],
      'child.firstName': ['child_first_name', this.cells.cell('child_first_name')],
      'child.lastName': ['child_last_name', this.cells.cell('child_last_name')],
      // A date of birth the import cannot read is the api's to refuse: it is not used for ordering.
      'child.dateOfBirth': ['child_date_of_birth', this.cells.isoOrAsIs('child_date_of_birth')],
      ...(caseworkerId === undefined ? {} : { caseworkerId: ['caseworker_id', caseworkerId] }),
    });
  }

  private assessment(): void {
    const decided = this.cells.pair('assessment_decision', 'assessment_decided_on');
    if (!decided) return;
    this.add('assessment_decision', 'assessment_decision', decided.on, '/assessment-decision', {
      decision: ['assessment_decision', decided.value],
      decidedOn: ['assessment_decided_on', decided.on],
    });
  }

  private advice(): void {
    for (const source of ADVICE_SOURCES) {
      const requestedColumn = adviceRequestedColumn(source);
      const receivedColumn = adviceReceivedColumn(source);
      const requested = this.cells.date(requestedColumn);
      const received = this.cells.date(receivedColumn);
      if (requested === undefined) {
        if (received !== undefined) throw missing(requestedColumn, `when ${receivedColumn} is given`);
        continue;
      }
      const adviceId = `advice-${source}`;
      this.add(`advice_${source}_requested`, 'advice_requested', requested, '/advice-requests', {
        adviceId: [requestedColumn, adviceId],
        source: [requestedColumn, source],
        requestedOn: [requestedColumn, requested],
      });
      if (received === undefined) continue;
      this.add(
        `advice_${source}_received`,
        'advice_received',
        received,
        `/advice-requests/${adviceId}/received`,
        { receivedOn: [receivedColumn, received] },
        requested,
      );
    }
  }

  private exceptions(): void {
    for (const n of this.cells.numbers('exception')) {
      const column = (field: string) => numberedColumn('exception', n, field);
      const reason = this.cells.text(column('reason'));
      const started = this.cells.date(column('started_on'));
      const ended = this.cells.date(column('ended_on'));
      const note = this.cells.text(column('note'));
      if (reason === undefined && started === undefined && ended === undefined && note === undefined)
        continue;
      if (reason === undefined) throw missing(column('reason'), `for exception ${n}`);
      if (started === undefined) throw missing(column('started_on'), `for exception ${n}`);
      const exceptionId = `exception-${n}`;
      this.add(`exception_${n}_started`, 'exception_started', started, '/exceptions', {
        exceptionId: [column('reason'), exceptionId],
        reason: [column('reason'), reason],
        startedOn: [column('started_on'), started],
        ...(note === undefined ? {} : { note: [column('note'), note] }),
      });
      if (ended === undefined) continue;
      this.add(
        `exception_${n}_ended`,
        'exception_ended',
        ended,
        `/exceptions/${exceptionId}/end`,
        { endedOn: [column('ended_on'), ended] },
        started,
      );
    }
  }

  private planDecision(): void {
    const decided = this.cells.pair('plan_decision', 'plan_decided_on');
    if (!decided) return;
    this.add('plan_decision', 'plan_decision', decided.on, '/plan-decision', {
      decision: ['plan_decision', decided.value],
      decidedOn: ['plan_decided_on', decided.on],
    });
  }

  private draftAndRepresentations(): void {
    const draft = this.cells.date('draft_issued_on');
    if (draft !== undefined)
      this.add('draft_plan', 'draft_plan', draft, '/draft-plan', { issuedOn: ['draft_issued_on', draft] });
    const received = this.cells.date('representations_received_on');
    const institution = this.cells.text('representations_requested_institution');
    if (received === undefined) {
      if (institution !== undefined)
        throw missing('representations_received_on', 'when representations_requested_institution is given');
      return;
    }
    this.add('representations', 'representations', received, '/representations', {
      receivedOn: ['representations_received_on', received],
      ...(institution === undefined
        ? {}
        : { requestedInstitution: ['representations_requested_institution', institution] }),
    });
  }

  private consultations(): void {
    for (const n of this.cells.numbers('consultation')) {
      const column = (field: string) => numberedColumn('consultation', n, field);
      const institution = this.cells.text(column('institution'));
      const consulted = this.cells.date(column('consulted_on'));
      const answered = this.cells.pair(column('outcome'), column('response_received_on'));
      if (institution === undefined && consulted === undefined && !answered) continue;
      if (institution === undefined) throw missing(column('institution'), `for consultation ${n}`);
      if (consulted === undefined) throw missing(column('consulted_on'), `for consultation ${n}`);
      const consultationId = `consultation-${n}`;
      this.add(`consultation_${n}`, 'consultation', consulted, '/consultations', {
        consultationId: [column('institution'), consultationId],
        institution: [column('institution'), institution],
        consultedOn: [column('consulted_on'), consulted],
      });
      if (!answered) continue;
      this.add(
        `consultation_${n}_response`,
        'consultation_response',
        answered.on,
        `/consultations/${consultationId}/response`,
        {
          receivedOn: [column('response_received_on'), answered.on],
          outcome: [column('outcome'), answered.value],
        },
        consulted,
      );
    }
  }

  private finalPlan(): void {
    const issued = this.cells.date('final_plan_issued_on');
    const institution = this.cells.text('placement_institution');
    const type = this.cells.text('placement_type');
    if (issued === undefined) {
      if (institution !== undefined || type !== undefined)
        throw missing('final_plan_issued_on', 'when a placement is given');
      return;
    }
    if (institution === undefined) throw missing('placement_institution', 'with final_plan_issued_on');
    if (type === undefined) throw missing('placement_type', 'with final_plan_issued_on');
    this.add('final_plan', 'final_plan', issued, '/final-plan', {
      issuedOn: ['final_plan_issued_on', issued],
      'placement.institution': ['placement_institution', institution],
      'placement.type': ['placement_type', type],
    });
  }

  private reviews(): void {
    for (const n of this.cells.numbers('review')) {
      const column = (field: string) => numberedColumn('review', n, field);
      const meeting = this.cells.date(column('meeting_held_on'));
      const decided = this.cells.pair(column('decision'), column('decided_on'));
      if (meeting === undefined) {
        if (decided) throw missing(column('meeting_held_on'), `for the decision of review ${n}`);
        continue;
      }
      const reviewId = `review-${n}`;
      this.add(`review_${n}_meeting`, 'review_meeting', meeting, '/reviews', {
        reviewId: [column('meeting_held_on'), reviewId],
        meetingHeldOn: [column('meeting_held_on'), meeting],
      });
      if (!decided) continue;
      this.add(
        `review_${n}_decision`,
        'review_decision',
        decided.on,
        `/reviews/${reviewId}/decision`,
        { decision: [column('decision'), decided.value], decidedOn: [column('decided_on'), decided.on] },
        meeting,
      );
    }
  }

  private cessation(): void {
    const ceased = this.cells.pair('cessation_reason', 'ceased_on');
    if (!ceased) return;
    this.add('cessation', 'cessation', ceased.on, '/cessation', {
      ceasedOn: ['ceased_on', ceased.on],
      reason: ['cessation_reason', ceased.value],
    });
  }

  private closure(): void {
    const closed = this.cells.pair('closure_reason', 'closed_on');
    if (!closed) return;
    this.add('closure', 'closure', closed.on, '/closure', {
      closedOn: ['closed_on', closed.on],
      reason: ['closure_reason', closed.value],
    });
  }

  /**
   * Records a step. `fields` maps each body field (dotted for nested ones) to [its column, its value];
   * `after` is the date of the fact it depends on (an advice request for its receipt).
   */
  private add(
    name: string,
    kind: StepKind,
    on: string,
    path: string,
    fields: Record<string, readonly [column: string, value: string]>,
    after?: string,
  ): void {
    const body: Record<string, unknown> = {};
    const columns: Record<string, string> = {};
    let dateColumn = '';
    for (const [field, [column, value]] of Object.entries(fields)) {
      setPath(body, field, value);
      columns[field] = column;
      if (field.endsWith('On') && value === on) dateColumn ||= column;
    }
    const step: ImportStep = {
      name,
      on,
      path: path ? `/cases/${this.caseId}${path}` : '/cases',
      body,
      columns,
      dateColumn,
      idempotencyKey: `caseload-import-${this.caseId}-${name}`,
    };
    const sortOn = after !== undefined && after > on ? after : on;
    this.drafts.push({ step, rank: SAME_DAY_ORDER.indexOf(kind), sortOn });
  }
}

function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const nested = (target[head] ??= {}) as Record<string, unknown>;
  setPath(nested, rest.join('.'), value);
}
