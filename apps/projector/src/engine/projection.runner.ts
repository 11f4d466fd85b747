import { Logger } from '@nestjs/common';
import { backoffMs, sleep } from '@ehcp/config';
import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import { READ_MODELS_CHECKPOINT_CHANNEL } from '@ehcp/read-models';
import { CASE_STREAMS, type BatchApplier, type BatchResult, type ProjectionTarget } from './batch.applier';
import { readBatch } from './catch-up';
import { CheckpointMoved, readCheckpoint } from './checkpoint.store';
import { reportParked } from './dead-letter.report';
import { describeFailure, isEventFailure, stackFramesOf } from './event-failure';
import { projectionMetrics } from './projection.metrics';
import { LIVE_SCHEMA, type SqlClient } from './sql-client';
import { subscriptionBatches } from './subscription-batches';

const LIVE: ProjectionTarget = { schema: LIVE_SCHEMA, emitAlerts: true };

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /**
   * A live batch ends when no event follows within this (default 0: with what the subscription has
   * already read). Waiting longer only delays each live event by that much: while a batch is applied,
   * later commits gather and the next read hands them over together anyway.
   */
  readonly idleFlushMs?: number;
  /** Retry delays double from 100 ms up to this (default 30 s). */
  readonly maxBackoffMs?: number;
  /**
   * After this many failures in a row of the same batch (default 5, about 3 s of backoff), the next
   * attempt applies it event by event and parks the events that fail on their own (dead letters).
   */
  readonly isolateAfterFailures?: number;
  /** While catching up, how often the lag in events and seconds is measured (default 5 s). */
  readonly lagProbeMs?: number;
  /** The lag metrics' clock (tests move it). */
  readonly now?: () => Date;
}

/** Beyond this the lag probe stops counting: "at least this many". */
const LAG_PROBE_CAP = 10_000;

