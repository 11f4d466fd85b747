import { isOpenSql } from '@ehcp/read-models';
import type { Client } from 'pg';

/** Uniform in [0, 1) from the case number: the same caseload on every run, and 100k is a prefix of 600k. */
const random = (salt: number) => `((hashint8(i::bigint * 16 + ${salt}) & 2147483647)::float8 / 2147483648)`;

/**
 * Per-case facts: four teams; requests over the last two years; 22% refused, 8% "not issue", the rest
 * heading for a plan, half of them within 20 weeks (84-140 days) and half later (141-340 days); 5% with
 * a timescale exception; a sixth of the annual reviews missed; (2nd ed.) the child's views on many.
 * Cases still waiting past their due dates give the overdue deadlines.
 */
const caseFacts = (from: number, to: number) => `
  create temporary table bench_cases as
  select *, requested + decided_after as decided_on, requested + plan_after as issued_on,
         age >= decided_after and path <> 'refused' as assessed,
         path = 'plan' and age >= plan_after as issued,
         path = 'plan' and age >= plan_after + 380 and r5 >= 0.16 as review_met
  from (
    select i, md5('bench-case-' || i)::uuid::text as case_id,
           (array['north', 'south', 'east', 'west'])[i % 4 + 1] as team,
           current_date - age as requested, age, r5,
           case when r2 < 0.22 then 'refused' when r2 < 0.30 then 'not_issued' else 'plan' end as path,
           20 + floor(r4 * 25)::int as decided_after,
           case when r3 < 0.5 then 84 + floor(r6 * 57)::int else 141 + floor(r6 * 200)::int end as plan_after
    from (select i, floor(${random(1)} * 730)::int as age, ${random(2)} as r2, ${random(3)} as r3,
                 ${random(4)} as r4, ${random(5)} as r5, ${random(6)} as r6
            from generate_series(${Math.trunc(from)}, ${Math.trunc(to)}) i) drawn
  ) facts`;

/** Each case's deadlines as the domain derives them, as far as its story has got by today. */
const DEADLINES = `
  insert into case_deadline (id, case_id, team, kind, ref, advice_source, starts_on, due_on, met_on, cancelled,
                             cancelled_on, exception_applies, rule, revision)
  select c.case_id || '/' || d.local_id, c.case_id, c.team, d.kind, d.ref,
         case d.ref when 'adv-1' then 'educational_psychology' when 'adv-2' then 'health' end,
         d.starts_on, d.due_on,
         case when d.met_on <= current_date then d.met_on end, d.cancelled,
         case when d.cancelled then c.requested + 100 end, d.kind = 'final_plan' and c.r5 < 0.05, d.rule, 5
  from bench_cases c
  cross join lateral (values
    ('decision_to_assess', 'decision_to_assess', null, c.requested, c.requested + 42,
       case when c.age >= c.decided_after then c.decided_on end, false, 'SEND Regs 2014 reg 5(1)', true),
    ('advice-adv-1', 'advice', 'adv-1', c.decided_on, c.decided_on + 42, c.decided_on + 25 + floor(c.r5 * 40)::int,
       false, 'SEND Regs 2014 reg 8(1)', c.assessed),
    ('advice-adv-2', 'advice', 'adv-2', c.decided_on, c.decided_on + 42, c.decided_on + 30 + floor(c.r5 * 20)::int,
       false, 'SEND Regs 2014 reg 8(1)', c.assessed),
    ('plan_decision', 'plan_decision', null, c.requested, c.requested + 112,
       c.requested + case when c.path = 'not_issued' then 100 else greatest(c.plan_after - 30, 60) end,
       false, 'SEND Regs 2014 reg 10(1)', c.assessed),
    ('final_plan', 'final_plan', null, c.requested, c.requested + 140, case when c.issued then c.issued_on end,
       c.path = 'not_issued' and c.age >= 100, 'SEND Regs 2014 reg 13(2)', c.assessed),
    ('annual_review', 'annual_review', null, c.issued_on, c.issued_on + 365,
       case when c.review_met then c.issued_on + 360 end, false, 'Children and Families Act 2014 s44(1)', c.issued)
  ) as d(local_id, kind, ref, starts_on, due_on, met_on, cancelled, rule, present)
  where d.present`;

