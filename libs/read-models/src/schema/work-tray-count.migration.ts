import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work tray's `total` counted as the rows are written: table work_tray_count holds how many cases
 * each team, caseworker (null: none) and stored stage has, so that a page's total sums a few hundred
 * rows instead of counting every case the filter takes (600,000 in the benchmark, on every page).
 * WorkTrayQuery corrects it for the stage shown on the day asked about (shown-stage.ts): a ceasing
 * plan whose day has come is shown `ceased`, read from the few such rows (case_summary_ceasing).
 *
 * Statement-level triggers with transition tables keep it, as they keep timeliness_tally: each statement
 * on case_summary takes its old rows off and adds its new rows, in the same transaction. Only groups
 * whose count changes are written (most updates leave team, caseworker and stage as they were), in key
 * order so that concurrent writers lock them in the same order. The triggers write to the count of
 * the schema their table is in: a rebuild's shadow tables get them once refilled, and keep them when
 * swapped in. Written out here rather than taken from the code: a shipped migration never changes.
 */
export class WorkTrayCount1798260000000 implements MigrationInterface {
  readonly name = 'WorkTrayCount1798260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table work_tray_count (
        team text not null,
        caseworker_id text,
        stage text not null,
        n bigint not null,
        constraint work_tray_count_key unique nulls not distinct (team, caseworker_id, stage)
      )`);
    // The statement adding `rows` (team, caseworker_id, stage, n) to the count of `schema`.
    await db.query(`
      create function work_tray_count_upsert(schema text, rows text) returns text
      language sql immutable as $$
        select format($f$
          insert into %I.work_tray_count as t (team, caseworker_id, stage, n)
          select team, caseworker_id, stage, sum(n) from (%s) r
           group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
          on conflict on constraint work_tray_count_key do update set n = t.n + excluded.n $f$, schema, rows)
      $$`);
    await db.query(`
      create function work_tray_count_keep() returns trigger language plpgsql as $$
      begin
        execute public.work_tray_count_upsert(tg_table_schema, case tg_op
          when 'INSERT' then 'select team, caseworker_id, stage, 1 as n from new_rows'
          when 'DELETE' then 'select team, caseworker_id, stage, -1 as n from old_rows'
          else 'select team, caseworker_id, stage, 1 as n from new_rows
                union all select team, caseworker_id, stage, -1 from old_rows' end);
        return null;
      end $$`);
    await db.query(`
      create function work_tray_count_install(schema text) returns void language plpgsql as $$
      begin
        execute format('create trigger work_tray_count_insert after insert on %I.case_summary
                          referencing new table as new_rows
                          for each statement execute function public.work_tray_count_keep()', schema);
        execute format('create trigger work_tray_count_update after update on %I.case_summary
                          referencing old table as old_rows new table as new_rows
                          for each statement execute function public.work_tray_count_keep()', schema);
        execute format('create trigger work_tray_count_delete after delete on %I.case_summary
                          referencing old table as old_rows
                          for each statement execute function public.work_tray_count_keep()', schema);
      end $$`);
    // From scratch: after this migration, a rebuild's replay, or rows written without the triggers.
    await db.query(`
      create function work_tray_count_refill(schema text) returns void language plpgsql as $$
      begin
        execute format('delete from %I.work_tray_count', schema);
        execute public.work_tray_count_upsert(schema,
          format('select team, caseworker_id, stage, 1 as n from %I.case_summary', schema));
      end $$`);
    await db.query(`select work_tray_count_install('public')`);
    await db.query(`select work_tray_count_refill('public')`);
    // The plans shown `ceased` while stored `ceasing`: the count's correction reads them alone.
    await db.query(`
      create index case_summary_ceasing on case_summary (ceases_on) include (team, caseworker_id)
        where stage = 'ceasing' and ceases_on is not null`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index case_summary_ceasing');
    for (const op of ['insert', 'update', 'delete'])
      await db.query(`drop trigger if exists work_tray_count_${op} on case_summary`);
    await db.query(`
      drop function work_tray_count_refill(text), work_tray_count_install(text), work_tray_count_keep(),
        work_tray_count_upsert(text, text)`);
    await db.query('drop table work_tray_count');
  }
}
