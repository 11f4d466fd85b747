import { Inject, Injectable, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventStore, PostgresNotificationListener } from '@ehcp/event-store';
import type { ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { CHECKPOINT_NAME, ProjectionCheckpointEntity } from '../schema/projection-checkpoint.entity';

/** NOTIFY channel the projector signals after each live batch commits (payload: the new checkpoint). */
export const READ_MODELS_CHECKPOINT_CHANNEL = 'read_models_checkpoint';

/**
 * With the listener up, a waiter wakes on the projector's notification; the re-read every so often is
 * only the safety net for a notification lost (listener down or reconnecting), so it can be slow.
 * A token rather than a setting: tests set it to tell the two paths apart.
 */
export const READ_MODEL_POSITION_POLL_MS = Symbol('READ_MODEL_POSITION_POLL_MS');
const FALLBACK_POLL_MS = 250;

/**
 * Read-your-writes: how far the read models have applied the log, compared by the event store. A
 * wait re-reads the checkpoint when the projector announces a commit on one LISTEN connection shared
 * by the process, so it answers within a round trip of the commit instead of at the next poll.
 */
@Injectable()
export class ReadModelPosition implements OnModuleInit, OnModuleDestroy {
  private readonly listener: PostgresNotificationListener;
  /** The checkpoint read in flight, and the notification generation it started at. */
  private reading: { readonly generation: number; readonly checkpoint: Promise<string | null> } | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
    @Optional() @Inject(READ_MODEL_POSITION_POLL_MS) private readonly pollMs: number = FALLBACK_POLL_MS,
  ) {
    this.listener = new PostgresNotificationListener(
      clientConfigOf(db.options as PostgresConnectionOptions),
      READ_MODELS_CHECKPOINT_CHANNEL,
    );
  }

  /** LISTEN before the first request waits; a failure is logged and the waits poll until it is back. */
  async onModuleInit(): Promise<void> {
    await this.listener.ensureListening();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.close();
  }

  /**
   * Waits until the read models include `minPosition` (a command's position): true as soon as they
   * do, false after `timeoutMs`. Throws the store's InvalidPosition for a position it never issued.
   */
  async waitFor(minPosition: string, timeoutMs: number): Promise<boolean> {
    this.store.comparePositions(minPosition, minPosition); // validates before any waiting
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Taken before the read: a commit announced between the read and the wait still wakes it.
      const generation = this.listener.currentGeneration;
      if (this.announced(minPosition)) return true;
      const checkpoint = await this.checkpointSince(generation);
      if (checkpoint !== null && this.store.isAtOrAfter(checkpoint, minPosition)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.listener.waitForNotification(generation, Math.min(this.pollMs, left));
    }
  }

  /**
   * Whether the projector's last notification already covers `minPosition`: it names a checkpoint it
   * sent only once committed, so the read models include it, and the wait needs no query of its own.
   * Anything else in the payload (another sender's) is not taken for a checkpoint.
   */
  private announced(minPosition: string): boolean {
    const checkpoint = this.listener.lastPayload;
    if (checkpoint === '') return false;
    try {
      return this.store.isAtOrAfter(checkpoint, minPosition);
    } catch {
      return false;
    }
  }

  /**
   * One read shared by every waiter a notification woke: a read that started once `generation` had
   * been reached already reflects every commit announced up to it. So a burst of waiters costs one
   * query per projector commit, not one each.
   */
  private checkpointSince(generation: number): Promise<string | null> {
    if (this.reading && this.reading.generation >= generation) return this.reading.checkpoint;
    const reading = { generation: this.listener.currentGeneration, checkpoint: this.current() };
    this.reading = reading;
    const done = () => {
      if (this.reading === reading) this.reading = undefined;
    };
    reading.checkpoint.then(done, done);
    return reading.checkpoint;
  }

  async current(): Promise<string | null> {
    const row = await this.db.getRepository(ProjectionCheckpointEntity).findOneBy({ name: CHECKPOINT_NAME });
    return row?.position ?? null;
  }
}

/** The read models' own connection settings, for the one LISTEN connection outside their pool. */
function clientConfigOf(options: PostgresConnectionOptions): ClientConfig {
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: typeof options.password === 'string' ? options.password : undefined,
    database: options.database,
  };
}
