import { Injectable } from '@nestjs/common';
import type { CaseDeadlineEntity } from '@ehcp/read-models';
import { DataSource, type EntityManager } from 'typeorm';

/** A case_deadline row, the deadline projection's read model. */
export type DeadlineRow = Readonly<CaseDeadlineEntity>;

// Dates as text: node-postgres would turn a `date` into a JavaScript Date at local midnight.
const COLUMNS = `id, case_id as "caseId", team, kind, ref, starts_on::text as "startsOn", due_on::text as "dueOn",
  met_on::text as "metOn", cancelled, cancelled_on::text as "cancelledOn", exception_applies as "exceptionApplies",
  rule, revision::float8 as revision`;

/** Reads deadlines from the projection's table; alerts never write it. */
@Injectable()
export class DeadlineReader {
  constructor(private readonly db: DataSource) {}

  async find(id: string): Promise<DeadlineRow | null> {
    const [row] = await this.findMany([id]);
    return row ?? null;
  }

  findMany(ids: readonly string[], db: EntityManager = this.db.manager): Promise<DeadlineRow[]> {
    return db.query(`select ${COLUMNS} from case_deadline where id = any($1)`, [ids]);
  }

  /**
   * Open deadlines due on or before `lastDueOn`, in id order after `afterId`: the sweeper's pages.
   * Those whose overdue alert (the last one of a due date) was raised need nothing more and are skipped.
   */
  openDueBy(lastDueOn: string, afterId: string, limit: number): Promise<DeadlineRow[]> {
    return this.db.query(
      `select ${COLUMNS} from case_deadline d
        where met_on is null and not cancelled and due_on <= $1 and id > $2
          and not exists (select 1 from notification n
                           where n.deadline_id = d.id and n.alert_key = 'overdue' and n.due_on = d.due_on)
        order by id limit $3`,
      [lastDueOn, afterId, limit],
    );
  }
}
