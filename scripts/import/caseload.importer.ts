import type { ApiAnswer, ImportApiClient } from './import-api.client';
import {
  mapCaseloadRow,
  type CasePlan,
  type CaseloadRow,
  type ImportStep,
  type RowProblem,
} from './caseload-row.mapper';

/** What became of one row of the file. */
export interface RowOutcome {
  readonly row: CaseloadRow;
  /** The case was opened by this run. */
  readonly created: boolean;
  /** Steps that appended an event in this run (the request included). */
  readonly recorded: number;
  /** Steps the case already had (an earlier run, or recorded by hand). */
  readonly alreadyPresent: number;
  /** Set when the row was refused; the steps before `failedStep` are recorded. */
  readonly problem?: RowProblem;
  readonly failedStep?: string;
}

export interface ImporterOptions {
  /** Cases imported side by side; the steps of one case always go one after another. */
  readonly concurrency: number;
  readonly onRow?: (outcome: RowOutcome) => void;
}

/**
 * Imports the rows through the api: each case's steps in date order, promptly one after the other (a
 * deadline closed by a later step must be met before the alert relay re-checks it), several cases at
 * once. A row the api refuses stops at that step; the rest of the file goes on. An unreachable api
 * (ImportApiError) stops everything: a re-run picks up where this one stopped.
 */
export async function importCaseload(
  rows: readonly CaseloadRow[],
  api: ImportApiClient,
  options: ImporterOptions,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = new Array(rows.length);
  const firstRowOf = new Map<string, number>();
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < rows.length) {
      const index = next++;
      try {
        outcomes[index] = await importRow(rows[index], index, firstRowOf, api);
      } catch (error) {
        failure ??= error;
        return;
      }
      options.onRow?.(outcomes[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (failure !== undefined) throw failure;
  return outcomes;
}

async function importRow(
  row: CaseloadRow,
  index: number,
  firstRowOf: Map<string, number>,
  api: ImportApiClient,
): Promise<RowOutcome> {
  const mapping = mapCaseloadRow(row);
  if (!mapping.ok) return refused(row, mapping.problem);
  const { plan } = mapping;
  const first = firstRowOf.get(plan.reference) ?? index;
  firstRowOf.set(plan.reference, first);
  if (first !== index)
    return refused(row, {
      code: 'DUPLICATE_REFERENCE',
      field: 'reference',
      detail: `the reference of data row ${first + 1} again: one row per case`,
    });
  return importCase(row, plan, api);
}

async function importCase(row: CaseloadRow, plan: CasePlan, api: ImportApiClient): Promise<RowOutcome> {
  const history = await api.get(`/cases/${plan.caseId}/events`);
  if (history.status !== 200 && history.status !== 404)
    return refused(row, problemOf(history, plan.steps[0]), plan.steps[0].name);
  // Steps answered with a revision the case already had were recorded before this run.
  const knownRevision = Array.isArray(history.body) ? history.body.length - 1 : -1;
  let created = false;
  let recorded = 0;
  let alreadyPresent = 0;
  for (const step of plan.steps) {
    const answer = await api.post(step.path, step.body, step.idempotencyKey);
    if (answer.status >= 200 && answer.status < 300) {
      const revision = (answer.body as { revision?: unknown }).revision;
      const isNew = typeof revision === 'number' && revision > knownRevision;
      if (isNew) recorded += 1;
      else alreadyPresent += 1;
      created ||= isNew && step.name === 'request';
      continue;
    }
    // A case opened before (by hand, or by another user's import): its history goes on from there.
    if (step.name === 'request' && codeOf(answer) === 'CASE_ALREADY_EXISTS') {
      alreadyPresent += 1;
      continue;
    }
    return {
      row,
      created,
      recorded,
      alreadyPresent,
      problem: problemOf(answer, step),
      failedStep: step.name,
    };
  }
  return { row, created, recorded, alreadyPresent };
}

function refused(row: CaseloadRow, problem: RowProblem, failedStep?: string): RowOutcome {
  return { row, created: false, recorded: 0, alreadyPresent: 0, problem, failedStep };
}

interface ProblemBody {
  code?: unknown;
  detail?: unknown;
  errors?: { field?: unknown; message?: unknown }[];
}

function codeOf(answer: ApiAnswer): string | undefined {
  const code = (answer.body as ProblemBody | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The api's problem, with the field translated back to the CSV column it came from. */
function problemOf(answer: ApiAnswer, step: ImportStep): RowProblem {
  const body = (answer.body ?? {}) as ProblemBody;
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  const field = typeof first?.field === 'string' ? first.field : undefined;
  const detail = [body.detail, first?.message].filter((part) => typeof part === 'string').join(': ');
  return {
    code: codeOf(answer) ?? `HTTP_${answer.status}`,
    status: answer.status,
    // A refusal about the order of facts names no field: it is about the step's date.
    field: field === undefined ? step.dateColumn : (step.columns[field] ?? field),
    detail: detail || `HTTP ${answer.status}`,
  };
}
