import type { Clock } from '@ehcp/config';

/** Injection token of the notifier's tuning; production uses the defaults, tests shrink the delays. */
export const NOTIFIER_OPTIONS = Symbol('NOTIFIER_OPTIONS');

export interface NotifierOptions {
  /**
   * Redis key prefix of every queue: one per deployment (ALERT_QUEUE_PREFIX), one per test file on a
   * shared Redis.
   */
  readonly queuePrefix: string;
  /** How often the relay polls alert_outbox when it found nothing to do. */
  readonly relayIntervalMs: number;
  readonly relayBatchSize: number;
  readonly concurrency: number;
  readonly alertAttempts: number;
  readonly deliveryAttempts: number;
  /** First retry delay; each further retry doubles it (6 attempts: 30 s .. 8 min, about 15 min in all). */
  readonly backoffMs: number;
  /**
   * A delivery still pending after this long has no job (Redis lost it, or a crash): the sweeper re-adds
   * it. Also how long after ALERT_LOCAL_TIME the daily digest waits for the alerts of that time.
   */
  readonly pendingDeliveryGraceMs: number;
  /** How often the notifier checks that Redis still holds the sweep scheduler (it is lost with FLUSHALL). */
  readonly schedulerCheckMs: number;
  readonly clock?: Clock;
}

/** Everything but the queue prefix, which comes from the configuration unless a test sets its own. */
export const DEFAULT_NOTIFIER_OPTIONS: Omit<NotifierOptions, 'queuePrefix'> = {
  relayIntervalMs: 1_000,
  relayBatchSize: 200,
  concurrency: 5,
  alertAttempts: 5,
  deliveryAttempts: 6,
  backoffMs: 30_000,
  pendingDeliveryGraceMs: 60_000,
  schedulerCheckMs: 60_000,
};
