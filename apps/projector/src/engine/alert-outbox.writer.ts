import type { DeadlineAlert } from '@ehcp/read-models';
import { CombinedWrite } from './combined-write';
import { LIVE_SCHEMA, type SqlClient } from './sql-client';

/** Appends alert_outbox rows in the caller's transaction, in the given order (the relay reads by id). */
export async function writeAlerts(db: SqlClient, alerts: readonly DeadlineAlert[]): Promise<void> {
  const write = new CombinedWrite();
  addAlerts(write, alerts);
  await write.run(db);
}

/** The outbox insert as part of a combined write (nothing when there are no alerts). */
export function addAlerts(write: CombinedWrite, alerts: readonly DeadlineAlert[]): void {
  if (alerts.length === 0) return;
  write.add(
    (param) => `insert into ${LIVE_SCHEMA}.alert_outbox (deadline_id, due_on, open)
     select a->>'deadlineId', (a->>'dueOn')::date, (a->>'open')::boolean
     from jsonb_array_elements(${param}::jsonb) with ordinality as x(a, n)
     order by x.n`,
    JSON.stringify(alerts),
  );
}
