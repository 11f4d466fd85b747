import { randomUUID } from 'node:crypto';
import type { Clock } from '@ehcp/config';
import { deadlineRowId, isOpenSql } from '@ehcp/read-models';
import type { DataSource } from 'typeorm';

export interface TestDeadline {
  readonly caseId?: string;
  readonly team?: string;
  readonly kind?: string;
  readonly dueOn: string;
  readonly metOn?: string | null;
  readonly cancelled?: boolean;
  /**
   * When the projection wrote the change (alert_outbox.created_at): the deadline became known then.
   * Default: the clock's now. Earlier: recorded in time, relayed late (the notifier was down).
   */
  readonly knownAt?: Date | string;
}

/** When a change was written, as `TestDeadline.knownAt`. */
export interface ChangeOptions {
  readonly knownAt?: Date | string;
}

export interface DeadlineHandle {
  readonly id: string;
  readonly caseId: string;
}

/**
 * Writes case_deadline and alert_outbox rows as the deadline projection does (both in one
 * transaction), so notifier tests need neither the event store nor the projector.
 */
export class DeadlineRows {
  /** `clock`: the notifier's, so the rows are written "now" as it sees it; without one, the database's now(). */
  constructor(
    private readonly db: DataSource,
    private readonly clock?: Clock,
  ) {}

  async open(deadline: TestDeadline): Promise<DeadlineHandle> {
    const caseId = deadline.caseId ?? randomUUID();
    const kind = deadline.kind ?? 'final_plan';
    const id = deadlineRowId(caseId, kind);
    await this.db.transaction(async (db) => {
      await db.query(
        `insert into case_deadline (id, case_id, team, kind, ref, starts_on, due_on, met_on, cancelled,
                                    exception_applies, rule, revision)
         values ($1, $2, $3, $4, null, $5::date - 140, $5, $6, $7, false, 'SEND Regs 2014 reg 13(2)', 0)`,
        [
          id,
          caseId,
          deadline.team ?? 'north',
          kind,
          deadline.dueOn,
          deadline.metOn ?? null,
          deadline.cancelled ?? false,
        ],
      );
      await this.outbox(db, id, deadline.knownAt);
    });
    return { id, caseId };
  }

  move(id: string, dueOn: string, options: ChangeOptions = {}): Promise<void> {
    return this.change(id, 'due_on = $2', [dueOn], options);
  }

  meet(id: string, metOn: string, options: ChangeOptions = {}): Promise<void> {
    return this.change(id, 'met_on = $2', [metOn], options);
  }

  /** (2nd ed.) A pending cessation: the day it cancels the open deadline (null: lifted by an appeal). */
  ceaseOn(id: string, cancelsOn: string | null, options: ChangeOptions = {}): Promise<void> {
    return this.change(id, 'cancels_on = $2', [cancelsOn], options);
  }

  cancel(id: string, options: ChangeOptions = {}): Promise<void> {
    return this.change(id, 'cancelled = true', [], options);
  }

  /** What a projection rebuild does to these tables: the same rows again, each with a new outbox row. */
  async rebuild(): Promise<void> {
    await this.db.transaction(async (db) => {
      const rows: { id: string }[] = await db.query('select id from case_deadline order by id');
      await db.query('delete from alert_outbox');
      await db.query(`create temporary table rebuilt on commit drop as select * from case_deadline`);
      await db.query('delete from case_deadline');
      await db.query('insert into case_deadline select * from rebuilt');
      for (const { id } of rows) await this.outbox(db, id);
    });
  }

  async assignCaseworker(caseId: string, team: string, caseworkerId: string): Promise<void> {
    await this.db.query(
      `insert into case_summary (case_id, team, caseworker_id, stage, requested_by, request_received_on, revision)
       values ($1, $2, $3, 'requested', 'parent', '2025-09-01', 0)
       on conflict (case_id) do update set caseworker_id = excluded.caseworker_id`,
      [caseId, team, caseworkerId],
    );
  }

  private async change(
    id: string,
    set: string,
    values: unknown[],
    { knownAt }: ChangeOptions,
  ): Promise<void> {
    await this.db.transaction(async (db) => {
      await db.query(`update case_deadline set ${set}, revision = revision + 1 where id = $1`, [
        id,
        ...values,
      ]);
      await this.outbox(db, id, knownAt);
    });
  }

  /** The outbox row of the deadline's change: its due date and openness as it now stands. */
  private async outbox(db: Pick<DataSource, 'query'>, id: string, knownAt?: Date | string): Promise<void> {
    const createdAt = knownAt ?? this.clock?.now() ?? null;
    await db.query(
      `insert into alert_outbox (deadline_id, due_on, open, created_at)
       select id, due_on, ${isOpenSql()}, coalesce($2::timestamptz, now())
         from case_deadline where id = $1`,
      [id, createdAt === null ? null : new Date(createdAt)],
    );
  }
}
