import { readCaseloadFile } from './caseload-csv.reader';
import { importCaseload } from './caseload.importer';
import { ImportApiClient } from './import-api.client';
import { progressOn } from './import-progress';
import { refusedFileOf, summarise, writeRefusedRows, type ImportSummary } from './import-report';
import type { RateLimit } from './request.pacer';

export interface ImportOptions {
  /** The caseload CSV; refused rows go to `<file without .csv>.refused.csv` beside it. */
  readonly file: string;
  readonly apiUrl: string;
  readonly token: string;
  readonly rateLimit: RateLimit;
  readonly concurrency: number;
  /** Where the progress goes (a bar on a terminal, plain lines otherwise). */
  readonly progress: NodeJS.WritableStream & { isTTY?: boolean };
  readonly progressEveryMs?: number;
}

/** Exit code when some rows were refused (documented in docs/caseload-import.md). */
export const EXIT_ROWS_REFUSED = 2;

/** 0 when every row is in; EXIT_ROWS_REFUSED when some rows are in the refused file. */
export function exitCodeOf(summary: ImportSummary): number {
  return summary.rowsRefused > 0 ? EXIT_ROWS_REFUSED : 0;
}

/**
 * `npm run import -- caseload.csv`, as a function: reads the file (CaseloadFileError if it cannot),
 * checks the api answers (ImportApiError), imports every row, writes the refused rows and
 * returns the summary.
 */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const { columns, rows } = readCaseloadFile(options.file);
  const api = new ImportApiClient({
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    token: options.token,
    rateLimit: options.rateLimit,
  });
  await api.checkReachable();
  const progress = progressOn(options.progress, rows.length, options.progressEveryMs);
  const outcomes = await importCaseload(rows, api, {
    concurrency: options.concurrency,
    onRow: (outcome) => progress.rowDone(outcome.problem !== undefined),
  }).finally(() => progress.stop());
  const refusedFile = refusedFileOf(options.file);
  const written = writeRefusedRows(refusedFile, columns, outcomes);
  return summarise(outcomes, written ? refusedFile : undefined);
}
