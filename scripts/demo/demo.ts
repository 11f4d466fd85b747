import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalDate } from '@js-joda/core';
import { signDevToken, type Role } from '@ehcp/auth';
import { loadConfigOrExit, londonDate } from '@ehcp/config';
import { DEADLINE_KINDS } from '@ehcp/domain';
import { type DemoCase, generateCaseload } from './caseload.generator';

// `npm run demo`: a synthetic caseload through the real command path (HTTP), then the figures a manager
// would look at. Leaves the system running until Ctrl-C. Synthetic names only.

const TEAMS = ['north', 'south', 'east', 'west'] as const;
const CONCURRENT_CASES = 16;

const config = loadConfigOrExit();
const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '2025' },
    cases: { type: 'string', default: '2000' },
    'no-start': { type: 'boolean', default: false },
  },
});
const api = `http://127.0.0.1:${config.PORT}`;

interface Outcome {
  accepted: number;
  skippedCases: number;
  refusals: Map<string, number>;
  lastPositions: string[];
}

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
  const started = Date.now();
  const outcome = await runCaseload(caseload, token);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\n${outcome.accepted} commands accepted in ${seconds.toFixed(1)} s (${(outcome.accepted / seconds).toFixed(0)}/s); ` +
      `${outcome.skippedCases} cases already loaded`,
  );
  for (const [code, count] of outcome.refusals) console.log(`  refused ${code}: ${count}`);
  await waitForProjections(outcome.lastPositions, token);
  await printSen2(today, token);
  await printOverdue(today, token);
  console.log(`\nAPI      ${api}\nOpenAPI  ${api}/docs\nToken    ${token}\n`);
  if (system) console.log('The system keeps running; Ctrl-C stops it.');
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
  child.on('exit', (code) => process.exit(code ?? 0));
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
  throw new Error('the apps did not become ready within two minutes');
}

function tokenFor(roles: Role[]): Promise<string> {
  if (!config.AUTH_JWT_SECRET)
    throw new Error('the demo signs its token with AUTH_JWT_SECRET, which is not set');
  return signDevToken({ sub: 'demo-loader', roles, teams: TEAMS }, config.AUTH_JWT_SECRET, '12h', {
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  });
}

async function runCaseload(caseload: DemoCase[], token: string): Promise<Outcome> {
  const outcome: Outcome = { accepted: 0, skippedCases: 0, refusals: new Map(), lastPositions: [] };
  let next = 0;
  let done = 0;
  const worker = async () => {
    let last: string | undefined;
    while (next < caseload.length) {
      const position = await runCase(caseload[next++], token, outcome);
      last = position ?? last;
      done += 1;
      if (done % 200 === 0) process.stdout.write(`  ${done}/${caseload.length} cases\n`);
    }
    if (last) outcome.lastPositions.push(last);
  };
  await Promise.all(Array.from({ length: CONCURRENT_CASES }, worker));
  return outcome;
}

async function runCase(demoCase: DemoCase, token: string, outcome: Outcome): Promise<string | undefined> {
  let position: string | undefined;
  for (const [index, step] of demoCase.steps.entries()) {
    const response = await fetch(`${api}${step.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(step.body),
    });
    const body = (await response.json()) as { position?: string; code?: string };
    if (response.ok) {
      outcome.accepted += 1;
      position = body.position;
      continue;
    }
    if (index === 0 && body.code === 'CASE_ALREADY_EXISTS') {
      outcome.skippedCases += 1;
      return undefined;
    }
    const code = `${response.status} ${body.code ?? 'unknown'} at ${step.path.replace(/[0-9a-f-]{36}/g, ':id')}`;
    outcome.refusals.set(code, (outcome.refusals.get(code) ?? 0) + 1);
    return position;
  }
  return position;
}

async function query<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function waitForProjections(positions: string[], token: string): Promise<void> {
  for (const position of positions) {
    await query(`/cases?pageSize=1&minPosition=${encodeURIComponent(position)}`, token);
  }
}

type Sen2 = Record<string, number | null>;

/** One call for every team and the total (`by=team`), as a manager's dashboard would make it. */
async function printSen2(today: string, token: string): Promise<void> {
  const from = LocalDate.parse(today).minusYears(2).plusDays(1).toString();
  console.log(`\nSEN2 timeliness of new EHC plans issued ${from} .. ${today}`);
  const { teams, total } = await query<{ teams: (Sen2 & { team: string })[]; total: Sen2 }>(
    `/timeliness/sen2?from=${from}&to=${today}&by=team`,
    token,
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

async function printOverdue(today: string, token: string): Promise<void> {
  console.log(`\nOverdue deadlines on ${today}, by kind`);
  const rows: Record<string, unknown>[] = [];
  for (const kind of DEADLINE_KINDS) {
    const { total } = await query<{ total: number }>(
      `/deadlines?status=overdue&kind=${kind}&asOf=${today}&pageSize=1`,
      token,
    );
    rows.push({ kind, overdue: total });
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
