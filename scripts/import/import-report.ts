import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { PROBLEM_COLUMNS } from './caseload-columns';
import type { RowOutcome } from './caseload.importer';

export interface ImportSummary {
  readonly rowsRead: number;
  readonly casesCreated: number;
  /** Steps that appended an event in this run, requests included. */
  readonly stepsRecorded: number;
  /** Steps that were already recorded (an earlier run): nothing appended. */
  readonly stepsAlreadyPresent: number;
  /** Rows with every step recorded, now or before, of which `rowsAlreadyPresent` added nothing. */
  readonly rowsImported: number;
  readonly rowsAlreadyPresent: number;
  readonly rowsRefused: number;
  /** Problem code -> refused rows. */
  readonly refusedByCode: Readonly<Record<string, number>>;
  /** The file of refused rows, when there were any. */
  readonly refusedFile?: string;
}

export function summarise(outcomes: readonly RowOutcome[], refusedFile?: string): ImportSummary {
  const refusedByCode: Record<string, number> = {};
  const sum = (count: (outcome: RowOutcome) => number) =>
    outcomes.reduce((total, outcome) => total + count(outcome), 0);
  for (const { problem } of outcomes)
    if (problem) refusedByCode[problem.code] = (refusedByCode[problem.code] ?? 0) + 1;
  const imported = outcomes.filter((outcome) => !outcome.problem);
  return {
    rowsRead: outcomes.length,
    casesCreated: sum((outcome) => (outcome.created ? 1 : 0)),
    stepsRecorded: sum((outcome) => outcome.recorded),
    stepsAlreadyPresent: sum((outcome) => outcome.alreadyPresent),
    rowsImported: imported.length,
    rowsAlreadyPresent: imported.filter((outcome) => outcome.recorded === 0).length,
    rowsRefused: outcomes.length - imported.length,
    refusedByCode,
    refusedFile,
  };
}

/** The summary for a person: counts and problem codes only (rows hold personal data). */
export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `rows read               ${summary.rowsRead}`,
    `rows imported           ${summary.rowsImported} (${summary.rowsAlreadyPresent} already present, nothing added)`,
    `cases created           ${summary.casesCreated}`,
    `steps recorded          ${summary.stepsRecorded}`,
    `steps already present   ${summary.stepsAlreadyPresent}`,
    `rows refused            ${summary.rowsRefused}`,
    ...Object.entries(summary.refusedByCode)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, count]) => `  ${code.padEnd(40)} ${count}`),
  ];
  if (summary.refusedFile) lines.push(`refused rows written to ${summary.refusedFile}`);
  return `${lines.join('\n')}\n`;
}

/** `<input>.refused.csv` for `<input>.csv`. */
export function refusedFileOf(input: string): string {
  return `${input.replace(/\.csv$/i, '')}.refused.csv`;
}

/**
 * Writes the refused rows: the row as read (its problem columns replaced), then the problem and how far
 * the row got. With no refused row, a refused file left by an earlier run is removed: it is out of date.
 */
export function writeRefusedRows(
  path: string,
  columns: readonly string[],
  outcomes: readonly RowOutcome[],
): boolean {
  const refused = outcomes.filter((outcome) => outcome.problem);
  if (refused.length === 0) {
    if (existsSync(path)) rmSync(path);
    return false;
  }
  const problemColumns: readonly string[] = PROBLEM_COLUMNS;
  const header = [...columns.filter((column) => !problemColumns.includes(column)), ...PROBLEM_COLUMNS];
  const records = refused.map(({ row, problem, failedStep, recorded, alreadyPresent }) => ({
    ...row,
    problem_code: problem?.code,
    problem_status: problem?.status ?? '',
    problem_field: problem?.field ?? '',
    problem_detail: problem?.detail,
    failed_step: failedStep ?? '',
    steps_done: recorded + alreadyPresent,
  }));
  writeFileSync(path, stringify(records, { header: true, columns: header }));
  return true;
}
