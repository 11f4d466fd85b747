import { randomUUID } from 'node:crypto';
import { CASE_STATE_TABLE, PROJECTED_TABLES, type ProjectedTable } from '@ehcp/read-models';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { isEventFailure } from './event-failure';
import { inTransaction, LIVE_SCHEMA } from './sql-client';
import { TableRows } from './table-rows';

jest.setTimeout(120_000);

const AWKWARD = [
  'tab\there',
  'line\nfeed',
  'carriage\rreturn',
  'back\\slash\\',
  '\\N',
  'null',
  'Zoë 🙂 Łódź',
  '',
];
const CASE_DEADLINE = PROJECTED_TABLES.find((table) => table.name === 'case_deadline')!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRow = Record<string, any>;

describe('TableRows.insert by COPY', () => {
  let harness: ProjectionHarness;
  const caseIds = Array.from({ length: 6 }, () => randomUUID());
  beforeAll(async () => {
    harness = await ProjectionHarness.start('projector_copy_rows');
    await harness.appendSyntheticCases(caseIds);
    await harness.project();
    for (const schema of ['via_insert', 'via_copy']) {
      await harness.query(`create schema ${schema}`);
      for (const table of [CASE_STATE_TABLE, CASE_DEADLINE])
        await harness.query(`create table ${schema}.${table.name} (like public.${table.name} including all)`);
    }
  });
  afterAll(() => harness.close());

  /** The live rows of the cases, each text (and the states' JSON) made awkward in its own way. */
  async function awkwardRows(table: ProjectedTable<AnyRow>): Promise<AnyRow[]> {
    const rows = (await new TableRows(table, LIVE_SCHEMA).load(harness.db, caseIds)) as AnyRow[];
    return rows.map((row, index) => {
      const odd = AWKWARD[index % AWKWARD.length];
      if (table === CASE_STATE_TABLE)
        return { ...row, state: { ...row.state, note: odd, nested: { missing: null, text: 'null', odd } } };
      return { ...row, team: odd, ref: AWKWARD[(index + 1) % AWKWARD.length], adviceSource: null };
    });
  }

  /** Every row of the table in `schema`, as PostgreSQL's own text of each: the stored values exactly. */
  async function stored(schema: string, table: ProjectedTable<AnyRow>): Promise<string[]> {
    const rows = await harness.query<{ row: string }>(
      `select t::text as row from ${schema}.${table.name} t order by 1`,
    );
    return rows.map(({ row }) => row);
  }

  it('stores awkward values exactly as the INSERT from JSON does, and reads them back unchanged', async () => {
    for (const table of [CASE_STATE_TABLE, CASE_DEADLINE] as ProjectedTable<AnyRow>[]) {
      const rows = await awkwardRows(table);
      expect(rows.length).toBeGreaterThanOrEqual(caseIds.length);

      await new TableRows(table, 'via_insert').upsert(harness.db, rows);
      await new TableRows(table, 'via_copy').insert(harness.db, rows);

      expect(await stored('via_copy', table)).toEqual(await stored('via_insert', table));
      const key = (row: AnyRow) => String(row[table.key]);
      const back = (await new TableRows(table, 'via_copy').load(harness.db, caseIds)) as AnyRow[];
      expect(back.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        rows.sort((a, b) => key(a).localeCompare(key(b))),
      );
    }
  });

  it.each([
    ['a NUL in text', { ref: 'a\u0000b' }],
    ['a lone surrogate in text', { ref: 'a\ud800b' }],
    ['a date that does not exist', { dueOn: '2026-02-30' }],
  ])('refuses %s as a data exception, as the INSERT does, and the connection goes on', async (_, change) => {
    const [row] = await awkwardRows(CASE_DEADLINE);
    const bad = [{ ...row, id: randomUUID(), ...change }];
    const refusal = async (write: () => Promise<void>) =>
      inTransaction(harness.db, write).then(
        () => undefined,
        (error: { code?: string }) => error,
      );

    const byInsert = await refusal(() => new TableRows(CASE_DEADLINE, 'via_insert').upsert(harness.db, bad));
    const byCopy = await refusal(() => new TableRows(CASE_DEADLINE, 'via_copy').insert(harness.db, bad));

    expect(byInsert?.code?.slice(0, 2)).toBe('22');
    expect(byCopy?.code?.slice(0, 2)).toBe('22');
    expect(isEventFailure(byCopy)).toBe(true);
    expect((await harness.db.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });
});
