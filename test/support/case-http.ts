import type { Response } from 'supertest';
import type { Caller } from './command-api';

/** A deadline as GET /cases/{caseId} answers it (API.md `Deadline`, 2nd ed. `title` and `cancelsOn`). */
export interface DeadlineView {
  id: string;
  kind: string;
  title: string;
  ref: string | null;
  startsOn: string;
  dueOn: string;
  metOn: string | null;
  status: string;
  daysRemaining: number | null;
  exceptionApplies: boolean;
  cancelsOn: string | null;
  rule: string;
}

/** GET /cases/{caseId}, with the (2nd ed.) fields the process tests read. */
export interface CaseView {
  caseId: string;
  stage: string;
  requestReceivedOn: string | null;
  revision: number;
  ceasesOn: string | null;
  transferredIn: {
    fromAuthority: string;
    transferredOn: string;
    planMadeOn: string;
    lastReviewedOn: string | null;
  } | null;
  appeals: { appealId: string; against: string; lodgedOn: string; outcome: unknown }[];
  deadlines: DeadlineView[];
}

/**
 * One caller's commands and reads over HTTP, remembering the position of the last accepted command
 * so that every read waits for the projector to have caught up with it (minPosition).
 */
export class CaseHttp {
  private position = '';

  constructor(private readonly caller: Caller) {}

  /** A command that must be accepted (2xx): its body (ids, revision, position). */
  async send(path: string, body: unknown): Promise<Record<string, string>> {
    const response = await this.caller.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    this.position = response.body.position as string;
    return response.body as Record<string, string>;
  }

  /** A command that must be refused: the response, for its problem document. */
  async refused(path: string, body: unknown): Promise<Response> {
    const response = await this.caller.post(path, body);
    if (response.status < 400) throw new Error(`${path} was accepted: ${response.text}`);
    return response;
  }

  /** The case screen once the projector has caught up, as of `asOf` (default: the api's today). */
  async screen(caseId: string, asOf?: string): Promise<CaseView> {
    const query = [this.minPosition(), asOf ? `asOf=${asOf}` : ''].filter(Boolean).join('&');
    const { body } = await this.caller.get(`/cases/${caseId}?${query}`).expect(200);
    return body as CaseView;
  }

  async deadlines(caseId: string, asOf?: string): Promise<DeadlineView[]> {
    return (await this.screen(caseId, asOf)).deadlines;
  }

  /** The case's deadline with this id (`kind` or `kind-ref`), failing loudly if it has none. */
  async deadline(caseId: string, id: string, asOf?: string): Promise<DeadlineView> {
    const all = await this.deadlines(caseId, asOf);
    const found = all.find((d) => d.id === id);
    if (!found) throw new Error(`case ${caseId} has no deadline ${id}: ${all.map((d) => d.id).join(', ')}`);
    return found;
  }

  /** The deadline ids of the case, in the order the screen gives them. */
  async deadlineIds(caseId: string, asOf?: string): Promise<string[]> {
    return (await this.deadlines(caseId, asOf)).map((d) => d.id);
  }

  /** `minPosition=<the last accepted command's position>`, or nothing before the first one. */
  private minPosition(): string {
    return this.position ? `minPosition=${this.position}` : '';
  }

  /** The case's history length - 1 (its revision), or -1 when there is no such case. */
  async revision(caseId: string): Promise<number> {
    const response = await this.caller.get(`/cases/${caseId}/events`);
    if (response.status === 404) return -1;
    return (response.body as unknown[]).length - 1;
  }

  /** GET /timeliness/sen2 once the projector has caught up. */
  async sen2(query: string): Promise<Record<string, number>> {
    const response = await this.caller.get(
      `/timeliness/sen2?${[query, this.minPosition()].filter(Boolean).join('&')}`,
    );
    if (response.status !== 200)
      throw new Error(`GET /timeliness/sen2?${query}: ${response.status} ${response.text}`);
    return response.body as Record<string, number>;
  }
}

/** A refusal as API.md gives it: problem+json with the status and code (and the field, for bad input). */
export function expectProblem(response: Response, status: number, code: string, field?: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (field !== undefined)
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}
