import { randomUUID } from 'node:crypto';
import { benchToken, startApp } from './app-process.launcher';
import type { BenchContext, BenchResult } from './bench.types';
import { daysAgo, loadRows, measureInTurns, type LoadOptions, type LoadResult } from './http-load.driver';

const CONNECTIONS = 10;
const BENCHMARK = `2. HTTP commands (${CONNECTIONS} connections)`;
const BASELINE = 'GET /health/live, same server';
/** Turns of the three loads (5 s each in a full run): a busy spell of the machine hits all three alike. */
const ROUNDS = 3;

/**
 * 2. Two real commands through the whole api (auth, rate limit, validation, the case's state, decide,
 * encrypt, append) at fixed concurrency, beside GET /health/live of the same server: the HTTP stack's
 * own floor on the same machine. A new case (POST /cases) also creates the case's personal-data key;
 * an assignment is on a case this api opened, so it decides on the state the api kept (no read).
 */
export async function benchHttpCommands(context: BenchContext): Promise<BenchResult[]> {
  const seconds = context.quick ? 3 : 15;
  const api = await startApp('api', context);
  try {
    const headers = {
      authorization: `Bearer ${await benchToken(['caseworker'], ['north'])}`,
      'content-type': 'application/json',
    };
    const base: LoadOptions = { origin: api.url, connections: CONNECTIONS, seconds, path: () => '/' };
    // Cases the assignment cycles through: streams stay short, as on a real caseload.
    const caseIds = await createCases(api.url, headers, context.quick ? 200 : 1000);
    let next = 0;
    const { live, created, assigned } = await measureInTurns(
      {
        live: { ...base, path: () => '/health/live' },
        created: {
          ...base,
          method: 'POST',
          headers,
          path: () => '/cases',
          body: () => JSON.stringify(newCase()),
        },
        assigned: {
          ...base,
          method: 'POST',
          headers,
          path: () => `/cases/${caseIds[next++ % caseIds.length]}/caseworker`,
          body: () => JSON.stringify({ caseworkerId: `cw-north-${next % 5}`, assignedOn: daysAgo(2) }),
        },
      },
      context.quick ? 1 : ROUNDS,
    );
    const turns = (load: LoadResult) => load.rounds.map((rate) => rate.toFixed(0)).join(', ');
    context.note(
      `2: requests per second in each turn (the median is the figure): new case ${turns(created)}; ` +
        `assignment ${turns(assigned)}; health ${turns(live)}`,
    );
    return [
      ...loadRows(BENCHMARK, 'POST /cases (new case)', created, BASELINE, live),
      ...loadRows(BENCHMARK, 'POST /cases/{id}/caseworker', assigned, BASELINE, live),
    ];
  } finally {
    await api.stop();
  }
}

function newCase(caseId?: string) {
  return {
    ...(caseId ? { caseId } : {}),
    team: 'north',
    requestReceivedOn: daysAgo(30),
    requestedBy: 'parent',
    child: { firstName: 'Alex', lastName: 'Testcase', dateOfBirth: '2016-04-12' },
  };
}

/** Opens `count` cases, ten requests in flight at a time. */
async function createCases(
  origin: string,
  headers: Record<string, string>,
  count: number,
): Promise<string[]> {
  const caseIds = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 10) {
    await Promise.all(
      caseIds.slice(start, start + 10).map(async (caseId) => {
        const response = await fetch(`${origin}/cases`, {
          method: 'POST',
          headers,
          body: JSON.stringify(newCase(caseId)),
        });
        if (response.status !== 201) throw new Error(`POST /cases answered ${response.status}`);
      }),
    );
  }
  return caseIds;
}
