import { Logger } from '@nestjs/common';
import { sleep } from '@ehcp/config';
import type { EventStore } from '@ehcp/event-store';
import { CASE_STREAMS, type BatchApplier, type ProjectionTarget } from './batch.applier';
import { CheckpointMoved, readCheckpoint } from './checkpoint.store';
import { projectionMetrics } from './projection.metrics';
import { LIVE_SCHEMA, type SqlClient } from './sql-client';
import { subscriptionBatches } from './subscription-batches';

const LIVE: ProjectionTarget = { schema: LIVE_SCHEMA, emitAlerts: true };

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /** A live batch ends when no event follows within this (default 10 ms). */
  readonly idleFlushMs?: number;
  /** Retry delays double from 100 ms up to this (default 30 s). */
  readonly maxBackoffMs?: number;
  /** While catching up, how often the lag in events and seconds is measured (default 5 s). */
  readonly lagProbeMs?: number;
  /** The lag metrics' clock (tests move it). */
  readonly now?: () => Date;
}

/** Beyond this the lag probe stops counting: "at least this many". */
const LAG_PROBE_CAP = 10_000;

/**
 * Follows the event store's global log (case streams) from the live checkpoint: catch-up, then live.
 * Each batch is one transaction (rows, outbox, checkpoint). Supervised: a failed batch or a dropped
 * subscription is logged and retried from the stored checkpoint with exponential backoff, never
 * skipped. Meant to run on the leader's connection only.
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly batchSize: number;
  private readonly idleFlushMs: number;
  private readonly maxBackoffMs: number;
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
    this.idleFlushMs = options.idleFlushMs ?? 10;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.lagProbeMs = options.lagProbeMs ?? 5_000;
    this.now = options.now ?? (() => new Date());
    // A standby's series exist from the start (at 0), before it ever leads.
    projectionMetrics.register();
  }

  /** Runs until `signal` aborts; resolves once the batch in flight has committed or rolled back. */
  async run(db: SqlClient, signal: AbortSignal): Promise<void> {
    const probe = setInterval(() => void this.probeLag(), this.lagProbeMs);
    let failures = 0;
    try {
      while (!signal.aborted) {
        try {
          await this.follow(db, signal, () => (failures = 0));
        } catch (error) {
          if (signal.aborted) break;
          if (error instanceof CheckpointMoved) {
            this.logger.warn(`${error.message}: resuming from the stored checkpoint`);
            continue;
          }
          failures += 1;
          projectionMetrics.failed();
          const delay = Math.min(this.maxBackoffMs, 100 * 2 ** (failures - 1));
          this.logger.error(
            { err: error, attempt: failures, retryInMs: delay, checkpoint: this.checkpoint },
            'projection batch failed; retrying from the checkpoint',
          );
          await sleep(delay, signal);
        }
      }
    } finally {
      clearInterval(probe);
    }
  }

  private async follow(db: SqlClient, signal: AbortSignal, onProgress: () => void): Promise<void> {
    this.checkpoint = await readCheckpoint(db, LIVE_SCHEMA);
    this.caughtUp = false;
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
          const { checkpoint } = await this.applier.commit(db, LIVE, batch.events, this.checkpoint);
          this.checkpoint = checkpoint;
          const last = batch.events[batch.events.length - 1];
          projectionMetrics.applied(batch.events.length, last.recordedAt, this.now());
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
