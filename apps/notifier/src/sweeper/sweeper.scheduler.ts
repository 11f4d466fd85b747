import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { REDIS_CONNECTION, SWEEP_QUEUE } from '@ehcp/alerts';
import { APP_CONFIG, type AppConfig } from '@ehcp/config';
import type { Worker } from 'bullmq';
import type Redis from 'ioredis';
import { AlertDigestSender } from '../digest/alert-digest.sender';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../notifier.options';
import { AlertQueues } from '../queues/alert-queues';
import { closeWithin, startWorker } from '../queues/worker.factory';
import { AlertSweeper, type SweepResult } from './alert.sweeper';

const SCHEDULER_ID = 'alert-sweep';

/**
 * Runs the sweeper, then the daily e-mail digests, every ALERT_SWEEP_MINUTES through a BullMQ job
 * scheduler: one sweep per interval however many notifiers run. The scheduler lives in Redis and goes with its data, so each notifier
 * checks for it on a local timer and puts it back.
 */
@Injectable()
export class SweeperScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SweeperScheduler.name);
  private worker?: Worker<unknown, SweepResult>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sweeper: AlertSweeper,
    private readonly digests: AlertDigestSender,
    private readonly queues: AlertQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
  ) {}

  onApplicationBootstrap(): void {
    // One sweep at a time per notifier: a slow sweep must not overlap the next.
    this.worker = startWorker(SWEEP_QUEUE, () => this.tick(), this.redis, this.options, 1);
    // In the background: start-up must not wait for Redis, the timer retries until it answers.
    void this.schedule().catch((error: Error) =>
      this.logger.error(`cannot schedule sweeps: ${error.message}`),
    );
    this.timer = setInterval(() => void this.ensureScheduled(), this.options.schedulerCheckMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await closeWithin(this.worker, 'sweep worker');
  }

  private async tick(): Promise<SweepResult> {
    const result = await this.sweeper.sweep();
    await this.digests.run();
    return result;
  }

  /** Puts the scheduler back when Redis lost it; true when it had to. */
  async ensureScheduled(): Promise<boolean> {
    try {
      if (await this.queues.sweeps.getJobScheduler(SCHEDULER_ID)) return false;
      this.logger.warn('the sweep scheduler is missing from Redis (data lost?): scheduling it again');
      await this.schedule();
      return true;
    } catch (error) {
      this.logger.error(`cannot check the sweep scheduler: ${(error as Error).message}`);
      return false;
    }
  }

  /** Upserting also applies a changed ALERT_SWEEP_MINUTES. */
  private async schedule(): Promise<void> {
    await this.queues.sweeps.upsertJobScheduler(
      SCHEDULER_ID,
      { every: this.config.ALERT_SWEEP_MINUTES * 60_000 },
      { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
