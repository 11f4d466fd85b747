import { randomUUID } from 'node:crypto';
import { DEADLINE_STATUSES, statusOf } from '@ehcp/domain';
import type { CaseDeadlineRow } from '../projections/case-deadline.projection';
import { ProjectionHarness } from '../../../../test/support/projection.harness';
import { syntheticCase } from '../testing/synthetic-caseload';
import { isOpenSql } from './deadline-status.sql';
import { DeadlinesQuery } from './deadlines.query';
import { deadlineColumns, deadlineViewOf } from './deadline.view';

describe('deadlines query', () => {
  let harness: ProjectionHarness;
  let deadlines: DeadlinesQuery;
  let all: CaseDeadlineRow[];

  beforeAll(async () => {
    harness = await ProjectionHarness.start('rm_deadlines');
    deadlines = new DeadlinesQuery(harness.dataSource);
    for (let index = 0; index < 200; index += 1) {
      const caseId = randomUUID();
      await harness.append(caseId, syntheticCase(caseId, index));
    }
    await harness.project();
    all = await harness.query<CaseDeadlineRow>(`select ${deadlineColumns('d')} from case_deadline d`);
  }, 60_000);
  afterAll(() => harness.close());

  const everything = { page: 1, pageSize: 100_000, teams: null };

  it.each(['2025-03-01', '2025-09-15', '2026-06-30'])(
    'the SQL status filter selects exactly the deadlines statusOf gives that status on %s',
    async (asOf) => {
      for (const warnDays of [14, 5]) {
        for (const status of DEADLINE_STATUSES) {
          const { items, total } = await deadlines.list({ ...everything, status, asOf, warnDays });
          const expected = all
            .filter((row) => statusOf(row, asOf, warnDays).status === status)
            .map((row) => row.id);
          expect(items.map((row) => row.id).sort()).toEqual(expected.sort());
          expect(total).toBe(expected.length);
          expect(items.every((row) => deadlineViewOf(row, asOf, warnDays).status === status)).toBe(true);
        }
      }
      // Every deadline has exactly one status.
      const counts = await Promise.all(
        DEADLINE_STATUSES.map((status) =>
          deadlines.list({ ...everything, status, asOf, warnDays: 14, pageSize: 1 }),
        ),
      );
      expect(counts.reduce((sum, { total }) => sum + total, 0)).toBe(all.length);
    },
  );

  it('filters by kind and team, pages in due-date order', async () => {
    const filter = { teams: ['north', 'east'], kind: 'advice' as const, asOf: '2025-06-01', warnDays: 14 };
    const expected = all
      .filter((row) => row.kind === 'advice' && ['north', 'east'].includes(row.team))
      .sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1));
    const first = await deadlines.list({ ...filter, page: 1, pageSize: 10 });
    const second = await deadlines.list({ ...filter, page: 2, pageSize: 10 });
    expect(first.total).toBe(expected.length);
    expect([...first.items, ...second.items].map((row) => row.id)).toEqual(
      expected.slice(0, 20).map((row) => row.id),
    );
    expect(first.items[0]).toEqual(expected[0]);
  });

  it('lists overdue deadlines through an index of open deadlines', async () => {
    // The test tables are small: forbid sequential scans to see which index the planner would take.
    const plan = await harness.dataSource.transaction(async (db) => {
      await db.query('set local enable_seqscan = off');
      return db.query<{ 'QUERY PLAN': string }[]>(
        `explain select id from case_deadline where team = any($1::text[]) and ${isOpenSql()}
           and due_on < $2::date order by due_on, id limit 50`,
        [['north'], '2025-06-01'],
      );
    });
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(/case_deadline_open_(team_)?due/);
  });
});
