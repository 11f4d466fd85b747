import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { loadConfigOrExit } from '@ehcp/config';
import { PersonalDataKeyRepository, rotateMasterKey } from '@ehcp/event-store';

const USAGE = 'usage: npm run keys:rotate [-- --batch-size 100] [--max-batches N]';

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new RangeError(`--${name} must be a positive integer\n${USAGE}`);
  return parsed;
}

/**
 * `npm run keys:rotate`: re-wraps every per-case personal-data key with DATA_MASTER_KEY, opening the
 * old ones with DATA_MASTER_KEY_PREVIOUS (README, Operating notes). Safe while the apps run; kill it
 * at any point and run it again to carry on. Prints counts only, never a key or a case's data.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'batch-size': { type: 'string' }, 'max-batches': { type: 'string' } },
  });
  const batchSize = positiveInteger(values['batch-size'], 'batch-size');
  const maxBatches = positiveInteger(values['max-batches'], 'max-batches');
  const config = loadConfigOrExit();
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
  pool.on('error', (error) => console.error(`PostgreSQL connection failed: ${error.message}`));
  try {
    const keys = await PersonalDataKeyRepository.create(
      pool,
      config.DATA_MASTER_KEY,
      config.DATA_MASTER_KEY_PREVIOUS,
    );
    const summary = await rotateMasterKey(keys, {
      batchSize,
      maxBatches,
      onProgress: ({ rewrapped, total }) => console.log(`re-wrapped ${rewrapped} of ${total} keys`),
    });
    console.log(JSON.stringify({ event: 'master key rotation', ...summary }));
    if (summary.remaining === 0)
      console.log('every key is wrapped by DATA_MASTER_KEY: DATA_MASTER_KEY_PREVIOUS can now be removed');
    else if (maxBatches === undefined) {
      console.error(`${summary.remaining} keys were locked by other transactions: run keys:rotate again`);
      process.exitCode = 1;
    } else console.log(`${summary.remaining} keys left: run keys:rotate again to carry on`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
