import type { CaseDeadlineEntity } from '../schema/case-deadline.entity';

type Row = Pick<Readonly<CaseDeadlineEntity>, 'id'>;

/** Between the case id and the domain's deadline id in a case_deadline row's id. */
const SEPARATOR = '/';

/** case_deadline.id: the domain's deadline id is unique within its case only. */
export function deadlineRowId(caseId: string, deadlineId: string): string {
  return `${caseId}${SEPARATOR}${deadlineId}`;
}

/** The domain's deadline id within its case, from a case_deadline row. */
export function deadlineIdWithinCase(row: Pick<Readonly<CaseDeadlineEntity>, 'id' | 'caseId'>): string {
  return row.id.slice(row.caseId.length + SEPARATOR.length);
}

/**
 * One case's case_deadline rows, taken by the domain's deadline id as the projection meets each
 * deadline. The rows mostly come in the order deadlinesOf gives the deadlines, so the row after the
 * last one taken is tried first, then the others from there on (a case has tens of rows at most: a
 * scan is cheaper than an index of them). A rebuild asks this for every deadline of every event: the
 * row id looked for is built once per deadline and compared whole, which V8 does quicker than the
 * startsWith and endsWith of each row's id it replaced.
 */
export class CaseDeadlineRows<R extends Row> {
  private next = 0;
  private takenCount = 0;
  private readonly taken: boolean[];

  constructor(
    private readonly rows: readonly R[],
    private readonly caseId: string,
  ) {
    this.taken = new Array<boolean>(rows.length).fill(false);
  }

  /** The row of the case's deadline `deadlineId`, unless already taken. */
  take(deadlineId: string): R | undefined {
    const at = this.positionOf(deadlineRowId(this.caseId, deadlineId));
    if (at === undefined || this.taken[at]) return undefined;
    this.taken[at] = true;
    this.takenCount += 1;
    this.next = at + 1;
    return this.rows[at];
  }

  /** The rows no deadline took. */
  rest(): R[] {
    if (this.takenCount === this.rows.length) return [];
    return this.rows.filter((_, at) => !this.taken[at]);
  }

  private positionOf(rowId: string): number | undefined {
    const { rows } = this;
    for (let step = 0; step < rows.length; step += 1) {
      const at = (this.next + step) % rows.length;
      if (rows[at].id === rowId) return at;
    }
    return undefined;
  }
}
