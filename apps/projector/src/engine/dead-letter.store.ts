import type { DeadLetterStatus } from '@ehcp/read-models';
import { CombinedWrite } from './combined-write';
import type { SqlClient } from './sql-client';
import { selectJson } from './table-rows';

/** An event set aside: failed on its own (`parked`, with its error) or held behind one (`blocked`). */
export interface DeadLetter {
  readonly caseId: string;
  readonly revision: number;
  readonly position: string;
  readonly eventType: string;
  readonly status: Exclude<DeadLetterStatus, 'resolved'>;
  readonly error: string | null;
}

export interface DeadLetterRow extends DeadLetter {
  readonly attempts: number;
  readonly firstFailedAt: Date;
  readonly failedAt: Date;
}

/** The table, in the live schema and in a rebuild's shadow. */
export const DEAD_LETTER_TABLE = 'projection_dead_letter';
const TABLE = DEAD_LETTER_TABLE;
export const UNRESOLVED = `status <> 'resolved'`;
const COLUMNS = `case_id as "caseId", revision::float8 as revision, position, event_type as "eventType",
  status, error, attempts, first_failed_at as "firstFailedAt", failed_at as "failedAt"`;

/** In the batch's transaction: which of these cases have an unresolved dead letter (later events wait). */
export async function blockedCases(
  db: SqlClient,
  schema: string,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const [held] = await selectJson(db, [blockedCasesJsonSql(schema, '$1')], caseIds);
  return new Set(held as string[]);
}

/** `blockedCases` as a JSON array of case ids, for `selectJson` (`param`: the cases' ids, text[]). */
export function blockedCasesJsonSql(schema: string, param: string): string {
  return `(select coalesce(json_agg(distinct case_id), '[]'::json) from ${schema}.${TABLE}
            where case_id = any(${param}::text[]) and ${UNRESOLVED})`;
}

/** In the batch's transaction: parks the events (again: one more attempt, the new error). */
export async function parkEvents(
  db: SqlClient,
  schema: string,
  letters: readonly DeadLetter[],
): Promise<void> {
  const write = new CombinedWrite();
  addParkedEvents(write, schema, letters);
  await write.run(db);
}

/** `parkEvents` as part of a combined write (nothing when there are no letters). */
export function addParkedEvents(write: CombinedWrite, schema: string, letters: readonly DeadLetter[]): void {
  if (letters.length === 0) return;
  write.add(
    (param) => `insert into ${schema}.${TABLE} (case_id, revision, position, event_type, status, error)
     select l->>'caseId', (l->>'revision')::bigint, l->>'position', l->>'eventType', l->>'status', l->>'error'
       from jsonb_array_elements(${param}::jsonb) as l
     on conflict (case_id, revision) do update set
       status = excluded.status, error = excluded.error, failed_at = now(), resolved_at = null,
       attempts = ${TABLE}.attempts + 1`,
    JSON.stringify(letters),
  );
}

/** Marks these events of a case re-applied. */
export async function resolveEvents(
  db: SqlClient,
  schema: string,
  caseId: string,
  revisions: readonly number[],
): Promise<void> {
  if (revisions.length === 0) return;
  await db.query(
    `update ${schema}.${TABLE} set status = 'resolved', error = null, resolved_at = now()
      where case_id = $1 and revision = any($2::bigint[])`,
    [caseId, revisions],
  );
}

/** The unresolved dead letters, of one case or all, in case and revision order. */
export async function unresolvedDeadLetters(
  db: SqlClient,
  schema: string,
  caseId?: string,
): Promise<DeadLetterRow[]> {
  const { rows } = await db.query<DeadLetterRow>(
    `select ${COLUMNS} from ${schema}.${TABLE}
      where ${UNRESOLVED} and ($1::text is null or case_id = $1) order by case_id, revision`,
    [caseId ?? null],
  );
  return rows;
}
