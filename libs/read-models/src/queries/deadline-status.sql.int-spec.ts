import { DEADLINE_STATUSES, isOpen, isOpenOn, statusOf } from '@ehcp/domain';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { isOpenOnSql, isOpenSql, statusCondition } from './deadline-status.sql';

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

// (2nd ed.) DOMAIN.md "Cessation": a pending cessation cancels an open deadline from the day the plan
// ceases (cancels_on); before it the deadline is open as usual. Given a row for every combination of
// met, cancelled, cancels_on (none, before, on and after asOf) and due date around asOf.
describe('isOpenOnSql and statusCondition with a pending cessation', () => {
  let harness: ProjectionHarness;
  const AS_OF = '2026-03-11';
  const WARN_DAYS = 14;
  const DUE = ['2026-03-01', '2026-03-11', '2026-03-20', '2026-05-01'];
  const MET = [null, '2026-03-01', '2026-03-25'];
  const CANCELS_ON = [null, '2026-03-10', AS_OF, '2026-03-12'];
  const rows = DUE.flatMap((dueOn) =>
    MET.flatMap((metOn) =>
      CANCELLED.flatMap((cancelled) =>
        CANCELS_ON.map((cancelsOn) => ({
          id: [dueOn, metOn ?? 'unmet', cancelled, cancelsOn ?? 'none'].join('/'),
          dueOn,
          metOn,
          cancelled,
          cancelsOn,
        })),
      ),
    ),
  );
  const ids = (selected: readonly { id: string }[]) => selected.map((row) => row.id).sort();

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_open_on');
    for (const row of rows)
      await harness.query(
        `insert into case_deadline
           (id, case_id, team, kind, starts_on, due_on, met_on, cancelled, cancels_on, rule, revision)
         values ($1, 'case-1', 'north', 'annual_review', '2025-03-01', $2, $3, $4, $5, 'SEND Regs 2014 reg 20', 0)`,
        [row.id, row.dueOn, row.metOn, row.cancelled, row.cancelsOn],
      );
  });
  afterAll(() => harness.close());

  it('when PostgreSQL evaluates isOpenOnSql on asOf, then it agrees with the domain isOpenOn on every combination', async () => {
    const open = await harness.query<{ id: string }>(
      `select d.id from case_deadline d where ${isOpenOnSql('d', '$1')}`,
      [AS_OF],
    );
    expect(ids(open)).toEqual(ids(rows.filter((row) => isOpenOn(row, AS_OF))));
    // Open by its facts, cancelled by the day the plan ceased: before asOf and on it.
    expect(rows.filter((row) => isOpen(row) && !isOpenOn(row, AS_OF))).toHaveLength(2 * DUE.length);
  });

  it('when a status filter is evaluated on asOf, then it selects exactly what statusOf gives that status, cancelsOn honoured', async () => {
    for (const status of DEADLINE_STATUSES) {
      const params: unknown[] = [];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const selected = await harness.query<{ id: string }>(
        `select id from case_deadline where ${statusCondition(status, param, AS_OF, WARN_DAYS)}`,
        params,
      );
      const expected = rows.filter((row) => statusOf(row, AS_OF, WARN_DAYS).status === status);
      expect([status, ids(selected)]).toEqual([status, ids(expected)]);
    }
  });

  it('an open deadline whose plan ceases after asOf keeps its status; on or before asOf it is cancelled', () => {
    const open = { dueOn: '2026-03-01', metOn: null, cancelled: false };
    expect(statusOf({ ...open, cancelsOn: '2026-03-12' }, AS_OF).status).toBe('overdue');
    expect(statusOf({ ...open, cancelsOn: AS_OF }, AS_OF).status).toBe('cancelled');
    expect(statusOf({ ...open, cancelsOn: '2026-03-10' }, AS_OF).status).toBe('cancelled');
  });
});
