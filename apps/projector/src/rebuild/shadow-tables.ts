import { columnOf, PROJECTED_TABLES } from '@ehcp/read-models';
import { DEAD_LETTER_TABLE } from '../engine/dead-letter.store';
import { LIVE_SCHEMA, type SqlClient } from '../engine/sql-client';

/** SEN2's facts counted by day (timeliness-tally.migration.ts): swapped with the rows it counts. */
const TIMELINESS_TALLY_TABLE = 'timeliness_tally';

/** Where a rebuild writes while the live tables keep answering queries. */
export const SHADOW_SCHEMA = 'read_models_rebuild';

/** Each table a rebuild replaces, with the column its rows belong to a case by. */
const SWAPPED: readonly { readonly name: string; readonly caseColumn: string }[] = [
  ...PROJECTED_TABLES.map((table) => ({ name: table.name, caseColumn: columnOf(table.caseKey) })),
  // Re-derived by the replay: what still fails is parked again, what was fixed is applied.
  { name: DEAD_LETTER_TABLE, caseColumn: 'case_id' },
  // Not by case: counted from the shadow rows once replayed (createShadowIndexes).
  { name: TIMELINESS_TALLY_TABLE, caseColumn: '' },
  { name: 'work_tray_count', caseColumn: '' }, // the tray's totals (work-tray-count.migration.ts), likewise
];

/** The tables a rebuild replaces, and the shadow's own checkpoint. */
export const SWAPPED_TABLES = SWAPPED.map((table) => table.name);
const SHADOW_TABLES = ['projection_checkpoint', ...SWAPPED_TABLES];

/**
 * Fresh, empty copies of the live tables in the shadow schema, shaped by the live tables themselves
 * (so later migrations carry over): columns, defaults, checks, the primary keys the upserts need and
 * the case indexes every batch loads its rows by (without them each batch scans the growing table,
 * and the replay slows down with the square of the log). The other indexes come after the replay
 * (createShadowIndexes): loading first is faster.
 */
export async function createShadowTables(db: SqlClient): Promise<void> {
  await db.query(`drop schema if exists ${SHADOW_SCHEMA} cascade`);
  await db.query(`create schema ${SHADOW_SCHEMA}`);
  for (const table of SHADOW_TABLES) {
    await db.query(
      `create table ${SHADOW_SCHEMA}.${table} (like ${LIVE_SCHEMA}.${table}
         including defaults including constraints including identity including generated including storage
         including statistics)`,
    );
    const { rows } = await db.query<{ name: string; definition: string }>(
      `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid = $1::regclass and contype in ('p', 'u', 'x')`,
      [`${LIVE_SCHEMA}.${table}`],
    );
    for (const { name, definition } of rows)
      await db.query(`alter table ${SHADOW_SCHEMA}.${table} add constraint ${name} ${definition}`);
  }
  for (const table of SWAPPED) await copyIndexes(db, table);
  await db.query(`insert into ${SHADOW_SCHEMA}.projection_checkpoint (name, position) select name, null
                    from ${LIVE_SCHEMA}.projection_checkpoint`);
}

/**
 * For the rest of this session's writes: lz4 rather than PostgreSQL's default pglz for the values
 * stored compressed (case_state's folded states, about 3 KB each), when the server was built with it.
 * Inserting 2,000 states took half as long (pglz was half the time). The tables' definitions do not
 * change, and each value records its own method, so nothing that reads them needs to know.
 */
export async function compressQuickly(db: SqlClient): Promise<void> {
  await db.query(`select set_config('default_toast_compression', 'lz4', false) from pg_settings
                   where name = 'default_toast_compression' and 'lz4' = any(enumvals)`);
}

/**
 * The live tables' remaining indexes, under the same names (index names are per schema), so that
 * once swapped in, the tables look exactly as the migrations left them; then each table analyzed
 * (after its indexes: ANALYZE gathers the statistics of expression indexes too) and the tallies
 * counted (SHADOW_TALLIES). The jobs are shared out among `connections` (the rebuild's own, each
 * ready when its promise settles): each takes the next as soon as it is free. At a million events
 * they take 0.3-2 s each: one after another, most of the rebuild's wait after its replay.
 */
