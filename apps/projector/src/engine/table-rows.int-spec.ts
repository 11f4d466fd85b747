import { randomUUID } from 'node:crypto';
import { CASE_STATE_TABLE, PROJECTIONS, PROJECTED_TABLES } from '@ehcp/read-models';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { CombinedWrite } from './combined-write';
import { LIVE_SCHEMA } from './sql-client';
import { selectJson, TableRows } from './table-rows';

jest.setTimeout(120_000);

describe('TableRows in one statement', () => {
  let harness: ProjectionHarness;
  const caseIds = Array.from({ length: 40 }, () => randomUUID());
  beforeAll(async () => {
    harness = await ProjectionHarness.start('projector_table_rows');
    await harness.appendSyntheticCases(caseIds);
    await harness.project();
  });
  afterAll(() => harness.close());

  it('loads every table of a batch as JSON with exactly the values its columns give (dates as text, bigints as numbers)', async () => {
    const stores = [CASE_STATE_TABLE, ...PROJECTIONS.map((projection) => projection.table)].map(
      (table) => new TableRows(table, LIVE_SCHEMA),
    );

    const together = (await selectJson(
      harness.db,
      stores.map((store) => store.jsonSql('$1')),
      caseIds,
    )) as unknown[][];

    for (const [index, store] of stores.entries()) {
      const byKey = (rows: unknown[]) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        [...rows].sort((a: any, b: any) =>
          String(a[store.table.key]).localeCompare(String(b[store.table.key])),
        );
      const apart = await store.load(harness.db, caseIds);
      expect(byKey(together[index])).toEqual(byKey(apart));
    }
    // The comparison covered real rows, not empty tables.
    expect(together[0]).toHaveLength(caseIds.length);
    expect(together.filter((rows) => rows.length > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('writes deletes and upserts of several tables, and the alert outbox, as one statement', async () => {
    const [caseId] = caseIds;
    const states = new TableRows(CASE_STATE_TABLE, LIVE_SCHEMA);
    const deadlines = new TableRows(
      PROJECTED_TABLES.find((table) => table.name === 'case_deadline')!,
      LIVE_SCHEMA,
    );
    const [state] = await states.load(harness.db, [caseId]);
    const rows = await deadlines.load(harness.db, [caseId]);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [gone, kept] = rows as Record<string, unknown>[];
    const write = new CombinedWrite();
    deadlines.addDelete(write, [String(gone.id)]);
    deadlines.addUpsert(write, [{ ...kept, dueOn: '2031-01-31' }]);
    states.addUpsert(write, [{ ...state, eventCount: 999 }]);

    await write.run(harness.db);

    const after = (await deadlines.load(harness.db, [caseId])) as Record<string, unknown>[];
    expect(after.map((row) => row.id)).not.toContain(gone.id);
    expect(after.find((row) => row.id === kept.id)?.dueOn).toBe('2031-01-31');
    expect((await states.load(harness.db, [caseId]))[0].eventCount).toBe(999);
  });

  it('writes nothing when one of its parts is refused: it is one statement', async () => {
    const [, caseId] = caseIds;
    const states = new TableRows(CASE_STATE_TABLE, LIVE_SCHEMA);
    const [state] = await states.load(harness.db, [caseId]);
    const write = new CombinedWrite();
    states.addUpsert(write, [{ ...state, eventCount: 555 }]);
    // A row without its key: refused by the table's not-null primary key.
    states.addUpsert(write, [{ ...state, caseId: null as unknown as string }]);

    await expect(write.run(harness.db)).rejects.toThrow();

    expect((await states.load(harness.db, [caseId]))[0].eventCount).toBe(state.eventCount);
  });

  it('writes back exactly the rows it loads, every column type and null, inserted (upserted or plainly) or updated', async () => {
    const stores = [CASE_STATE_TABLE, ...PROJECTIONS.map((projection) => projection.table)].map(
      (table) => new TableRows(table, LIVE_SCHEMA),
    );
    for (const store of stores) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const key = (row: any) => String(row[store.table.key]);
      const byKey = (rows: unknown[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
      const loaded = await store.load(harness.db, caseIds);
      // A text that JSON and SQL both escape, in the first text column that is not the key.
      const text = Object.entries(store.table.columns).find(
        ([field, type]) => type === 'text' && field !== store.table.key && field !== store.table.caseKey,
      )?.[0];
      const rows = text
        ? // eslint-disable-next-line @typescript-eslint/no-explicit-any
          loaded.map((row: any, index) => (index === 0 ? { ...row, [text]: `O'Brien "\\q" é ✓ \n` } : row))
        : loaded;

      await store.delete(harness.db, rows.map(key));
      await store.upsert(harness.db, rows);
      const inserted = await store.load(harness.db, caseIds);
      await store.upsert(harness.db, rows);
      const updated = await store.load(harness.db, caseIds);
      await store.delete(harness.db, rows.map(key));
      await store.insert(harness.db, rows);
      const insertedPlain = await store.load(harness.db, caseIds);

      expect(byKey(inserted)).toEqual(byKey(rows));
      expect(byKey(updated)).toEqual(byKey(rows));
      expect(byKey(insertedPlain)).toEqual(byKey(rows));
      // A plain insert is for new keys only: one already there is refused, not replaced.
      const again = store.insert(harness.db, rows.slice(0, 1));
      expect(
        await again.then(
          () => rows.length === 0,
          () => true,
        ),
      ).toBe(true);
    }
  });
});
