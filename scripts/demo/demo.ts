import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalDate } from '@js-joda/core';
import { signDevToken, type Role } from '@ehcp/auth';
import { loadConfigOrExit, londonDate } from '@ehcp/config';
import { DEADLINE_KINDS } from '@ehcp/domain';
import { generateCaseload } from './caseload.generator';
import { DemoApiClient, DemoApiError } from './demo-api.client';
import { loadCaseload, loadedCompletely, type LoadOutcome } from './demo-caseload.loader';
import { demoSignInLinks } from './demo-sign-in.links';

// `npm run demo`: a synthetic caseload through the real command path (HTTP), then the figures a manager
// would look at, and the web app's sign-in links. Leaves the system it started running until Ctrl-C.
// With --no-start it loads into a system already running, under the api's rate limit. Synthetic names
// only.

const TEAMS = ['north', 'south', 'east', 'west'] as const;
/** Cases loaded at once: enough to keep the api busy, few enough to stay inside its rate limit's window. */
const CONCURRENT_CASES = 16;
/** Where the web app answers when the configuration does not say (API.md "Web routes"). */
const DEFAULT_WEB_PORT = 3003;

const config = loadConfigOrExit();
const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '2025' },
    cases: { type: 'string', default: '2000' },
    'no-start': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: String(CONCURRENT_CASES) },
  },
});
const api = `http://127.0.0.1:${config.PORT}`;
// WEB_PORT joins the configuration with apps/web; until then (or when unset) the documented default.
const webPort = Number((config as { WEB_PORT?: number }).WEB_PORT ?? DEFAULT_WEB_PORT);
const web = `http://127.0.0.1:${webPort}`;

async function main(): Promise<void> {
  const system = args['no-start'] ? undefined : startSystem();
  await waitForReady();
  // "Today" is a London day whatever the server's zone (js-joda's core carries no zone rules).
  const today = londonDate(new Date());
  const caseload = generateCaseload({
    seed: Number(args.seed),
    cases: Number(args.cases),
    today,
    teams: TEAMS,
  });
  const token = await tokenFor(['admin', 'caseworker', 'qa_officer']);
  const client = new DemoApiClient({ baseUrl: api, token });
  const started = Date.now();
  const outcome = await loadCaseload(caseload, client, {
    concurrency: Number(args.concurrency),
    onProgress: (done, of) => {
      if (done % 200 === 0) process.stdout.write(`  ${done}/${of} cases\n`);
    },
  });
  printOutcome(outcome, (Date.now() - started) / 1000, client);
  if (outcome.failure !== undefined) return stop(system, 1);
  await waitForProjections(outcome.lastPositions, client);
  await printSen2(today, client);
  await printOverdue(today, client);
  await printUrls(token);
  if (!loadedCompletely(outcome)) process.exitCode = 2;
  if (system) console.log('The system keeps running; Ctrl-C stops it.');
}

function printOutcome(outcome: LoadOutcome, seconds: number, client: DemoApiClient): void {
  const { rateLimitedRetries: rateLimited, rateLimitWaits: waits } = client;
  console.log(
    `\n${outcome.appended} commands appended in ${seconds.toFixed(1)} s (${(outcome.appended / seconds).toFixed(1)}/s); ` +
      `${outcome.replayed} already in from an earlier run; ${outcome.complete} cases complete` +
      (outcome.createdElsewhere
        ? `; ${outcome.createdElsewhere} cases left as an earlier caseload made them`
        : '') +
      (waits ? `; waited ${waits} times for the api's rate-limit window to reset` : '') +
      (rateLimited ? `; ${rateLimited} answered 429 and waited out the api's rate limit` : ''),
  );
  if (outcome.unfinished.length > 0) {
    console.log(
      `\n${outcome.unfinished.length} cases not loaded to their last step (run the demo again to finish them):`,
    );
    for (const c of outcome.unfinished)
      console.log(`  ${c.reference} (${c.caseId}): ${c.stepsDone} of ${c.steps} steps in; ${c.reason}`);
  }
  if (outcome.notStarted > 0) console.log(`${outcome.notStarted} cases not started`);
  if (outcome.failure !== undefined)
    console.error(
      `\nThe demo stopped: ${outcome.failure}\nRun it again: steps already in are not appended twice.`,
    );
}

