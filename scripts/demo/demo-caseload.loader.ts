import { DemoApiError, type DemoApiClient } from './demo-api.client';
import { stepIdempotencyKey } from './demo-step.keys';
import type { DemoCase } from './caseload.generator';

/** A case the run did not load to its last step, and why: the summary names each one. */
export interface UnfinishedCase {
  readonly caseId: string;
  readonly reference: string;
  /** Steps in the api (appended now or before): the case is half-loaded when this is above zero. */
  readonly stepsDone: number;
  readonly steps: number;
  readonly reason: string;
}

export interface LoadOutcome {
  /** Commands that took effect in this run. */
  appended: number;
  /** Commands an earlier run had already applied (answered from their Idempotency-Key). */
  replayed: number;
  /** Cases loaded to their last step (in this run or before). */
  complete: number;
  /** Cases an earlier run created from another caseload (same seed, another day): left as they are. */
  createdElsewhere: number;
  unfinished: UnfinishedCase[];
  /** Cases not begun because the run stopped first. */
  notStarted: number;
  /** Why the run stopped early: the api could not be used. */
  failure?: string;
  /** The last `position` each worker saw: the read models are up to date once they reach them all. */
  lastPositions: string[];
}

export interface LoadOptions {
  /** Cases loaded at once (each case's steps go in order). */
  readonly concurrency: number;
  readonly onProgress?: (done: number, of: number) => void;
}

/**
 * Loads the caseload through the api's commands, several cases at once, each case's steps in order.
 * A refused step ends its case (and is reported with the case); an api that cannot be used ends the
 * run: cases in flight are reported half-loaded, by reference, and a re-run finishes them.
 */
export async function loadCaseload(
  caseload: readonly DemoCase[],
  api: DemoApiClient,
  options: LoadOptions,
): Promise<LoadOutcome> {
  const outcome: LoadOutcome = {
    appended: 0,
    replayed: 0,
    complete: 0,
    createdElsewhere: 0,
    unfinished: [],
    notStarted: 0,
    lastPositions: [],
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    let last: string | undefined;
    while (next < caseload.length && outcome.failure === undefined) {
      const position = await loadCase(caseload[next++], api, outcome);
      last = position ?? last;
      done += 1;
      options.onProgress?.(done, caseload.length);
    }
    if (last) outcome.lastPositions.push(last);
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  outcome.notStarted = caseload.length - next;
  return outcome;
}

async function loadCase(
  demoCase: DemoCase,
  api: DemoApiClient,
  outcome: LoadOutcome,
): Promise<string | undefined> {
  let position: string | undefined;
  const unfinished = (stepsDone: number, reason: string) =>
    outcome.unfinished.push({
      caseId: demoCase.caseId,
      reference: referenceOf(demoCase),
      stepsDone,
      steps: demoCase.steps.length,
      reason,
    });
  for (const [index, step] of demoCase.steps.entries()) {
    let answer;
    try {
      answer = await api.post(step.path, step.body, stepIdempotencyKey(demoCase.caseId, index, step));
    } catch (error) {
      if (!(error instanceof DemoApiError)) throw error;
      outcome.failure ??= error.message;
      unfinished(index, `stopped: ${error.message}`);
      return position;
    }
    const body = (answer.body ?? {}) as { position?: string; code?: string };
    if (answer.status >= 200 && answer.status < 300) {
      if (answer.replayed) outcome.replayed += 1;
      else outcome.appended += 1;
      position = body.position ?? position;
      continue;
    }
    if (index === 0 && body.code === 'CASE_ALREADY_EXISTS') {
      outcome.createdElsewhere += 1;
      return undefined;
    }
    // A 5xx is the api failing, not a refusal of the step: the summary says which.
    const verdict = answer.status >= 500 ? 'failed' : 'refused';
    unfinished(index, `${verdict} ${answer.status} ${body.code ?? ''} at ${routeOf(step.path)}`.trim());
    return position;
  }
  outcome.complete += 1;
  return position;
}

function referenceOf(demoCase: DemoCase): string {
  const reference = demoCase.steps[0]?.body.reference;
  return typeof reference === 'string' ? reference : demoCase.caseId;
}

function routeOf(path: string): string {
  return path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
}

/** A run that left nothing unfinished and did not stop early. */
export function loadedCompletely(outcome: LoadOutcome): boolean {
  return outcome.failure === undefined && outcome.unfinished.length === 0 && outcome.notStarted === 0;
}
