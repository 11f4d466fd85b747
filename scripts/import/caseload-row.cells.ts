import { isIsoDate } from '@ehcp/domain';
import { groupNumbers, type NumberedGroup } from './caseload-columns';

/** One cell per column, as read from the file (header -> value). */
export type CaseloadRow = Readonly<Record<string, string>>;

/** Why a row was refused: a problem code (the api's, or the import's own), the column, a detail. */
export interface RowProblem {
  readonly code: string;
  readonly status?: number;
  readonly field?: string;
  readonly detail: string;
}

/** A row the import cannot turn into commands: refused before anything is sent. */
export class RowRefusal extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.detail);
  }
}

export const missing = (field: string, because: string) =>
  new RowRefusal({ code: 'MISSING_VALUE', field, detail: `${field} is required ${because}` });

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A row's cells as values: blank is "did not happen"; what cannot be read throws RowRefusal. */
export class RowCells {
  constructor(private readonly row: CaseloadRow) {}

  /** A value and its date, both or neither. */
  pair(valueColumn: string, dateColumn: string): { value: string; on: string } | undefined {
    const value = this.text(valueColumn);
    const on = this.date(dateColumn);
    if (value === undefined && on === undefined) return undefined;
    if (value === undefined) throw missing(valueColumn, `when ${dateColumn} is given`);
    if (on === undefined) throw missing(dateColumn, `when ${valueColumn} is given`);
    return { value, on };
  }

  numbers(group: NumberedGroup): number[] {
    return groupNumbers(Object.keys(this.row), group);
  }

  cell(column: string): string {
    return (this.row[column] ?? '').trim();
  }

  text(column: string): string | undefined {
    const value = this.cell(column);
    return value === '' ? undefined : value;
  }

  requiredDate(column: string): string {
    const on = this.date(column);
    if (on === undefined) throw missing(column, 'for every case');
    return on;
  }

  /** A date as `YYYY-MM-DD` or the UK's `DD/MM/YYYY`; blank is "did not happen". */
  date(column: string): string | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const iso = toIsoDate(value);
    if (iso === undefined)
      throw new RowRefusal({
        code: 'INVALID_DATE',
        field: column,
        detail: `${column} must be a calendar date YYYY-MM-DD or DD/MM/YYYY`,
      });
    return iso;
  }

  isoOrAsIs(column: string): string {
    const value = this.cell(column);
    return toIsoDate(value) ?? value;
  }
}

function toIsoDate(value: string): string | undefined {
  const uk = UK_DATE.exec(value);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : value;
  return isIsoDate(iso) ? iso : undefined;
}
