// `npm run import -- caseload.csv [--token <jwt>] [--concurrency 4]`: brings an existing caseload in
// through the running api (docs/caseload-import.md). Exit 0: every row imported; 2: some rows refused
// (see <file>.refused.csv); 1: nothing could be done (bad file, api unreachable, bad arguments).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '@ehcp/auth';
import { loadConfigOrExit, type AppConfig } from '@ehcp/config';
import { exitCodeOf, runImport } from './caseload-import';
import { CaseloadFileError } from './caseload-csv.reader';
import { ImportApiError } from './import-api.client';
import { formatSummary } from './import-report';

const USAGE = 'usage: npm run import -- <caseload.csv> [--token <jwt>] [--concurrency <1-32>]';
/** The subject of the token the import signs itself: the events' `userId`, and its idempotency scope. */
const IMPORT_USER = 'caseload-import';

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n${USAGE}\n`);
  process.exit(1);
}

function parse(): { file: string; token?: string; concurrency: number } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { token: { type: 'string' }, concurrency: { type: 'string', default: '4' } },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail('one caseload file is required');
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32)
    fail('--concurrency must be a whole number from 1 to 32');
  // npm runs scripts in the project folder: a relative path is the operator's, from where npm was run.
  // eslint-disable-next-line no-restricted-properties -- npm's own variable, not configuration
  const from = process.env.INIT_CWD ?? process.cwd();
  return { file: resolve(from, positionals[0]), token: values.token, concurrency };
}

async function tokenOf(config: AppConfig, given: string | undefined): Promise<string> {
  const token = given ?? config.IMPORT_TOKEN;
  if (token) return token;
  if (!config.AUTH_JWT_SECRET)
    fail(
      'pass --token or set IMPORT_TOKEN: with AUTH_JWKS_URL alone, tokens come from the identity provider',
    );
  // The api checks `iss` and `aud` when these are set (as scripts/token.ts does).
  return signDevToken({ sub: IMPORT_USER, roles: ['admin'], teams: [] }, config.AUTH_JWT_SECRET, '24h', {
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  });
}

async function main(): Promise<void> {
  const args = parse();
  const config = loadConfigOrExit();
  try {
    const summary = await runImport({
      file: args.file,
      apiUrl: config.API_URL ?? `http://127.0.0.1:${config.PORT}`,
      token: await tokenOf(config, args.token),
      rateLimit: { perWindow: config.RATE_LIMIT_PER_MINUTE, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
      concurrency: args.concurrency,
      progress: process.stderr,
    });
    process.stdout.write(formatSummary(summary));
    process.exitCode = exitCodeOf(summary);
  } catch (error) {
    if (!(error instanceof CaseloadFileError || error instanceof ImportApiError)) throw error;
    process.stderr.write(`import: ${error.message}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`import: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