async function printUrls(token: string): Promise<void> {
  const webAnswers = await fetch(web).then(
    () => true,
    () => false,
  );
  console.log(`\nWeb      ${web}${webAnswers ? '' : '  (not answering yet)'}`);
  for (const { who, url } of demoSignInLinks(web, TEAMS)) console.log(`  ${who.padEnd(24)}${url}`);
  console.log(`\nAPI      ${api}\nOpenAPI  ${api}/docs\nToken    ${token}\n`);
}

/** Ends the demo with `code`, stopping the system it started (if it did). */
function stop(system: ChildProcess | undefined, code: number): void {
  process.exitCode = code;
  system?.kill('SIGTERM');
}

function startSystem(): ChildProcess {
  // Compiled to dist/scripts/demo/: the supervisor stays in the source tree's scripts/.
  const supervisor = join(__dirname, '..', '..', '..', 'scripts', 'start-all.mjs');
  const child = spawn(process.execPath, [supervisor], {
    // The demo loads thousands of commands from one client: lift the per-client rate limit for it.
    // eslint-disable-next-line no-restricted-properties -- passes the environment on, reads nothing
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(process.exitCode ?? code ?? 0));
  return child;
}

async function waitForReady(): Promise<void> {
  const ports = [config.PORT, config.PROJECTOR_PORT, config.NOTIFIER_PORT];
  for (let attempt = 0; attempt < 240; attempt += 1) {
    const ready = await Promise.all(
      ports.map((port) =>
        fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    if (ready.every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new DemoApiError(
    `the apps did not become ready within two minutes (api ${api}, projector :${config.PROJECTOR_PORT}, notifier :${config.NOTIFIER_PORT})`,
  );
}

function tokenFor(roles: Role[]): Promise<string> {
  if (!config.AUTH_JWT_SECRET)
    throw new DemoApiError('the demo signs its token with AUTH_JWT_SECRET, which is not set');
  return signDevToken({ sub: 'demo-loader', roles, teams: TEAMS }, config.AUTH_JWT_SECRET, '12h', {
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  });
}

async function query<T>(path: string, client: DemoApiClient): Promise<T> {
  const answer = await client.get(path);
  if (answer.status !== 200)
    throw new DemoApiError(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

async function waitForProjections(positions: string[], client: DemoApiClient): Promise<void> {
  for (const position of positions) {
    await query(`/cases?pageSize=1&minPosition=${encodeURIComponent(position)}`, client);
  }
}

type Sen2 = Record<string, number | null>;

/** One call for every team and the total (`by=team`), as a manager's dashboard would make it. */
async function printSen2(today: string, client: DemoApiClient): Promise<void> {
  const from = LocalDate.parse(today).minusYears(2).plusDays(1).toString();
  console.log(`\nSEN2 timeliness of new EHC plans issued ${from} .. ${today}`);
  const { teams, total } = await query<{ teams: (Sen2 & { team: string })[]; total: Sen2 }>(
    `/timeliness/sen2?from=${from}&to=${today}&by=team`,
    client,
  );
  const row = (team: string, figures: Sen2) => ({
    team,
    issued: figures.plans_issued_den,
    'within 20 weeks': figures.plans_issued_within_20_weeks,
    '%': figures.pc_plans_issued_within_20_weeks,
    '% excl. exceptions': figures.pc_plans_issued_20_weeks_ex,
    '20 weeks to 1 year': figures.plans_issued_gt20weeks_ltyear,
    'over 1 year': figures.plans_issued_gt_1_year,
    'mean weeks': figures.avg_weeks_issue_plan,
    'left out (appeal or mediation)': figures.plans_excluded_appeal,
    'requests decided in 6 weeks %': figures.pc_requests_decided_within_6_weeks,
    'reviews on time %': figures.pc_reviews_completed_on_time,
  });
  console.table([...teams.map((figures) => row(figures.team, figures)), row('all', total)]);
}

async function printOverdue(today: string, client: DemoApiClient): Promise<void> {
  console.log(`\nOverdue deadlines on ${today}, by kind`);
  const rows: Record<string, unknown>[] = [];
  for (const kind of DEADLINE_KINDS) {
    const { total } = await query<{ total: number }>(
      `/deadlines?status=overdue&kind=${kind}&asOf=${today}&pageSize=1`,
      client,
    );
    rows.push({ kind, overdue: total });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  // A failure the demo can name is said in one line; anything else is a bug: its stack helps.
  console.error(error instanceof DemoApiError ? `\nThe demo stopped: ${error.message}` : error);
  process.exit(1);
});
