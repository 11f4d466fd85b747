import { Injectable } from '@nestjs/common';
import { EventStore } from '@ehcp/event-store';
import { DataSource } from 'typeorm';
import { CHECKPOINT_NAME, ProjectionCheckpointEntity } from '../schema/projection-checkpoint.entity';

const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 100;

/** Read-your-writes: how far the read models have applied the log, compared by the event store. */
@Injectable()
export class ReadModelPosition {
  constructor(
    private readonly db: DataSource,
    private readonly store: EventStore,
  ) {}

  /**
   * Waits until the read models include `minPosition` (a command's position): true as soon as they
   * do, false after `timeoutMs`. Throws the store's InvalidPosition for a position it never issued.
   */
  async waitFor(minPosition: string, timeoutMs: number): Promise<boolean> {
    this.store.comparePositions(minPosition, minPosition); // validates before any waiting
    const deadline = Date.now() + timeoutMs;
    let pollMs = FIRST_POLL_MS;
    for (;;) {
      const checkpoint = await this.current();
      if (checkpoint !== null && this.store.isAtOrAfter(checkpoint, minPosition)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, left)));
      pollMs = Math.min(MAX_POLL_MS, pollMs * 2);
    }
  }

  async current(): Promise<string | null> {
    const row = await this.db.getRepository(ProjectionCheckpointEntity).findOneBy({ name: CHECKPOINT_NAME });
    return row?.position ?? null;
  }
}
