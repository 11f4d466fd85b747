import { type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

export interface RunAppOptions {
  port: number;
  /** Extra HTTP setup (filters, OpenAPI, security headers) before listening. */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/** Closes the app (shutdown hooks: pools, queues, subscriptions) and exits 0, or 1 if closing failed. */
async function stop(app: INestApplication, logger: Logger, signal: string): Promise<void> {
  logger.log(`${signal}: shutting down`);
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}

/** Boots a Nest app with JSON logs and a clean shutdown on SIGTERM/SIGINT. */
export async function runApp(module: DynamicModule, options: RunAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await options.configure?.(app);
  await app.listen(options.port, '0.0.0.0');
  const logger = app.get(Logger);
  logger.log(`listening on port ${options.port}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => void stop(app, logger, signal));
  return app;
}
