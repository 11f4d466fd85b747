import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { alertJobData, alertJobId, alertPolicyConfigOf, alertScheduleOf, alertsOf } from '@ehcp/alerts';
import { APP_CONFIG, type AppConfig, backoffMs, Clock, withTimeout } from '@ehcp/config';
import { DataSource, type EntityManager } from 'typeorm';
import { DeadlineReader, type DeadlineRow } from '../deadlines/deadline.reader';
import { NOTHING_SCHEDULED, scheduleOf, type OutboxRow, type Scheduled } from './alert-schedule.fold';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';
import { AlertQueues, type ScheduledAlert } from '../queues/alert-queues';

/** Namespace of the relay's per-deadline advisory locks (the other half is the deadline id's hash). */
const LOCK_NAMESPACE = 727_145_002;
/** Namespace of the advisory locks that claim outbox rows (the other half is the row id's hash). */
const OUTBOX_LOCK_NAMESPACE = 727_145_005;
const MAX_ERROR_BACKOFF_MS = 30_000;
const REDIS_TIMEOUT_MS = 10_000;

/**
 * Relays alert_outbox rows to BullMQ delayed jobs. A row only says "this deadline changed": the relay
 * schedules from the deadline's current row, so rows relayed twice, late or out of order (a rebuild,
 * a crash before the commit, two notifiers) all converge on the same jobs.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopping = false;
  private running?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly db: DataSource,
    private readonly deadlines: DeadlineReader,
    private readonly queues: AlertQueues,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.loop();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  /**
   * Relays one batch; returns how many rows. Rows are claimed with advisory locks, so notifiers share
   * the outbox, and marked relayed in the same transaction after their jobs were added: a crash in
   * between relays them again, which the deterministic job ids make harmless. Nothing is written
   * before the jobs are in Redis: a transaction gets its id at its first write (or row lock), and
   * while it has one the event store shows no later commit to its readers (its watermark), so a
   * transaction id held across Redis round trips delayed every projection and read-your-writes wait.
   */
  relayOnce(): Promise<number> {
    return this.db.transaction(async (db) => {
      const rows = await this.claimRows(db);
      if (rows.length === 0) return 0;
      const deadlineIds = [...new Set(rows.map((row) => row.deadlineId))].sort();
      // Two notifiers with rows of one deadline would interleave removals and additions; sorted: no deadlock.
      for (const id of deadlineIds) {
        await db.query('select pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, id]);
      }
      const current = new Map((await this.deadlines.findMany(deadlineIds, db)).map((d) => [d.id, d]));
      const scheduled = await this.scheduledOf(db, deadlineIds);
      const now = this.clock.now();
      const obsolete: string[] = [];
      const wanted: ScheduledAlert[] = [];
      const schedules: (Scheduled & { deadlineId: string })[] = [];
      for (const id of deadlineIds) {
        const deadline = current.get(id);
        const before = scheduled.get(id) ?? NOTHING_SCHEDULED;
        const rowsOf = rows.filter((row) => row.deadlineId === id);
        const kept = scheduleOf(before, rowsOf, deadline);
        for (const dueOn of new Set([before.dueOn, ...rowsOf.map((row) => row.dueOn)])) {
          if (dueOn && dueOn !== kept.dueOn) obsolete.push(...this.jobIdsOf(id, dueOn));
        }
        if (deadline !== undefined && kept.dueOn !== null) {
          wanted.push(...this.alertsFor({ ...deadline, knownSince: kept.knownSince }, now));
          obsolete.push(...this.cancelledJobIdsOf(deadline, kept.dueOn));
        }
        schedules.push({ deadlineId: id, ...kept });
      }
      // Bounded: with Redis away its commands would queue for ever while this transaction holds the rows.
      await withTimeout(
        this.queues.removeAlerts(obsolete).then(() => this.queues.addAlerts(wanted)),
        REDIS_TIMEOUT_MS,
        'Redis',
      );
      // One statement: the transaction's id lives from here to the commit, one round trip later.
      await db.query(
        `with schedule as (
           insert into alert_schedule (deadline_id, due_on, known_since, outbox_id, updated_at)
           select deadline_id, due_on, known_since, outbox_id, $5::timestamptz
           from unnest($1::text[], $2::date[], $3::timestamptz[], $4::bigint[])
             as kept (deadline_id, due_on, known_since, outbox_id)
           on conflict (deadline_id) do update
             set due_on = excluded.due_on, known_since = excluded.known_since, outbox_id = excluded.outbox_id,
                 updated_at = excluded.updated_at
         )
         update alert_outbox set relayed_at = $5 where id = any($6)`,
        [
          schedules.map((kept) => kept.deadlineId),
          schedules.map((kept) => kept.dueOn),
          schedules.map((kept) => kept.knownSince),
          schedules.map((kept) => kept.outboxId),
          now,
          rows.map((r) => r.id),
        ],
      );
      return rows.length;
    });
  }

  /**
   * The next unrelayed rows no other notifier holds, without locking them as rows (that would give the
   * transaction its id at once). The advisory locks are taken while the first statement scans, so its
   * snapshot may predate another notifier's commit of the same rows: they are read again, unrelayed
   * only, once held.
   */
  private async claimRows(db: EntityManager): Promise<OutboxRow[]> {
    const claimed: { id: string }[] = await db.query(
      `select id from alert_outbox
         where relayed_at is null and pg_try_advisory_xact_lock($1, hashtext(id::text))
         order by id limit $2`,
      [OUTBOX_LOCK_NAMESPACE, this.options.relayBatchSize],
    );
    if (claimed.length === 0) return [];
    return db.query(
      `select id, deadline_id as "deadlineId", due_on::text as "dueOn", open, created_at as "createdAt"
         from alert_outbox where id = any($1) and relayed_at is null order by id`,
      [claimed.map((row) => row.id)],
    );
  }

  /** The alert due now, if any (fires at once), and each later one as a delayed job. */
  private alertsFor(deadline: DeadlineRow, now: Date): ScheduledAlert[] {
    const schedule = alertScheduleOf(deadline, now, alertPolicyConfigOf(this.config));
    return [...(schedule.now ? [schedule.now] : []), ...schedule.later].map((alert) => ({
      data: alertJobData(deadline, alert),
      delay: Math.max(0, alert.sendAt.getTime() - now.getTime()),
    }));
  }

  /**
   * (2nd ed.) The jobs of alerts dated on or after the day a pending cessation cancels the deadline
   * (DOMAIN.md "Cessation"): planned before the decision, never to go out now. Should the day be lifted
   * (an appeal), the policy plans them again. A job that escapes removal finds the deadline no longer
   * open on its day.
   */
  private cancelledJobIdsOf(deadline: DeadlineRow, dueOn: string): string[] {
    const { cancelsOn } = deadline;
    if (cancelsOn === null) return [];
    return alertsOf(dueOn, alertPolicyConfigOf(this.config))
      .filter((alert) => alert.firesOn >= cancelsOn)
      .map((alert) => alertJobId(deadline.id, alert.key, dueOn));
  }

  private jobIdsOf(deadlineId: string, dueOn: string): string[] {
    return alertsOf(dueOn, alertPolicyConfigOf(this.config)).map((alert) =>
      alertJobId(deadlineId, alert.key, dueOn),
    );
  }

  private async scheduledOf(db: EntityManager, deadlineIds: string[]): Promise<Map<string, Scheduled>> {
    const rows: (Scheduled & { deadlineId: string })[] = await db.query(
      `select deadline_id as "deadlineId", due_on::text as "dueOn", known_since as "knownSince",
              outbox_id::text as "outboxId"
         from alert_schedule where deadline_id = any($1)`,
      [deadlineIds],
    );
    return new Map(rows.map(({ deadlineId, ...scheduled }) => [deadlineId, scheduled]));
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.logger.error(`outbox relay failed (${failures} in a row): ${(error as Error).message}`);
      }
      // A full batch means more rows wait: go on at once. Failures back off up to 30 s.
      if (relayed < this.options.relayBatchSize || failures > 0) {
        // failures + 1: the first pause after a failure is already twice the polling interval.
        await this.pause(
          backoffMs(failures + 1, { baseMs: this.options.relayIntervalMs, maxMs: MAX_ERROR_BACKOFF_MS }),
        );
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping) return resolve();
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
