import { deadlineAlertOf, type DeadlineAlert, type DeadlineFacts } from '@ehcp/read-models';
import { writeAlerts } from '../engine/alert-outbox.writer';
import { inTransaction, LIVE_SCHEMA, type SqlClient } from '../engine/sql-client';
import { SHADOW_SCHEMA } from './shadow-tables';

const PAGE = 5_000;

/** A deadline's facts, with its case (restage replaces a case's alerts). */
type CaseDeadlineFacts = DeadlineFacts & { readonly caseId: string };

/** The facts of one side of a pair, as columns named with its table's alias (`l_id`, `r_due_on`...). */
const FACTS = ['id', 'case_id', 'due_on', 'met_on', 'cancelled', 'exception_applies', 'cancels_on'];
const DATES = new Set(['due_on', 'met_on', 'cancels_on']);

type FactColumns = Record<string, string | boolean | null>;

/**
 * Each side's facts as plain columns (dates as text), made into objects here: a json_build_object of
 * each side, rendered by PostgreSQL and parsed again here, took more than twice as long to read (the
 * whole join of 577k deadlines each side: 4.1-4.3 s against 1.7-1.9 s, read with psql).
 */
const facts = (table: string) =>
  FACTS.map((column) => `${table}.${column}${DATES.has(column) ? '::text' : ''} as ${table}_${column}`).join(
    ', ',
  );

/** One side's facts in a row of `differing` (undefined: the deadline is not on that side). */
function factsOf(row: FactColumns, table: string): CaseDeadlineFacts | undefined {
  const id = row[`${table}_id`];
  if (id === null) return undefined;
  return {
    id: id as string,
    caseId: row[`${table}_case_id`] as string,
    dueOn: row[`${table}_due_on`] as string,
    metOn: row[`${table}_met_on`] as string | null,
    cancelled: row[`${table}_cancelled`] as boolean,
    exceptionApplies: row[`${table}_exception_applies`] as boolean,
    cancelsOn: row[`${table}_cancels_on`] as string | null,
  };
}

/** The deadlines of `live` and `rebuilt` (tables or subqueries) that differ in what alerts depend on. */
const differing = (live: string, rebuilt: string) =>
  `select ${facts('l')}, ${facts('r')}
     from ${live} l full join ${rebuilt} r on r.id = l.id
    where l.id is null or r.id is null
       or (l.due_on, l.met_on, l.cancelled, l.exception_applies, l.cancels_on)
          is distinct from (r.due_on, r.met_on, r.cancelled, r.exception_applies, r.cancels_on)`;

const ofCases = (schema: string) => `(select * from ${schema}.case_deadline where case_id = any($1::text[]))`;

/**
 * The outbox rows that take the notifier from the live deadlines to the rebuilt ones. A deadline the
 * rebuild left as it was gets none, so a rebuild never re-alerts; one that differs (new events since
 * the live checkpoint, a changed rule or DEADLINE_COUNTING) gets exactly what the live projection
 * would have written. Staged before the swap, so that its transaction (which holds the live
 * checkpoint: the projector waits) only recomputes the cases that moved since and writes them out.
 */
export class SwapAlerts {
  /** Deadline id -> its alert and case. */
  private readonly alerts = new Map<string, { alert: DeadlineAlert; caseId: string }>();

  private constructor() {}

  /**
   * Before the swap: one pass over both whole tables (a full join, read through a cursor so that
   * however many differ, they come a page at a time). The transaction only reads, so it holds back
   * neither the projector nor the store's watermark.
   */
  static async stage(db: SqlClient): Promise<SwapAlerts> {
    const staged = new SwapAlerts();
    await inTransaction(db, async () => {
      await db.query('set transaction read only');
      await db.query(
        `declare swap_alerts no scroll cursor for
           ${differing(`${LIVE_SCHEMA}.case_deadline`, `${SHADOW_SCHEMA}.case_deadline`)}`,
      );
      for (;;) {
        const { rows } = await db.query<FactColumns>(`fetch ${PAGE} from swap_alerts`);
        staged.add(rows);
        if (rows.length < PAGE) return;
      }
    });
    return staged;
  }

  /**
   * In the swap's transaction: replaces the alerts of `caseIds`, the cases whose live or rebuilt rows
   * may have changed since `stage`, with what their rows say now (through the case indexes).
   */
  async restage(db: SqlClient, caseIds: ReadonlySet<string>): Promise<void> {
    if (caseIds.size === 0) return;
    for (const [deadlineId, { caseId }] of this.alerts)
      if (caseIds.has(caseId)) this.alerts.delete(deadlineId);
    const { rows } = await db.query<FactColumns>(differing(ofCases(LIVE_SCHEMA), ofCases(SHADOW_SCHEMA)), [
      [...caseIds],
    ]);
    this.add(rows);
  }

  /** In the swap's transaction: writes them to the outbox, by deadline id. Returns how many. */
  async write(db: SqlClient): Promise<number> {
    const alerts = [...this.alerts.values()]
      .map(({ alert }) => alert)
      .sort((a, b) => (a.deadlineId < b.deadlineId ? -1 : 1));
    for (let start = 0; start < alerts.length; start += PAGE)
      await writeAlerts(db, alerts.slice(start, start + PAGE));
    return alerts.length;
  }

  private add(rows: readonly FactColumns[]): void {
    for (const row of rows) {
      const live = factsOf(row, 'l');
      const rebuilt = factsOf(row, 'r');
      const alert = deadlineAlertOf(live, rebuilt);
      const caseId = (live ?? rebuilt)?.caseId;
      if (alert !== null && caseId !== undefined) this.alerts.set(alert.deadlineId, { alert, caseId });
    }
  }
}
