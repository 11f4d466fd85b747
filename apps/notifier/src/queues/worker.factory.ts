import { Logger } from '@nestjs/common';
import { withTimeout } from '@ehcp/config';
import { Worker, type Job, type Processor } from 'bullmq';
import type Redis from 'ioredis';
import type { NotifierOptions } from '../notifier.options';

const CLOSE_TIMEOUT_MS = 5_000;
const REPEAT_ERROR_LOG_MS = 60_000;

/**
 * A worker on the shared connection (BullMQ duplicates it for its blocking reads) that logs its
 * failures: a job that throws is retried by BullMQ and must still leave a trace.
 */
export function startWorker<T>(
  queue: string,
  processor: Processor<T>,
  redis: Redis,
  options: NotifierOptions,
  concurrency = options.concurrency,
): Worker<T> {
  const logger = new Logger(`${queue} worker`);
  const worker = new Worker<T>(queue, processor, {
    connection: redis,
    prefix: options.queuePrefix,
    concurrency,
  });
  // While Redis is away every reconnection attempt fails: one line a minute says it, not hundreds.
  let lastError = { message: '', at: 0 };
  worker.on('error', (error) => {
    const now = Date.now();
    if (error.message === lastError.message && now - lastError.at < REPEAT_ERROR_LOG_MS) return;
    lastError = { message: error.message, at: now };
    logger.error(`worker error: ${error.message}`);
  });
  worker.on('failed', (job: Job<T> | undefined, error: Error) =>
    logger.warn(`job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
  );
  return worker;
}

/**
 * Closes a worker or queue, waiting for running jobs, but not for ever: with Redis unreachable
 * BullMQ would wait for its answer and SIGTERM would never end the process.
 */
export async function closeWithin(
  closable: { close(): Promise<void> } | undefined,
  what: string,
): Promise<void> {
  await withTimeout(closable?.close() ?? Promise.resolve(), CLOSE_TIMEOUT_MS, what).catch((error: Error) =>
    new Logger('shutdown').warn(error.message),
  );
}
