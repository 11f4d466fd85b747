import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeliness facts tallied as they are written: table timeliness_tally holds, per team, day and
 * what the counts ask of a fact, how many facts and their total days, so that a period's figures sum a
 * few thousand rows instead of reading every case (600,000 in the benchmark). It serves SEN2
 * (GET /timeliness/sen2, /monthly, the dashboard, the public page) and the dashboard's advice on time.
 *
 * The facts are Sen2Query's: new plans by first final plan date and decisions whether to assess by
 * their date (case_summary); annual reviews and phase transfers by due date unless cancelled by then,
 * review decisions by the day made, (2nd ed.) reviews held by the day met (case_deadline); new plans
 * and reviews held with the child's views by the day counted (case_views); and DashboardQuery's advice requests due, by
 * source, open deadlines by due date and kind, and QaSummaryQuery's final plans issued. The bands are SEN2_DAYS' (sen2.figures.ts): 140 days (reg 13(2)'s 20 weeks), 364 (a year),
 * 42 (reg 5(1)'s 6 weeks), 28 (reg 20(10)'s 4 weeks); the sen2 query int spec holds the figures equal
 * to the domain's calculator, so a change of band fails there until a migration re-bands the tally.
 *
 * Statement-level triggers with transition tables keep it: each statement the projector (or anything
 * else) runs on the counted tables takes its old rows' facts off and adds its new rows', in the same
 * transaction, so the tally is exactly as current as the rows. The triggers write to the tally of the
 * schema their table is in: a rebuild's shadow tables get them once refilled, and keep them when
 * swapped in. Written out here rather than taken from the code: a shipped migration never changes.
 */
export class TimelinessTally1798200000000 implements MigrationInterface {
  readonly name = 'TimelinessTally1798200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table timeliness_tally (
        team text not null,
        on_date date not null,
        fact text not null,
        source text not null,
        exception boolean not null,
        disputed boolean not null,
        flag boolean not null,
        within_20_weeks boolean not null,
        within_a_year boolean not null,
        within_request_decision boolean not null,
        within_review_decision boolean not null,
        n bigint not null,
        days bigint not null,
        constraint timeliness_tally_pkey primary key (on_date, team, fact, source, exception, disputed, flag, within_20_weeks,
          within_a_year, within_request_decision, within_review_decision)
      )`);
    // A case summary's facts: its new plan (opened by a request), its decision whether to assess, and
    // its first final plan however the case opened (QA coverage's plans).
    await db.query(`
      create function tally_summary_facts(text, boolean, date, date, boolean, boolean, date, boolean)
      returns table (team text, on_date date, fact text, source text, exception boolean, disputed boolean,
                     flag boolean, days integer)
      language sql immutable parallel safe as $$
        select $1, $4, 'plan', '', $5, $6, false, $4 - $3 where $4 is not null and $2
        union all
        select $1, $7, 'request', '', false, false, $8, $7 - $3 where $7 is not null
        union all
        select $1, $4, 'final_plan', '', false, false, false, 0 where $4 is not null
      $$`);
    // A deadline's facts: a review, phase transfer or advice request due (met on time or not), a
    // review decision made, and an open deadline of any kind by due date (`source` its kind) unless
    // a pending cessation cancels it on a day of its own (`cancels_on`): whether that one is open
    // depends on the day asked about, so DashboardQuery counts those few from their rows.
    await db.query(`
      create function tally_deadline_facts(text, text, date, date, date, date, text, boolean, date)
      returns table (team text, on_date date, fact text, source text, exception boolean, disputed boolean,
                     flag boolean, days integer)
      language sql immutable parallel safe as $$
        select $1, $3, case $2 when 'annual_review' then 'review_due' when 'phase_transfer' then 'transfer_due'
                           else 'advice_due' end,
               coalesce($7, ''), false, false, coalesce($4 <= $3, false), 0
         where $2 in ('annual_review', 'phase_transfer', 'advice') and ($6 is null or $6 > $3)
        union all
        select $1, $4, 'review_decision', '', false, false, false, $4 - $5
         where $2 = 'review_decision' and $4 is not null
        union all
        select $1, $3, 'open', $2, false, false, false, 0 where $4 is null and not $8 and $9 is null
        union all
        select $1, $4, 'review_held', '', false, false, false, 0 where $2 = 'annual_review' and $4 is not null
      $$`);
    // (2nd ed.) A views record's facts: the new plan or the review held it is the first views record
    // for (the case_views projection marks the day each is counted on), CFA s19.
    await db.query(`
      create function tally_views_facts(text, date, date)
      returns table (team text, on_date date, fact text, source text, exception boolean, disputed boolean,
                     flag boolean, days integer)
      language sql immutable parallel safe as $$
        select $1, $2, 'plan_with_views', '', false, false, false, 0 where $2 is not null
        union all
        select $1, $3, 'review_held_with_views', '', false, false, false, 0 where $3 is not null
      $$`);
    // The facts of `relation` (a table, or a trigger's transition table) counted with `sign`.
    await db.query(`
      create function tally_facts_source(source text, relation text, sign integer) returns text
      language sql immutable as $$
        select format(case source
          when 'case_summary' then
            'select %s as sign, f.* from %s r cross join lateral public.tally_summary_facts(r.team,
               r.opened_by_request, r.request_received_on, r.first_final_plan_issued_on,
               r.final_plan_exception_applies, r.appeal_or_mediation_before_plan, r.assessment_decided_on,
               r.assessment_refused) f'
          when 'case_views' then
            'select %s as sign, f.* from %s r cross join lateral public.tally_views_facts(r.team,
               r.plan_counted_on, r.review_counted_on) f'
          else
            'select %s as sign, f.* from %s r cross join lateral public.tally_deadline_facts(r.team, r.kind,
               r.due_on, r.met_on, r.starts_on, r.cancelled_on, r.advice_source, r.cancelled, r.cancels_on) f'
          end, sign, relation)
      $$`);
    // The statement adding `facts` (sign, then the facts' columns) to the tally of `schema`.
    await db.query(`
      create function timeliness_tally_upsert(schema text, facts text) returns text
      language sql immutable as $$
        select format($f$
          insert into %I.timeliness_tally as t (team, on_date, fact, source, exception, disputed, flag,
                 within_20_weeks, within_a_year, within_request_decision, within_review_decision, n, days)
          select team, on_date, fact, source, exception, disputed, flag,
                 fact = 'plan' and days <= 140, fact = 'plan' and days <= 364,
                 fact = 'request' and days <= 42, fact = 'review_decision' and days <= 28,
                 sum(sign), sum(sign * days)
            from (%s) facts
           group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
          on conflict on constraint timeliness_tally_pkey
          do update set n = t.n + excluded.n, days = t.days + excluded.days $f$, schema, facts)
      $$`);
    // One trigger function for both tables: the transition tables are visible to its own statements.
    await db.query(`
      create function timeliness_tally_keep() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          execute public.timeliness_tally_upsert(tg_table_schema, public.tally_facts_source(tg_table_name, 'old_rows', -1));
        end if;
        if tg_op in ('UPDATE', 'INSERT') then
          execute public.timeliness_tally_upsert(tg_table_schema, public.tally_facts_source(tg_table_name, 'new_rows', 1));
        end if;
        return null;
      end $$`);
    await db.query(`
      create function timeliness_tally_install(schema text) returns void language plpgsql as $$
      declare source text;
      begin
        foreach source in array array['case_summary', 'case_deadline', 'case_views'] loop
          execute format('create trigger timeliness_tally_insert after insert on %I.%I referencing new table as new_rows
                            for each statement execute function public.timeliness_tally_keep()', schema, source);
          execute format('create trigger timeliness_tally_update after update on %I.%I
                            referencing old table as old_rows new table as new_rows
                            for each statement execute function public.timeliness_tally_keep()', schema, source);
          execute format('create trigger timeliness_tally_delete after delete on %I.%I referencing old table as old_rows
                            for each statement execute function public.timeliness_tally_keep()', schema, source);
        end loop;
      end $$`);
    // From scratch: after this migration, a rebuild's replay, or rows written without the triggers.
    await db.query(`
      create function timeliness_tally_refill(schema text) returns void language plpgsql as $$
      begin
        execute format('delete from %I.timeliness_tally', schema);
        execute public.timeliness_tally_upsert(schema, public.tally_facts_source('case_summary', format('%I.case_summary', schema), 1));
        execute public.timeliness_tally_upsert(schema, public.tally_facts_source('case_deadline', format('%I.case_deadline', schema), 1));
        execute public.timeliness_tally_upsert(schema, public.tally_facts_source('case_views', format('%I.case_views', schema), 1));
      end $$`);
    await db.query(`select timeliness_tally_install('public')`);
    await db.query(`select timeliness_tally_refill('public')`);
    // What the counts read instead, and nothing else: every write kept them up for nothing.
    await db.query(
      'drop index case_deadline_advice_due, case_deadline_reviews_transfers_due, case_summary_assessment_decisions',
    );
    // The open deadlines a pending cessation cancels: the few the tally leaves to their rows.
    await db.query(`
      create index case_deadline_open_cancelling on case_deadline (due_on) include (kind, team, cancels_on)
        where met_on is null and not cancelled and cancels_on is not null`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index case_deadline_open_cancelling');
    await db.query(`
      create index case_deadline_advice_due on case_deadline (due_on)
        include (team, advice_source, met_on, cancelled_on) where kind = 'advice'`);
    await db.query(`
      create index case_deadline_reviews_transfers_due on case_deadline (due_on)
        include (kind, team, met_on, cancelled_on) where kind in ('annual_review', 'phase_transfer')`);
    await db.query(`
      create index case_summary_assessment_decisions on case_summary (assessment_decided_on)
        include (team, request_received_on, assessment_refused) where assessment_decided_on is not null`);
    for (const table of ['case_summary', 'case_deadline', 'case_views'])
      for (const op of ['insert', 'update', 'delete'])
        await db.query(`drop trigger if exists timeliness_tally_${op} on ${table}`);
    await db.query(`
      drop function timeliness_tally_refill(text), timeliness_tally_install(text), timeliness_tally_keep(),
        timeliness_tally_upsert(text, text), tally_facts_source(text, text, integer),
        tally_deadline_facts(text, text, date, date, date, date, text, boolean, date), tally_views_facts(text, date, date),
        tally_summary_facts(text, boolean, date, date, boolean, boolean, date, boolean)`);
    await db.query('drop table timeliness_tally');
  }
}
