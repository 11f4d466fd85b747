import type { DeadlineAlert } from '@ehcp/read-models';
import { LIVE_SCHEMA, type SqlClient } from './sql-client';

/** Appends alert_outbox rows in the caller's transaction, in the given order (the relay reads by id). */
export async function writeAlerts(db: SqlClient, alerts: readonly DeadlineAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  await db.query(
    `insert into ${LIVE_SCHEMA}.alert_outbox (deadline_id, due_on, open)
     select a->>'deadlineId', (a->>'dueOn')::date, (a->>'open')::boolean
     from jsonb_array_elements($1::jsonb) with ordinality as x(a, n)
     order by x.n`,
    [JSON.stringify(alerts)],
  );
}
