import { Logger } from '@nestjs/common';
import { sleep } from '@ehcp/config';

/**
 * Wakes live readers after appends have committed, at most one NOTIFY in flight per store: a commit
 * that sends NOTIFY takes a server-wide lock, so a NOTIFY inside every append transaction made
 * concurrent appenders queue on it. An append that finishes while one is in flight sets `pending`,
 * and exactly one more NOTIFY follows, sent after that append's commit. Under steady overlapping
 * appends that next NOTIFY waits until `minIntervalMs` after the previous one started: back to back,
 * they cost a transaction every one or two appends; spaced, readers wake a millisecond or two later at
 * most, and only when appends overlap (an append alone carries its own NOTIFY). A NOTIFY that fails or
 * never comes only delays readers: they re-check the watermark every poll interval.
 */
export class CoalescedNotifySender {
  private readonly logger = new Logger(CoalescedNotifySender.name);
  private inFlight: Promise<void> | undefined;
  private pending = false;

  /** `send`: one NOTIFY in its own transaction (a round trip); `channel` names it in warnings. */
  constructor(
    private readonly send: () => Promise<unknown>,
    private readonly channel: string,
    private readonly minIntervalMs: number,
  ) {}

  /** Called after a commit; never waits and never throws. */
  notify(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = this.sendWhilePending();
  }

  /** Resolves once no NOTIFY is in flight (before the pool is ended). */
  async drain(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async sendWhilePending(): Promise<void> {
    for (;;) {
      this.pending = false;
      const started = Date.now();
      await this.send().catch((error: Error) =>
        this.logger.warn(`NOTIFY ${this.channel} failed: ${error.message}`),
      );
      if (!this.pending) break;
      const wait = started + this.minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait);
    }
    this.inFlight = undefined;
  }
}