export async function createShadowIndexes(
  connections: readonly [SqlClient, ...(SqlClient | Promise<SqlClient>)[]],
): Promise<void> {
  const [db] = connections;
  const definitions: string[] = [];
  for (const table of SWAPPED) definitions.push(...(await indexDefinitions(db, table, false)));
  await sideBySide(
    connections,
    definitions.map((definition) => (client) => client.query(definition)),
  );
  await sideBySide(connections, [
    ...SHADOW_TALLIES,
    ...SWAPPED.map((table) => (client: SqlClient) => client.query(`analyze ${SHADOW_SCHEMA}.${table.name}`)),
  ]);
}

/** Runs every job once, each connection taking the next as soon as it is free; fails if any did. */
async function sideBySide(
  connections: readonly (SqlClient | Promise<SqlClient>)[],
  jobs: readonly ((db: SqlClient) => Promise<unknown>)[],
): Promise<void> {
  const queue = [...jobs];
  const workers = await Promise.allSettled(
    connections.map(async (connection) => {
      const db = await connection;
      for (let job = queue.shift(); job; job = queue.shift()) await job(db);
    }),
  );
  const failed = workers.find((worker) => worker.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * SEN2's tally (timeliness-tally.migration.ts) and the work tray's count (work-tray-count.migration.ts),
 * each counted from the replayed rows in one statement, then kept by their triggers from here on: the
 * catch-up and the swap's late events write through them, and the tables keep them when swapped in.
 * The replay itself runs without: row by row it would be slower. Two jobs for createShadowIndexes,
 * independent of each other and of the analyses beside them (nothing writes the shadow meanwhile).
 */
const SHADOW_TALLIES: readonly ((db: SqlClient) => Promise<unknown>)[] = [
  async (db) => {
    await db.query('select timeliness_tally_refill($1)', [SHADOW_SCHEMA]);
    await db.query('select timeliness_tally_install($1)', [SHADOW_SCHEMA]);
  },
  (db) => db.query('select work_tray_count_refill($1), work_tray_count_install($1)', [SHADOW_SCHEMA]),
];

/** Copies the live table's indexes that are led by the case key (see indexDefinitions) onto its shadow. */
async function copyIndexes(db: SqlClient, table: (typeof SWAPPED)[number]): Promise<void> {
  for (const definition of await indexDefinitions(db, table, true)) await db.query(definition);
}

/**
 * The live table's indexes that are not constraints', as definitions on its shadow: those leading
 * with the case key (not partial) when `byCase`, the others when not.
 */
async function indexDefinitions(
  db: SqlClient,
  table: (typeof SWAPPED)[number],
  byCase: boolean,
): Promise<string[]> {
  const { rows } = await db.query<{ definition: string }>(
    `select pg_get_indexdef(i.indexrelid) as definition from pg_index i
       left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        and coalesce(a.attname = $2 and i.indpred is null, false) = $3`,
    [`${LIVE_SCHEMA}.${table.name}`, table.caseColumn, byCase],
  );
  return rows.map(({ definition }) =>
    definition.replace(/ ON (ONLY )?\S+ USING /, ` ON ${SHADOW_SCHEMA}.${table.name} USING `),
  );
}

/** In the swap's transaction: the shadow tables replace the live ones, indexes and all. */
export async function swapInShadowTables(db: SqlClient): Promise<void> {
  for (const table of SWAPPED_TABLES) {
    await db.query(`drop table ${LIVE_SCHEMA}.${table}`);
    await db.query(`alter table ${SHADOW_SCHEMA}.${table} set schema ${LIVE_SCHEMA}`);
  }
  await db.query(`drop schema ${SHADOW_SCHEMA} cascade`);
}
