import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns this migration drops: nothing read them (the relay only asked whether a row was open). */
const UNREAD = ['case_id', 'team', 'kind', 'change', 'met_on', 'cancelled'];

/**
 * alert_outbox keeps only what the relay reads: the deadline, its due date and whether it is open
 * after the change. Rows written before, relayed or not, get `open` from the very test the relay
 * applied to them (`met_on is null and not cancelled`), so queued rows are relayed as they would
 * have been. Written out here rather than taken from the code: a shipped migration never changes.
 */
export class AlertOutboxFacts1797206400000 implements MigrationInterface {
  readonly name = 'AlertOutboxFacts1797206400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('alter table alert_outbox add column open boolean');
    await db.query('update alert_outbox set open = (met_on is null and not cancelled)');
    await db.query(
      `alter table alert_outbox alter column open set not null,
         ${UNREAD.map((column) => `drop column ${column}`).join(', ')}`,
    );
  }

  /**
   * The previous shape, filled so that the previous relay reads each row's openness as before
   * (`cancelled` = not open). The dropped facts are gone: a closed row reads `cancelled` whether it
   * was met or cancelled, an open one `opened`; case and kind come from the deadline id
   * (`<caseId>/<kind>[-<ref>]`), the team from the deadline's row ('' once that row is gone).
   */
  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `alter table alert_outbox
         add column case_id text, add column team text, add column kind text, add column change text,
         add column met_on date, add column cancelled boolean`,
    );
    await db.query(`
      update alert_outbox o
         set case_id = split_part(o.deadline_id, '/', 1),
             kind = split_part(split_part(o.deadline_id, '/', 2), '-', 1),
             team = coalesce((select d.team from case_deadline d where d.id = o.deadline_id), ''),
             change = case when o.open then 'opened' else 'cancelled' end,
             cancelled = not o.open`);
    await db.query(
      `alter table alert_outbox
         alter column case_id set not null, alter column team set not null, alter column kind set not null,
         alter column change set not null, alter column cancelled set not null,
         add check (change in ('opened', 'moved', 'met', 'cancelled')),
         drop column open`,
    );
  }
}
