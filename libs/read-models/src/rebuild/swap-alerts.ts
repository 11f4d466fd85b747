import { deadlineAlertOf, type DeadlineAlert, type DeadlineFacts } from '../projections/deadline-alert';
import { writeAlerts } from '../runner/alert-outbox.writer';
import { LIVE_SCHEMA, type SqlClient } from '../runner/sql-client';
import { SHADOW_SCHEMA } from './shadow-tables';

const PAGE = 5_000;

interface Pair {
  key: string;
  live: DeadlineFacts | null;
  rebuilt: DeadlineFacts | null;
}

const facts = (table: string) =>
  `case when ${table}.id is null then null else json_build_object(
     'id', ${table}.id, 'caseId', ${table}.case_id, 'team', ${table}.team, 'kind', ${table}.kind,
     'dueOn', ${table}.due_on, 'metOn', ${table}.met_on, 'cancelled', ${table}.cancelled,
     'exceptionApplies', ${table}.exception_applies) end`;

/**
 * In the swap's transaction: the outbox rows that take the notifier from the live deadlines to the
 * rebuilt ones. A deadline the rebuild left as it was gets none, so a rebuild never re-alerts; one
 * that differs (new events since the live checkpoint, a changed rule or DEADLINE_COUNTING) gets
 * exactly what the live projection would have written. Returns how many rows were written.
 */
export async function writeSwapAlerts(db: SqlClient): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const { rows } = await db.query<Pair>(
      `select coalesce(l.id, r.id) as key, ${facts('l')} as live, ${facts('r')} as rebuilt
         from ${LIVE_SCHEMA}.case_deadline l
         full join ${SHADOW_SCHEMA}.case_deadline r on r.id = l.id
        where coalesce(l.id, r.id) > $1
          and (l.id is null or r.id is null
               or (l.due_on, l.met_on, l.cancelled, l.exception_applies)
                  is distinct from (r.due_on, r.met_on, r.cancelled, r.exception_applies))
        order by coalesce(l.id, r.id)
        limit ${PAGE}`,
      [after],
    );
    const alerts = rows
      .map((pair) => deadlineAlertOf(pair.live ?? undefined, pair.rebuilt ?? undefined))
      .filter((alert): alert is DeadlineAlert => alert !== null);
    await writeAlerts(db, alerts);
    written += alerts.length;
    if (rows.length < PAGE) return written;
    after = rows[rows.length - 1].key;
  }
}
