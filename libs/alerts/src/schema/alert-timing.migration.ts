import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each deadline's due date became known (alerts already due by then wait for the next
 * ALERT_LOCAL_TIME), and the daily e-mail digests (ALERT_EMAIL_MODE=digest).
 */
export class AlertTiming1796601600000 implements MigrationInterface {
  readonly name = 'AlertTiming1796601600000';

  async up(db: QueryRunner): Promise<void> {
    // Rows relayed before these columns existed keep null: known before any of their alerts, as then.
    await db.query(
      `alter table alert_schedule add column known_since timestamptz, add column outbox_id bigint`,
    );
    await db.query(`
      create table alert_digest (
        recipient text not null,
        digest_on date not null,
        status text not null check (status in ('pending', 'sent', 'failed')),
        attempts integer not null default 0,
        last_error text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        sent_at timestamptz,
        primary key (recipient, digest_on)
      )`);
    await db.query(`create index alert_digest_pending on alert_digest (digest_on) where status = 'pending'`);
    await db.query(`
      create table alert_digest_item (
        notification_id uuid not null references notification (id) on delete cascade,
        recipient text not null,
        digest_on date,
        primary key (notification_id, recipient)
      )`);
    await db.query(
      `create index alert_digest_item_waiting on alert_digest_item (recipient) where digest_on is null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table alert_digest_item, alert_digest');
    await db.query('alter table alert_schedule drop column known_since, drop column outbox_id');
  }
}