/**
 * (2nd ed.) The child's views (CFA s19): for 60% of the assessments, 50% of the drafts of plans
 * issued, and 60% of the reviews held, gathered in time for them; as the projection marks them, the
 * first gathered for a plan carries its issue date, the one for a review the day it was held.
 */
const VIEWS = `
  insert into case_views (id, case_id, team, views_id, stage, method, gathered_on, plan_counted_on,
                          review_counted_on)
  select c.case_id || '/' || v.views_id, c.case_id, c.team, v.views_id, v.stage, 'meeting', v.gathered_on,
         v.plan_counted_on, v.review_counted_on
  from (select *, assessed and ${random(7)} < 0.6 and age >= decided_after + 15 as assessment_views,
               issued and ${random(8)} < 0.5 as draft_views, review_met and ${random(9)} < 0.6 as review_views
          from bench_cases) c
  cross join lateral (values
    ('views-a', 'assessment', c.decided_on + 15, c.assessment_views,
       case when c.issued then c.issued_on end, null::date),
    ('views-d', 'draft', c.issued_on - 20, c.draft_views,
       case when not c.assessment_views then c.issued_on end, null::date),
    ('views-r', 'review', c.issued_on + 340, c.review_views, null::date, c.issued_on + 360)
  ) as v(views_id, stage, gathered_on, present, plan_counted_on, review_counted_on)
  where v.present`;

/** One row per case, its next open deadline (the work tray's order) taken from the rows just written. */
const SUMMARIES = `
  insert into case_summary (case_id, reference, team, caseworker_id, stage, requested_by, request_received_on,
                            child_first_name, child_last_name, child_date_of_birth, first_final_plan_issued_on,
                            final_plan_exception_applies, draft_issued_on, next_deadline_id, next_due_on, revision)
  select c.case_id, 'EHC-' || c.i, c.team, 'cw-' || c.team || '-' || (c.i / 4 % 6 + 1),
         case when c.path = 'refused' and c.age >= c.decided_after then 'refused_to_assess'
              when c.age < c.decided_after then 'requested'
              when c.path = 'not_issued' and c.age >= 100 then 'not_issued'
              when c.issued then 'plan_maintained'
              when c.age < 100 then 'assessing'
              when c.age >= c.plan_after - 30 then 'draft_issued'
              else 'drafting' end,
         'parent', c.requested, 'Alex', 'Testcase', c.requested - 3000, case when c.issued then c.issued_on end,
         c.r5 < 0.05,
         case when c.path = 'plan' and c.age >= c.plan_after - 30 then c.requested + c.plan_after - 30 end,
         n.id, n.due_on, 5
  from bench_cases c
  left join (select distinct on (d.case_id) d.case_id, d.id, d.due_on
               from case_deadline d join bench_cases b on b.case_id = d.case_id
              where ${isOpenSql('d')}
              order by d.case_id, d.due_on, d.id) n on n.case_id = c.case_id`;

/**
 * Adds cases number `from` to `to` (inclusive) to case_summary and case_deadline with generate_series:
 * secondary indexes are dropped for the load and rebuilt with their own definitions (as the rebuild's
 * shadow tables do), then the tables are analysed, so queries meet the planner statistics they would.
 */
export async function seedReadModels(db: Client, from: number, to: number): Promise<void> {
  const indexes = await dropSecondaryIndexes(db, ['case_summary', 'case_deadline', 'case_views']);
  // Inlined numbers: CREATE TABLE AS takes no bind parameters.
  await db.query(caseFacts(from, to));
  await db.query(DEADLINES);
  await db.query(SUMMARIES);
  await db.query(VIEWS);
  await db.query('drop table bench_cases');
  for (const definition of indexes) await db.query(definition);
  await db.query('vacuum analyze case_summary');
  await db.query('vacuum analyze case_deadline');
  await db.query('vacuum analyze case_views');
}

async function dropSecondaryIndexes(db: Client, tables: string[]): Promise<string[]> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const { name } of rows) await db.query(`drop index ${name}`);
  return rows.map((row) => row.definition);
}
