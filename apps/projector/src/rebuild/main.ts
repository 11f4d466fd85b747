import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@ehcp/config';
import { EventStore } from '@ehcp/event-store';
import { projectionsWith, searchHasher } from '@ehcp/read-models';
import { BatchApplier } from '../engine/batch.applier';
import { connectSqlClient } from '../engine/sql-client';
import { rebuildProjections } from './projections.rebuild';
import { RebuildModule } from './rebuild.module';

/**
 * `npm run projections:rebuild`: replays the event log into fresh tables and swaps them in (see
 * rebuildProjections). Safe while the api and the projector run: queries keep answering, the
 * projector resumes from the swapped-in checkpoint, and no notification is sent twice.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(RebuildModule.register(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const onLost = (error?: Error) => {
    if (error) logger.error(`rebuild connection lost: ${error.message}`);
  };
  const db = await connectSqlClient(config.DATABASE_URL, onLost);
  // The replay's flushes are written on a second connection while it folds on.
  const flushDb = await connectSqlClient(config.DATABASE_URL, onLost);
  try {
    const store = app.get(EventStore);
    const result = await rebuildProjections(
      db,
      store,
      new BatchApplier(
        config.DEADLINE_COUNTING,
        store,
        projectionsWith(searchHasher(config.SEARCH_HASH_KEY)),
      ),
      { flushDb },
    );
    logger.log(result, 'projections rebuilt');
  } finally {
    await flushDb.end();
    await db.end();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
