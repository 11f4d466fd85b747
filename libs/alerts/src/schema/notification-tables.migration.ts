import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationTables1795420800000 implements MigrationInterface {
  readonly name = 'NotificationTables1795420800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table notification (
        id uuid primary key,
        deadline_id text not null,
        case_id text not null,
        team text not null,
        kind text not null check (kind in ('due_soon', 'overdue')),
        warn_days integer,
        alert_key text not null,
        due_on date not null,
        fire_at timestamptz not null,
        deadline jsonb not null,
        created_at timestamptz not null,
        constraint notification_alert_once unique (deadline_id, alert_key, due_on)
      )`);
    await db.query(`create index notification_team_created on notification (team, created_at)`);
    await db.query(`create index notification_case_created on notification (case_id, created_at)`);
    await db.query(`
      create table notification_delivery (
        notification_id uuid not null references notification (id) on delete cascade,
        channel text not null,
        status text not null check (status in ('pending', 'sent', 'failed')),
        attempts integer not null default 0,
        last_error text,
        recipients text[],
        created_at timestamptz not null,
        updated_at timestamptz not null,
        sent_at timestamptz,
        primary key (notification_id, channel)
      )`);
    await db.query(
      `create index notification_delivery_pending on notification_delivery (updated_at) where status = 'pending'`,
    );
    await db.query(`
      create table alert_schedule (
        deadline_id text primary key,
        due_on date,
        updated_at timestamptz not null
      )`);
    await db.query(`create table caseworker_email (caseworker_id text primary key, email text not null)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table caseworker_email, alert_schedule, notification_delivery, notification');
  }
}
