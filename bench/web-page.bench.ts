import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { type AppProcess, benchToken, startApp } from './app-process.launcher';
import type { BenchContext, BenchResult } from './bench.types';
import { daysAgo, type LoadResult, measureLoad } from './http-load.driver';
import { seedReadModels } from './read-model.seeder';

const TEAMS = ['north', 'south', 'east', 'west'];
const BASELINE = 'GET /health/live, web app';
const PERCENTILES = ['p50', 'p95', 'p99'] as const;

/**
 * 7. The web app's pages as a signed-in SEND manager of all four teams sees them, one request at a time
 * (page time, no queueing), through the whole chain: session in Redis, the api over HTTP, its queries
 * over the seeded read models, Nunjucks. Baseline: GET /health/live of the same web app, its HTTP
 * floor. The target: p95 under 300 ms at 600,000 cases.
 */
export async function benchWebPages(context: BenchContext): Promise<BenchResult[]> {
  const sizes = context.cases ?? (context.quick ? [100_000] : [600_000]);
  const seconds = context.quick ? 3 : 10;
  const api = await startApp('api', context); // migrates the read models
  const apiUrl = api.url;
  const db = new Client({ connectionString: context.databaseUrl });
  db.on('error', () => undefined); // dropping the database on Ctrl-C ends idle connections
  let web: AppProcess | undefined;
  try {
    await db.connect();
    // The case page reads the case's events too: one real case, projected, among the seeded ones.
    const caseId = await openProjectedCase(api.url, context);
    web = await startWebApp(api.url, context);
    const cookie = await devSignIn(web.url);
    // apiPath: the page's slowest api call, timed alone for the notes: where a slow page's time goes.
    const pages = [
      { name: 'GET /cases (work tray, page 1)', path: '/cases', apiPath: '/cases' },
      { name: 'GET /cases/{id} (case page)', path: `/cases/${caseId}`, apiPath: `/cases/${caseId}/events` },
      {
        name: 'GET /timeliness (dashboard, last 12 months)',
        path: '/timeliness',
        apiPath: '/timeliness/dashboard',
      },
    ];
    const apiHeaders = { authorization: `Bearer ${await benchToken(['manager'], TEAMS)}` };
    for (const page of pages) await expectPage(web.url, page.path, cookie);
    const results: BenchResult[] = [];
    let seeded = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const began = Date.now();
      await seedReadModels(db, seeded + 1, size);
      seeded = size;
      context.note(
        `7: seeded ${size.toLocaleString('en-GB')} cases in ${((Date.now() - began) / 1000).toFixed(0)} s`,
      );
      const one = { origin: web.url, connections: 1, seconds };
      const live = await measureLoad({ ...one, path: () => '/health/live' });
      for (const page of pages) {
        const ours = await measureLoad({ ...one, headers: { cookie }, path: () => page.path });
        results.push(...pageRows(size, page.name, ours, live));
        const api = await measureLoad({
          ...one,
          origin: apiUrl,
          headers: apiHeaders,
          path: () => page.apiPath,
        });
        context.note(
          `7: ${page.name} at ${size.toLocaleString('en-GB')} cases: p95 ${ours.p95.toFixed(1)} ms over ` +
            `${ours.requests} requests; the api's GET ${page.apiPath.replace(caseId, '{id}')} alone p95 ` +
            `${api.p95.toFixed(1)} ms`,
        );
      }
    }
    return results;
  } finally {
    await web?.stop();
    await api.stop();
    await db.end().catch(() => undefined);
  }
}

/**
 * The built web app against the bench's api. The development sign-in is the bench's way in, and the
 * web app allows it only outside production (no identity provider here); production itself is
 * unchanged. Development differs from production in the session cookie's Secure flag (plain HTTP here)
 * and Express's view-path cache; Nunjucks caches compiled templates in both.
 */
function startWebApp(apiUrl: string, context: BenchContext): Promise<AppProcess> {
  return startApp('web', context, {
    NODE_ENV: 'development',
    API_URL: apiUrl,
    SESSION_SECRET: randomBytes(32).toString('base64'),
  });
}

/** Opens a case through the api, lets the projector project it, and stops the projector again. */
async function openProjectedCase(apiUrl: string, context: BenchContext): Promise<string> {
  const headers = {
    authorization: `Bearer ${await benchToken(['caseworker'], ['north'])}`,
    'content-type': 'application/json',
  };
  const caseId = randomUUID();
  const created = await fetch(`${apiUrl}/cases`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      caseId,
      team: 'north',
      requestReceivedOn: daysAgo(30),
      requestedBy: 'parent',
      child: { firstName: 'Alex', lastName: 'Testcase', dateOfBirth: '2016-04-12' },
    }),
  });
  if (created.status !== 201) throw new Error(`POST /cases answered ${created.status}`);
  const projector = await startApp('projector', context);
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const { status } = await fetch(`${apiUrl}/cases/${caseId}`, { headers });
      if (status === 200) return caseId;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`case ${caseId} was not projected within 60 s`);
  } finally {
    await projector.stop();
  }
}

/** GET /dev/sign-in as a manager of all four teams: the session cookie it sets. */
async function devSignIn(webUrl: string): Promise<string> {
  const query = new URLSearchParams({ sub: 'bench-manager', role: 'manager', teams: TEAMS.join(',') });
  const response = await fetch(`${webUrl}/dev/sign-in?${query}`, { redirect: 'manual' });
  const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  if (response.status !== 302 || cookies.length === 0)
    throw new Error(`development sign-in answered ${response.status} without a session cookie`);
  return cookies.join('; ');
}

/** A page that does not answer 200 would measure an error page: refuse it before the load. */
async function expectPage(webUrl: string, path: string, cookie: string): Promise<void> {
  const response = await fetch(`${webUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`web ${path} answered ${response.status}`);
}

function pageRows(size: number, name: string, ours: LoadResult, live: LoadResult): BenchResult[] {
  return PERCENTILES.map((p) => ({
    benchmark: `7. web pages at ${size.toLocaleString('en-GB')} cases`,
    measure: `${name}: ${p}`,
    unit: 'ms',
    value: ours[p],
    baselineName: BASELINE,
    baseline: live[p],
    higherIsBetter: false,
  }));
}
