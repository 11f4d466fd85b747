import { isOpen } from '@ehcp/domain';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { isOpenSql } from './deadline-status.sql';

const DUE_ON = '2026-01-19';
const MET_ON = [null, '2026-01-19', '2026-01-20'] as const;
const CANCELLED = [false, true] as const;

// Given a case_deadline row for every combination of met (not, on time, late) and cancelled.
describe('isOpenSql', () => {
  let harness: ProjectionHarness;
  const rows = MET_ON.flatMap((metOn) =>
    CANCELLED.map((cancelled) => ({ id: `open-${metOn ?? 'unmet'}-${cancelled}`, metOn, cancelled })),
  );

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_open');
    for (const row of rows)
      await harness.query(
        `insert into case_deadline (id, case_id, team, kind, starts_on, due_on, met_on, cancelled, rule, revision)
         values ($1, 'case-1', 'north', 'final_plan', '2025-09-01', $2, $3, $4, 'SEND Regs 2014 reg 13(2)', 0)`,
        [row.id, DUE_ON, row.metOn, row.cancelled],
      );
  });
  afterAll(() => harness.close());

  it('when PostgreSQL evaluates it, then it agrees with the domain isOpen on every combination', async () => {
    const evaluated = await harness.query<{ id: string; open: boolean }>(
      `select id, ${isOpenSql()} as open from case_deadline order by id`,
    );
    expect(evaluated).toEqual(
      rows.map((row) => ({ id: row.id, open: isOpen(row) })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(evaluated.filter((row) => row.open)).toHaveLength(1);
  });

  it('qualified by a table alias, and negated, it still selects exactly the open ones and the others', async () => {
    const open = await harness.query<{ id: string }>(
      `select d.id from case_deadline d where ${isOpenSql('d')} order by d.id`,
    );
    const closed = await harness.query<{ id: string }>(
      `select d.id from case_deadline d where not ${isOpenSql('d')} order by d.id`,
    );
    expect(open.map((row) => row.id)).toEqual(rows.filter(isOpen).map((row) => row.id));
    expect(closed.map((row) => row.id)).toEqual(
      rows
        .filter((row) => !isOpen(row))
        .map((row) => row.id)
        .sort(),
    );
  });
});
