import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { isKnownColumn, REQUIRED_COLUMNS } from './caseload-columns';
import type { CaseloadRow } from './caseload-row.mapper';

/** A file the import cannot read at all: nothing is sent (exit 1). */
export class CaseloadFileError extends Error {}

export interface CaseloadFile {
  /** The header as written, in order (the refused-rows file repeats it). */
  readonly columns: readonly string[];
  readonly rows: readonly CaseloadRow[];
}

/**
 * Reads a caseload CSV (UTF-8, optional BOM, comma-separated, header row). Refuses the whole file when
 * it is not CSV or its header has an unknown or a missing column. Messages name lines and columns, never
 * a cell's value: cells hold children's personal data.
 */
export function readCaseloadFile(path: string): CaseloadFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CaseloadFileError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const records = parseRecords(text);
  const [header, ...data] = records;
  if (!header) throw new CaseloadFileError(`${path} is empty: a header row is required`);
  const columns = header.map((column) => column.trim());
  checkHeader(columns);
  const rows = data
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .map((cells) => Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ''])));
  return { columns, rows };
}

function parseRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    // csv-parse quotes the offending cell in some messages: report where, not what.
    const { code, lines } = error as { code?: string; lines?: number };
    throw new CaseloadFileError(`not a valid CSV file: ${code ?? 'parse error'} at line ${lines ?? '?'}`);
  }
}

function checkHeader(columns: readonly string[]): void {
  const unknown = columns.filter((column) => !isKnownColumn(column));
  if (unknown.length)
    throw new CaseloadFileError(
      `unknown column(s): ${unknown.join(', ')} (see docs/caseload-import.md for the format)`,
    );
  const duplicated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (duplicated.length) throw new CaseloadFileError(`column(s) repeated: ${duplicated.join(', ')}`);
  const absent = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (absent.length) throw new CaseloadFileError(`missing column(s): ${absent.join(', ')}`);
}
