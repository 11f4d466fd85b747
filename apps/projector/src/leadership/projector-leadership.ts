import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, backoffMs, metricsRegistry, sleep, type AppConfig } from '@ehcp/config';
import { EventStore } from '@ehcp/event-store';
import { projectionsWith, searchHasher } from '@ehcp/read-models';
import type { Client } from 'pg';
import { Gauge } from 'prom-client';
import { BatchApplier } from '../engine/batch.applier';
import { ProjectionRunner } from '../engine/projection.runner';
import { connectSqlClient } from '../engine/sql-client';

/** Session advisory lock of the active projector (the read models' migration lock is another number). */
export const LEADER_LOCK = 727_145_003;
/** Standbys try for the lock this often: a dead leader's session ends at once, so takeover is this fast. */
const STANDBY_POLL_MS = 1_000;
const MAX_RECONNECT_MS = 30_000;

const leaderGauge = new Gauge({
  name: 'ehcp_projector_leader',
  help: '1 while this projector holds the leadership lock and writes the read models, else 0 (hot standby)',
  registers: [metricsRegistry],
});

/**
 * Only one projector writes the read models (DESIGN.md). Each instance opens a connection of its
 * own and tries `pg_try_advisory_lock` on it; the winner runs the projections through that same
 * connection for as long as it lives, the others retry every second as hot standbys. The lock dies
 * with the leader's session (crash, kill, network loss), and a leader whose session ended stops
 * writing, since its batches went through that session too.
 */
@Injectable()
export class ProjectorLeadership implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProjectorLeadership.name);
  private readonly runner: ProjectionRunner;
  private readonly stopping = new AbortController();
  private campaigning?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    store: EventStore,
  ) {
    this.runner = new ProjectionRunner(
      store,
      new BatchApplier(
        config.DEADLINE_COUNTING,
        store,
        projectionsWith(searchHasher(config.SEARCH_HASH_KEY)),
      ),
    );
  }

  /** In the background: /health answers while this instance waits for or holds the lock. */
  onApplicationBootstrap(): void {
    leaderGauge.set(0);
    this.campaigning = this.campaign();
  }

  /** Before the event store closes: the batch in flight commits or rolls back, then the lock is released. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.campaigning;
  }

  private async campaign(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const session = new AbortController();
      const endSession = () => session.abort();
      this.stopping.signal.addEventListener('abort', endSession, { once: true });
      let client: Client | undefined;
      try {
        client = await connectSqlClient(this.config.DATABASE_URL, (error) => {
          if (!session.signal.aborted && error)
            this.logger.warn(`leadership connection lost: ${error.message}`);
          session.abort();
        });
        failures = 0;
        await this.leadOrStandBy(client, session.signal);
      } catch (error) {
        failures += 1;
        this.logger.warn(`leadership connection failed (attempt ${failures}): ${(error as Error).message}`);
        await sleep(backoffMs(failures, { baseMs: 500, maxMs: MAX_RECONNECT_MS }), this.stopping.signal);
      } finally {
        leaderGauge.set(0);
        this.stopping.signal.removeEventListener('abort', endSession);
        // Ending the session releases the lock, if held.
        await client?.end().catch(() => undefined);
      }
    }
  }

  private async leadOrStandBy(client: Client, session: AbortSignal): Promise<void> {
    while (!session.aborted) {
      const { rows } = await client.query<{ leader: boolean }>('select pg_try_advisory_lock($1) as leader', [
        LEADER_LOCK,
      ]);
      if (rows[0].leader) {
        this.logger.log('leading: this projector writes the read models');
        leaderGauge.set(1);
        await this.runner.run(client, session);
        return;
      }
      await sleep(STANDBY_POLL_MS, session);
    }
  }
}
