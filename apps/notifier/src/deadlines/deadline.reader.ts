import { Injectable } from '@nestjs/common';
import { isOpenOnSql, type CaseDeadlineEntity } from '@ehcp/read-models';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A case_deadline row, the deadline projection's read model, with what the relay last scheduled for
 * it (alert_schedule): the due date and when the deadline with that date became known.
 */
export type DeadlineRow = Readonly<CaseDeadlineEntity> & {
  readonly scheduledDueOn: string | null;
  readonly knownSince: Date | null;
};

// Dates as text: node-postgres would turn a `date` into a JavaScript Date at local midnight.
const COLUMNS = `d.id, d.case_id as "caseId", d.team, d.kind, d.ref, d.starts_on::text as "startsOn",
  d.due_on::text as "dueOn", d.met_on::text as "metOn", d.cancelled, d.cancelled_on::text as "cancelledOn",
  d.cancels_on::text as "cancelsOn",
  d.exception_applies as "exceptionApplies", d.rule, d.revision::float8 as revision,
  s.due_on::text as "scheduledDueOn", s.known_since as "knownSince"`;
const FROM = `case_deadline d left join alert_schedule s on s.deadline_id = d.id`;

/** Reads deadlines from the projection's table; alerts never write it. */
@Injectable()
export class DeadlineReader {
  constructor(private readonly db: DataSource) {}

  async find(id: string): Promise<DeadlineRow | null> {
    const [row] = await this.findMany([id]);
    return row ?? null;
  }

  findMany(ids: readonly string[], db: EntityManager = this.db.manager): Promise<DeadlineRow[]> {
    return db.query(`select ${COLUMNS} from ${FROM} where d.id = any($1)`, [ids]);
  }

  /**
   * Deadlines open on `today` (2nd ed.: one a pending cessation cancelled by then is not) due on or
   * before `lastDueOn`, in id order after `afterId`: the sweeper's pages.
   * Those whose overdue alert (the last one of a due date) was raised need nothing more and are skipped,
   * and so are those the relay has not scheduled yet (their outbox row waits): the relay decides when
   * a deadline became known, and the sweeper must not send early what the relay delays.
   */
  openDueBy(lastDueOn: string, afterId: string, limit: number, today: string): Promise<DeadlineRow[]> {
    return this.db.query(
      `select ${COLUMNS} from ${FROM}
        where ${isOpenOnSql('d', '$4')} and d.due_on <= $1 and d.id > $2 and s.due_on = d.due_on
          and not exists (select 1 from notification n
                           where n.deadline_id = d.id and n.alert_key = 'overdue' and n.due_on = d.due_on)
        order by d.id limit $3`,
      [lastDueOn, afterId, limit, today],
    );
  }
}
