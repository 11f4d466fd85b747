import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An open deadline: the only ones whose status depends on the evaluation date. */
const OPEN = 'where met_on is null and not cancelled';

/**
 * The read models (DESIGN.md, Projections). Every query has an index: the work tray and the deadline
 * lists scan in due-date order, SEN2 scans first final plans by issue date, QA scans audits by date.
 * Append-only: never edit a shipped migration, add another.
 */
export class ReadModels1763000000000 implements MigrationInterface {
  readonly name = 'ReadModels1763000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table projection_checkpoint (
        name text primary key,
        position text,
        updated_at timestamptz not null default now()
      )`);
    await db.query(`insert into projection_checkpoint (name, position) values ('read-models', null)`);

    await db.query(`
      create table case_state (
        case_id text primary key,
        state jsonb not null,
        revision bigint not null,
        event_count integer not null
      )`);

    await db.query(`
      create table case_summary (
        case_id text primary key,
        reference text,
        team text not null,
        caseworker_id text,
        stage text not null,
        requested_by text not null,
        request_received_on date not null,
        child_first_name text,
        child_last_name text,
        child_date_of_birth date,
        first_final_plan_issued_on date,
        final_plan_exception_applies boolean not null default false,
        next_deadline_id text,
        next_due_on date,
        revision bigint not null
      )`);
    // Work tray: most urgent first (next open due date, nulls last), by team, caseworker or stage.
    await db.query('create index case_summary_tray on case_summary (next_due_on, case_id)');
    await db.query('create index case_summary_team_tray on case_summary (team, next_due_on, case_id)');
    await db.query(
      'create index case_summary_caseworker_tray on case_summary (caseworker_id, next_due_on, case_id)',
    );
    await db.query('create index case_summary_stage_tray on case_summary (stage, next_due_on, case_id)');
    // SEN2: new plans by issue date, covering the columns the figures need (index-only scans).
    await db.query(`
      create index case_summary_new_plans on case_summary (first_final_plan_issued_on)
        include (team, request_received_on, final_plan_exception_applies)
        where first_final_plan_issued_on is not null`);
    await db.query(`
      create index case_summary_team_new_plans on case_summary (team, first_final_plan_issued_on)
        include (request_received_on, final_plan_exception_applies)
        where first_final_plan_issued_on is not null`);

    await db.query(`
      create table case_deadline (
        id text primary key,
        case_id text not null,
        team text not null,
        kind text not null,
        ref text,
        starts_on date not null,
        due_on date not null,
        met_on date,
        cancelled boolean not null default false,
        cancelled_on date,
        exception_applies boolean not null default false,
        rule text not null,
        revision bigint not null
      )`);
    await db.query('create index case_deadline_case on case_deadline (case_id)');
    // overdue / due_soon / on_track are due-date ranges over open deadlines.
    await db.query(`create index case_deadline_open_due on case_deadline (due_on, id) ${OPEN}`);
    await db.query(`create index case_deadline_open_team_due on case_deadline (team, due_on, id) ${OPEN}`);
    await db.query(`create index case_deadline_open_kind_due on case_deadline (kind, due_on, id) ${OPEN}`);
    // met / met_late / cancelled and unfiltered listings.
    await db.query('create index case_deadline_team_kind_due on case_deadline (team, kind, due_on)');
    await db.query('create index case_deadline_due on case_deadline (due_on, id)');

    await db.query(`
      create table qa_audit (
        id text primary key,
        case_id text not null,
        audit_id text not null,
        team text not null,
        plan_version text not null,
        audited_on date not null,
        auditor_role text not null,
        overall_grade text not null,
        score_a smallint, score_b smallint, score_c smallint, score_d smallint, score_e smallint,
        score_f smallint, score_g smallint, score_h1 smallint, score_h2 smallint, score_i smallint,
        score_j smallint, score_k smallint,
        revision bigint not null
      )`);
    await db.query('create index qa_audit_audited on qa_audit (audited_on)');
    await db.query('create index qa_audit_team_audited on qa_audit (team, audited_on)');
    await db.query('create index qa_audit_case on qa_audit (case_id)');

    // Not a projection: the notifier marks rows relayed, and a rebuild never rewrites it.
    await db.query(`
      create table alert_outbox (
        id bigserial primary key,
        deadline_id text not null,
        case_id text not null,
        team text not null,
        kind text not null,
        change text not null check (change in ('opened', 'moved', 'met', 'cancelled')),
        due_on date not null,
        met_on date,
        cancelled boolean not null,
        created_at timestamptz not null default now(),
        relayed_at timestamptz
      )`);
    await db.query('create index alert_outbox_pending on alert_outbox (id) where relayed_at is null');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'drop table alert_outbox, qa_audit, case_deadline, case_summary, case_state, projection_checkpoint',
    );
  }
}
