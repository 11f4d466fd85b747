import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SEN2's facts tallied as they are written (GET /timeliness/sen2, /monthly, the dashboard): table
 * sen2_tally holds, per team, day and what the counts ask of a fact, how many facts and their total
 * days, so a period's figures sum a few thousand rows instead of reading every case (600,000 cases in
 * the benchmark).
 *
 * The facts are Sen2Query's: new plans by first final plan date and decisions whether to assess by
 * their date (case_summary); annual reviews and phase transfers by due date unless cancelled by then,
 * review decisions by the day made (case_deadline). The bands are SEN2_DAYS' (sen2.figures.ts): 140
 * days (reg 13(2)'s 20 weeks), 364 (a year), 42 (reg 5(1)'s 6 weeks), 28 (reg 20(10)'s 4 weeks); the
 * sen2 query int spec holds the figures equal to the domain's calculator, so a change of band fails
 * there until a migration re-bands the tally.
 *
 * Statement-level triggers with transition tables keep it: each statement the projector (or anything
 * else) runs on case_summary or case_deadline takes its old rows' facts off and adds its new rows', in
 * the same transaction, so the tally is exactly as current as the rows. The triggers write to the
 * tally of the schema their table is in: a rebuild's shadow tables get them once refilled, and keep
 * them when swapped in. Written out here rather than taken from the code: a shipped migration never
 * changes.
 */
export class Sen2Tally1798050000000 implements MigrationInterface {
  readonly name = 'Sen2Tally1798050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table sen2_tally (
        team text not null,
        on_date date not null,
        fact text not null,
        exception boolean not null,
        disputed boolean not null,
        flag boolean not null,
        within_20_weeks boolean not null,
        within_a_year boolean not null,
        within_request_decision boolean not null,
        within_review_decision boolean not null,
        n bigint not null,
        days bigint not null,
        constraint sen2_tally_pkey primary key (on_date, team, fact, exception, disputed, flag, within_20_weeks,
          within_a_year, within_request_decision, within_review_decision)
      )`);
    // A case summary's facts: its new plan (opened by a request) and its decision whether to assess.
    await db.query(`
      create function sen2_summary_facts(text, boolean, date, date, boolean, boolean, date, boolean)
      returns table (team text, on_date date, fact text, exception boolean, disputed boolean, flag boolean,
                     days integer)
      language sql immutable parallel safe as $$
        select $1, $4, 'plan', $5, $6, false, $4 - $3 where $4 is not null and $2
        union all
        select $1, $7, 'request', false, false, $8, $7 - $3 where $7 is not null
      $$`);
    // A deadline's facts: a review or phase transfer due (met on time or not), a review decision made.
    await db.query(`
      create function sen2_deadline_facts(text, text, date, date, date, date)
      returns table (team text, on_date date, fact text, exception boolean, disputed boolean, flag boolean,
                     days integer)
      language sql immutable parallel safe as $$
        select $1, $3, case $2 when 'annual_review' then 'review_due' else 'transfer_due' end, false, false,
               coalesce($4 <= $3, false), 0
         where $2 in ('annual_review', 'phase_transfer') and ($6 is null or $6 > $3)
        union all
        select $1, $4, 'review_decision', false, false, false, $4 - $5
         where $2 = 'review_decision' and $4 is not null
      $$`);
    // The facts of `relation` (a table, or a trigger's transition table) counted with `sign`.
    await db.query(`
      create function sen2_facts_source(source text, relation text, sign integer) returns text
      language sql immutable as $$
        select format(case source
          when 'case_summary' then
            'select %s as sign, f.* from %s r cross join lateral public.sen2_summary_facts(r.team,
               r.opened_by_request, r.request_received_on, r.first_final_plan_issued_on,
               r.final_plan_exception_applies, r.appeal_or_mediation_before_plan, r.assessment_decided_on,
               r.assessment_refused) f'
          else
            'select %s as sign, f.* from %s r cross join lateral public.sen2_deadline_facts(r.team, r.kind,
               r.due_on, r.met_on, r.starts_on, r.cancelled_on) f'
          end, sign, relation)
      $$`);
    // The statement adding `facts` (sign, then the facts' columns) to the tally of `schema`.
    await db.query(`
      create function sen2_tally_upsert(schema text, facts text) returns text
      language sql immutable as $$
        select format($f$
          insert into %I.sen2_tally as t (team, on_date, fact, exception, disputed, flag, within_20_weeks,
                 within_a_year, within_request_decision, within_review_decision, n, days)
          select team, on_date, fact, exception, disputed, flag,
                 fact = 'plan' and days <= 140, fact = 'plan' and days <= 364,
                 fact = 'request' and days <= 42, fact = 'review_decision' and days <= 28,
                 sum(sign), sum(sign * days)
            from (%s) facts
           group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
          on conflict on constraint sen2_tally_pkey
          do update set n = t.n + excluded.n, days = t.days + excluded.days $f$, schema, facts)
      $$`);
    // One trigger function for both tables: the transition tables are visible to its own statements.
    await db.query(`
      create function sen2_tally_keep() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          execute public.sen2_tally_upsert(tg_table_schema, public.sen2_facts_source(tg_table_name, 'old_rows', -1));
        end if;
        if tg_op in ('UPDATE', 'INSERT') then
          execute public.sen2_tally_upsert(tg_table_schema, public.sen2_facts_source(tg_table_name, 'new_rows', 1));
        end if;
        return null;
      end $$`);
    await db.query(`
      create function sen2_tally_install(schema text) returns void language plpgsql as $$
      declare source text;
      begin
        foreach source in array array['case_summary', 'case_deadline'] loop
          execute format('create trigger sen2_tally_insert after insert on %I.%I referencing new table as new_rows
                            for each statement execute function public.sen2_tally_keep()', schema, source);
          execute format('create trigger sen2_tally_update after update on %I.%I
                            referencing old table as old_rows new table as new_rows
                            for each statement execute function public.sen2_tally_keep()', schema, source);
          execute format('create trigger sen2_tally_delete after delete on %I.%I referencing old table as old_rows
                            for each statement execute function public.sen2_tally_keep()', schema, source);
        end loop;
      end $$`);
    // From scratch: after this migration, a rebuild's replay, or rows written without the triggers.
    await db.query(`
      create function sen2_tally_refill(schema text) returns void language plpgsql as $$
      begin
        execute format('delete from %I.sen2_tally', schema);
        execute public.sen2_tally_upsert(schema, public.sen2_facts_source('case_summary', format('%I.case_summary', schema), 1));
        execute public.sen2_tally_upsert(schema, public.sen2_facts_source('case_deadline', format('%I.case_deadline', schema), 1));
      end $$`);
    await db.query(`select sen2_tally_install('public')`);
    await db.query(`select sen2_tally_refill('public')`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['case_summary', 'case_deadline'])
      for (const op of ['insert', 'update', 'delete'])
        await db.query(`drop trigger if exists sen2_tally_${op} on ${table}`);
    await db.query(`
      drop function sen2_tally_refill(text), sen2_tally_install(text), sen2_tally_keep(),
        sen2_tally_upsert(text, text), sen2_facts_source(text, text, integer),
        sen2_deadline_facts(text, text, date, date, date, date),
        sen2_summary_facts(text, boolean, date, date, boolean, boolean, date, boolean)`);
    await db.query('drop table sen2_tally');
  }
}
