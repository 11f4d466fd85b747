import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { signDevToken } from '@ehcp/auth';
import { WEBHOOK_SECRET } from '../../../apps/notifier/src/testing/notifier.harness';
import { startAppProcess, waitForStatus } from '../../support/app-process';
import { freePort } from '../../support/free-port';

const JWT_SECRET = 'fault-suite-secret-0123456789';
type App = 'api' | 'projector' | 'notifier';
const PORT_VARIABLE: Record<App, string> = {
  api: 'PORT',
  projector: 'PROJECTOR_PORT',
  notifier: 'NOTIFIER_PORT',
};

/** api + projector + notifier as child processes on one PostgreSQL and one Redis, as in production. */
export class FaultSystem {
  readonly ports = {} as Record<App, number>;
  readonly processes = {} as Record<App, ChildProcess>;
  /** Apps that ended on their own (they must not), with the last lines they wrote. */
  readonly exits: string[] = [];
  private readonly output = new Map<App, string>();
  private token = '';
  private stopWatching: () => void = () => undefined;

  constructor(private readonly env: Record<string, string>) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  async start(): Promise<this> {
    this.token = await signDevToken(
      { sub: 'fault-suite', roles: ['caseworker'], teams: ['north'] },
      JWT_SECRET,
    );
    for (const app of ['api', 'projector', 'notifier'] as const) this.ports[app] = await freePort();
    for (const app of ['api', 'projector', 'notifier'] as const) this.spawn(app);
    await this.allAnswer(200, 90_000);
    return this;
  }

  /** Every app's /health/ready answers `status` (200 ready, 503 not) within `ms`; fails at once if an app exited. */
  allAnswer(status: number, ms: number): Promise<void> {
    return this.appsAnswer(['api', 'projector', 'notifier'], status, ms);
  }

  /** These apps' /health/ready answer `status` within `ms`; fails at once if an app exited. */
  async appsAnswer(apps: readonly App[], status: number, ms: number): Promise<void> {
    const exited = new Promise<never>((_, reject) => {
      const check = setInterval(() => {
        if (this.exits.length === 0) return;
        clearInterval(check);
        reject(new Error(this.exits.join('\n')));
      }, 200);
      this.stopWatching = () => clearInterval(check);
    });
    const ready = Promise.all(
      apps.map((app) => waitForStatus(`http://127.0.0.1:${this.ports[app]}/health/ready`, status, ms)),
    );
    try {
      await Promise.race([ready, exited]);
    } finally {
      this.stopWatching();
    }
  }

  /** A call to the api as a caseworker of team north; never waits more than 20 s (a hang fails the test). */
  call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    return fetch(`${this.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(20_000),
    });
  }

  /** SIGKILL mid-work (not an exit the test counts), then the same app again on the same port. */
  async killAndRestart(app: App): Promise<void> {
    const child = this.processes[app];
    child.removeAllListeners('exit');
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await ended;
    this.spawn(app);
    await waitForStatus(`http://127.0.0.1:${this.ports[app]}/health/ready`, 200, 90_000);
  }

  async stop(): Promise<void> {
    for (const child of Object.values(this.processes)) {
      child.removeAllListeners('exit');
      if (child.exitCode === null && child.signalCode === null) {
        const ended = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await ended;
      }
    }
  }

  private spawn(app: App): void {
    const child = startAppProcess(app, {
      ...this.env,
      [PORT_VARIABLE[app]]: String(this.ports[app]),
      AUTH_JWT_SECRET: JWT_SECRET,
      ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      RATE_LIMIT_PER_MINUTE: '1000000',
      // Overdue alerts fire at ALERT_LOCAL_TIME the day after the due date: midnight is always past.
      ALERT_LOCAL_TIME: '00:00',
    });
    const keep = (chunk: Buffer) => this.output.set(app, ((this.output.get(app) ?? '') + chunk).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) =>
      this.exits.push(`${app} exited (${code ?? signal}): ${this.output.get(app) ?? ''}`),
    );
    this.processes[app] = child;
  }
}

/** What one request of the traffic got: an HTTP status, or the client error (a refused or hung connection). */
export type Outcome = number | string;

export interface Traffic {
  /** caseId of every POST /cases that answered 201. */
  readonly accepted: string[];
  /** Every outcome of every request, in order. */
  readonly outcomes: Outcome[];
  /** Stops and waits for the requests in flight. */
  stop(): Promise<void>;
}

/** A valid POST /cases body for a fresh case. */
export function newCase(caseId = randomUUID()): Record<string, unknown> {
  return {
    caseId,
    team: 'north',
    requestReceivedOn: '2025-01-06',
    requestedBy: 'parent',
    child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
  };
}

/**
 * `workers` callers each opening cases and reading each back at its position (read-your-writes),
 * until stopped.
 */
export function startTraffic(system: FaultSystem, workers = 6): Traffic {
  const accepted: string[] = [];
  const outcomes: Outcome[] = [];
  let running = true;
  const record = async (request: () => Promise<Response>): Promise<Response | undefined> => {
    try {
      const response = await request();
      outcomes.push(response.status);
      return response;
    } catch (error) {
      outcomes.push(`${(error as Error).name}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const worker = async () => {
    while (running) {
      const caseId = randomUUID();
      const created = await record(() => system.call('/cases', { method: 'POST', body: newCase(caseId) }));
      if (created?.status !== 201) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      accepted.push(caseId);
      const { position } = (await created.json()) as { position: string };
      await record(() => system.call(`/cases/${caseId}?minPosition=${position}`));
    }
  };
  const all = Promise.all(Array.from({ length: workers }, worker));
  return {
    accepted,
    outcomes,
    stop: async () => {
      running = false;
      await all;
    },
  };
}

/** Opens a case and reads it back at its position: the whole write and projection path works again. */
export async function readYourWrite(system: FaultSystem): Promise<void> {
  const caseId = randomUUID();
  const created = await system.call('/cases', { method: 'POST', body: newCase(caseId) });
  expect(created.status).toBe(201);
  const { position } = (await created.json()) as { position: string };
  const read = await system.call(`/cases/${caseId}?minPosition=${position}`);
  expect(read.status).toBe(200);
}

/** Each accepted case has exactly its one event in its history: nothing lost, nothing doubled. */
export async function eachAcceptedOnce(system: FaultSystem, caseIds: readonly string[]): Promise<void> {
  const counts: Record<string, number> = {};
  for (const caseId of caseIds) {
    const response = await system.call(`/cases/${caseId}/events`);
    counts[caseId] =
      response.status === 200 ? ((await response.json()) as unknown[]).length : -response.status;
  }
  expect(Object.entries(counts).filter(([, count]) => count !== 1)).toEqual([]);
}
