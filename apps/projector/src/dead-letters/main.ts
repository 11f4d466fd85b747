import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@ehcp/config';
import { EventStore } from '@ehcp/event-store';
import { projectionsWith, searchHasher } from '@ehcp/read-models';
import { BatchApplier } from '../engine/batch.applier';
import { unresolvedDeadLetters } from '../engine/dead-letter.store';
import { connectSqlClient, LIVE_SCHEMA, type SqlClient } from '../engine/sql-client';
import { RebuildModule } from '../rebuild/rebuild.module';
import { retryDeadLetters } from './dead-letter.retry';

const USAGE = 'usage: npm run projections:dead-letters -- list|retry [--case <caseId>]';

/**
 * `npm run projections:dead-letters -- list`: the events the projector parked (position, case,
 * revision, type, status, attempts, redacted error; never their data). `-- retry [--case <id>]`:
 * re-applies each case's parked events in revision order with this build's code, alongside the
 * running projector (see retryDeadLetters); those that apply are marked resolved, one that still
 * fails stays parked with its new error (exit code 1).
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { case: { type: 'string' } },
  });
  const [command] = positionals;
  if (positionals.length !== 1 || (command !== 'list' && command !== 'retry')) throw new Error(USAGE);
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(RebuildModule.register(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const db = await connectSqlClient(config.DATABASE_URL, (error) => {
    if (error) logger.error(`dead-letter connection lost: ${error.message}`);
  });
  try {
    if (command === 'list') await list(db, values.case);
    else {
      const store = app.get(EventStore);
      const applier = new BatchApplier(
        config.DEADLINE_COUNTING,
        store,
        projectionsWith(searchHasher(config.SEARCH_HASH_KEY)),
      );
      const outcomes = await retryDeadLetters(db, store, applier, values.case);
      for (const outcome of outcomes)
        console.log(JSON.stringify({ event: 'dead letters retried', ...outcome }));
      const failing = outcomes.filter((outcome) => outcome.stillParked !== null).length;
      console.log(`${outcomes.length} cases retried, ${failing} still failing`);
      if (failing > 0) process.exitCode = 1;
    }
  } finally {
    await db.end();
    await app.close();
  }
}

async function list(db: SqlClient, caseId: string | undefined): Promise<void> {
  const rows = await unresolvedDeadLetters(db, LIVE_SCHEMA, caseId);
  for (const row of rows) console.log(JSON.stringify(row));
  console.log(`${rows.length} events waiting in the dead-letter table`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
