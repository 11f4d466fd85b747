import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';

/**
 * Wakes live readers after appends have committed, at most one NOTIFY in flight per store: a commit
 * that sends NOTIFY takes a server-wide lock, so a NOTIFY inside every append transaction made
 * concurrent appenders queue on it. An append that finishes while one is in flight sets `pending`,
 * and exactly one more NOTIFY follows, sent after that append's commit. A NOTIFY that fails or never
 * comes only delays readers: they re-check the watermark every poll interval.
 */
export class CoalescedNotifySender {
  private readonly logger = new Logger(CoalescedNotifySender.name);
  private inFlight: Promise<void> | undefined;
  private pending = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
  ) {}

  /** Called after a commit; never waits and never throws. */
  notify(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = this.send();
  }

  /** Resolves once no NOTIFY is in flight (before the pool is ended). */
  async drain(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async send(): Promise<void> {
    do {
      this.pending = false;
      await this.pool
        .query('select pg_notify($1, $2)', [this.channel, ''])
        .catch((error: Error) => this.logger.warn(`NOTIFY ${this.channel} failed: ${error.message}`));
    } while (this.pending);
    this.inFlight = undefined;
  }
}