/**
 * Follows the event store's global log (case streams) from the live checkpoint: catch-up, then live.
 * Each batch is one transaction (rows, outbox, dead letters, checkpoint). Supervised: a failed batch
 * or a dropped subscription is logged and retried from the stored checkpoint with exponential
 * backoff. No single event stops it: once a batch has failed `isolateAfterFailures` times in a row
 * with what may be an event's fault, it is applied event by event and the events that fail on their
 * own are parked in the dead-letter table (with the later events of their cases); transient failures
 * (connection, timeouts, server state) are retried for ever and park nothing. Meant to run on the
 * leader's connection only.
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly batchSize: number;
  private readonly idleFlushMs: number;
  private readonly maxBackoffMs: number;
  private readonly isolateAfterFailures: number;
  private readonly lagProbeMs: number;
  private readonly now: () => Date;
  private checkpoint: string | null = null;
  private caughtUp = false;
  private probing = false;

  constructor(
    private readonly store: EventStore,
    private readonly applier: BatchApplier,
    options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleFlushMs = options.idleFlushMs ?? 0;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.isolateAfterFailures = options.isolateAfterFailures ?? 5;
    this.lagProbeMs = options.lagProbeMs ?? 5_000;
    this.now = options.now ?? (() => new Date());
    // A standby's series exist from the start (at 0), before it ever leads.
    projectionMetrics.register();
  }

  /** Runs until `signal` aborts; resolves once the batch in flight has committed or rolled back. */
  async run(db: SqlClient, signal: AbortSignal): Promise<void> {
    const probe = setInterval(() => void this.probeLag(), this.lagProbeMs);
    let failures = 0;
    let isolate = false;
    try {
      while (!signal.aborted) {
        try {
          await this.follow(db, signal, isolate, () => (failures = 0));
        } catch (error) {
          if (signal.aborted) break;
          if (error instanceof CheckpointMoved) {
            this.logger.warn(`${error.message}: resuming from the stored checkpoint`);
            isolate = false;
            continue;
          }
          failures += 1;
          isolate = failures >= this.isolateAfterFailures && isEventFailure(error);
          projectionMetrics.failed();
          const delay = backoffMs(failures, { baseMs: 100, maxMs: this.maxBackoffMs });
          // Redacted: a driver error carries the refused row (a child's name) in its detail and context.
          this.logger.error(
            {
              error: describeFailure(error),
              stack: stackFramesOf(error),
              attempt: failures,
              retryInMs: delay,
              checkpoint: this.checkpoint,
            },
            'projection batch failed; retrying from the checkpoint',
          );
          await sleep(delay, signal);
        }
      }
    } finally {
      clearInterval(probe);
    }
  }

  private async follow(
    db: SqlClient,
    signal: AbortSignal,
    isolate: boolean,
    onProgress: () => void,
  ): Promise<void> {
    this.checkpoint = await readCheckpoint(db, LIVE_SCHEMA);
    this.caughtUp = false;
    if (isolate) await this.isolateNextBatch(db, onProgress);
    // Ends the subscription when this attempt ends, whatever the reason, not only on shutdown.
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const items = this.store.subscribeToAll({
        from: this.checkpoint ?? undefined,
        filter: CASE_STREAMS,
        signal: attempt.signal,
        pageSize: this.batchSize,
      });
      for await (const batch of subscriptionBatches(items, this.batchSize, this.idleFlushMs)) {
        if (batch.events.length > 0) {
          const { checkpoint, result } = await this.applier.commit(db, LIVE, batch.events, this.checkpoint);
          this.committed(batch.events, checkpoint, result);
          await this.announce(db, checkpoint);
          onProgress();
        }
        // A short batch means the subscription had nothing more to hand over: we are at the head.
        if (batch.caughtUp || batch.events.length < this.batchSize) {
          this.caughtUp = true;
          projectionMetrics.caughtUp();
        } else this.caughtUp = false;
        if (signal.aborted) return;
      }
    } finally {
      signal.removeEventListener('abort', stop);
      attempt.abort();
    }
  }

  /**
   * The batch after the checkpoint (the one that kept failing, or a superset of it), applied event by
   * event in one transaction: what fails on its own is parked, the rest is applied.
   */
  private async isolateNextBatch(db: SqlClient, onProgress: () => void): Promise<void> {
    const events = await readBatch(this.store, this.checkpoint, this.batchSize);
    if (events.length === 0) return;
    this.logger.warn(
      { checkpoint: this.checkpoint, events: events.length },
      'projection batch keeps failing: applying it event by event',
    );
    const { checkpoint, result } = await this.applier.commit(db, LIVE, events, this.checkpoint, 'isolate');
    this.committed(events, checkpoint, result);
    await this.announce(db, checkpoint);
    onProgress();
  }

  private committed(events: readonly RecordedEvent[], checkpoint: string, result: BatchResult): void {
    this.checkpoint = checkpoint;
    projectionMetrics.applied(result.applied, events[events.length - 1].recordedAt, this.now());
    reportParked(this.logger, result.parked);
  }

  /**
   * Wakes the api's read-your-writes waits (ReadModelPosition) now rather than at their next poll.
   * After the commit, never inside it: the batch does not queue behind NOTIFY's commit-time lock, and a
   * waiter woken re-reads a checkpoint that is already visible. A lost one only delays a wait.
   */
  private async announce(db: SqlClient, checkpoint: string): Promise<void> {
    try {
      await db.query('select pg_notify($1, $2)', [READ_MODELS_CHECKPOINT_CHANNEL, checkpoint]);
    } catch (error) {
      this.logger.warn(`read-model checkpoint notification failed: ${(error as Error).message}`);
    }
  }

  /**
   * Counts (up to a cap) the case events after the checkpoint and dates the first of them; only while
   * catching up or failing, so a stuck batch shows as a lag that keeps growing.
   */
  private async probeLag(): Promise<void> {
    if (this.caughtUp || this.probing) return;
    this.probing = true;
    let behind = 0;
    let oldest: Date | null = null;
    try {
      for await (const event of this.store.readAll({
        from: this.checkpoint ?? undefined,
        filter: CASE_STREAMS,
        maxCount: LAG_PROBE_CAP,
      })) {
        oldest ??= event.recordedAt;
        behind += 1;
      }
      // The runner reached the head meanwhile: a stale count must not outlive its "caught up".
      if (this.caughtUp) return;
      projectionMetrics.behind(behind, oldest, this.now());
    } catch (error) {
      this.logger.warn(`projection lag probe failed: ${(error as Error).message}`);
    } finally {
      this.probing = false;
    }
  }
}
