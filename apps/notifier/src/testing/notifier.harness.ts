import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ALERT_QUEUE, DELIVERY_QUEUE, SWEEP_QUEUE, createRedisConnection } from '@ehcp/alerts';
import { Queue } from 'bullmq';
import { loadConfig, ManualClock } from '@ehcp/config';
import { DataSource } from 'typeorm';
import { AlertProcessor } from '../alerts/alert.processor';
import { AlertDigestSender } from '../digest/alert-digest.sender';
import { NotifierModule } from '../notifier.module';
import type { NotifierOptions } from '../notifier.options';
import { AlertQueues } from '../queues/alert-queues';
import { AlertSweeper } from '../sweeper/alert.sweeper';
import { SweeperScheduler } from '../sweeper/sweeper.scheduler';
import { DeadlineRows } from './deadline-rows';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

export interface NotifierHarness {
  readonly app: INestApplication;
  readonly clock: ManualClock;
  readonly db: DataSource;
  readonly deadlines: DeadlineRows;
  readonly queues: AlertQueues;
  readonly processor: AlertProcessor;
  readonly sweeper: AlertSweeper;
  readonly digests: AlertDigestSender;
  readonly scheduler: SweeperScheduler;
  close(): Promise<void>;
}

/** A queue prefix of its own per test file: files run in parallel on the shared Redis. */
export function testQueuePrefix(name: string): string {
  return `test-${name}-${randomBytes(4).toString('hex')}`;
}

/** The notifier in-process on a test database, with a manual clock and millisecond backoffs. */
export async function startNotifier(
  env: Record<string, string>,
  /** Without a queuePrefix: ALERT_QUEUE_PREFIX of `env` (then use a private Redis or a unique prefix). */
  options: Partial<NotifierOptions> & { clock: ManualClock },
): Promise<NotifierHarness> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET, ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [
      NotifierModule.register(config, {
        relayIntervalMs: 50,
        backoffMs: 20,
        deliveryAttempts: 4,
        schedulerCheckMs: 3_600_000,
        ...options,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  const db = app.get(DataSource);
  return {
    app,
    clock: options.clock,
    db,
    deadlines: new DeadlineRows(db, options.clock),
    queues: app.get(AlertQueues),
    processor: app.get(AlertProcessor),
    sweeper: app.get(AlertSweeper),
    digests: app.get(AlertDigestSender),
    scheduler: app.get(SweeperScheduler),
    close: async () => {
      await app.close();
      await obliterate(config.REDIS_URL, options.queuePrefix ?? config.ALERT_QUEUE_PREFIX);
    },
  };
}

/** Leaves nothing of a test file's queues (jobs, the sweep scheduler) in the shared Redis. */
async function obliterate(redisUrl: string, prefix: string): Promise<void> {
  const connection = createRedisConnection(redisUrl);
  try {
    for (const name of [ALERT_QUEUE, DELIVERY_QUEUE, SWEEP_QUEUE]) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}

/**
 * Runs the delayed alert jobs whose time the manual clock has reached, as BullMQ would when the real
 * clock got there (BullMQ's delays follow the real clock, not the harness's). Returns their ids.
 */
export async function promoteDue(notifier: NotifierHarness): Promise<string[]> {
  const now = notifier.clock.now().getTime();
  const due = (await notifier.queues.alerts.getJobs(['delayed'])).filter(
    (job) => new Date(job.data.sendAt ?? job.data.fireAt).getTime() <= now,
  );
  for (const job of due) await job.promote();
  return due.map((job) => job.id ?? '');
}

/** Polls `check` until it returns true, or fails after `ms` (generous: a busy CI machine is slow). */
export async function eventually(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until no alert or delivery job is waiting or running (delayed jobs may remain). */
export async function quiet(queues: AlertQueues): Promise<void> {
  const busy = async () => {
    const counts = await Promise.all(
      [queues.alerts, queues.deliveries].map((q) => q.getJobCounts('waiting', 'active', 'prioritized')),
    );
    return counts.reduce((sum, c) => sum + (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0), 0);
  };
  let calm = 0;
  await eventually(async () => {
    calm = (await busy()) === 0 ? calm + 1 : 0;
    return calm >= 4;
  });
}
