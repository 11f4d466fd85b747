import { Logger, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { AccessDeniedError, AuthenticationError, RateLimitedError } from '@ehcp/auth';
import { DomainError } from '@ehcp/domain';
import { IdempotencyKeyReused, WrongExpectedVersion } from '@ehcp/event-store';
import { ApiProblem, ValidationProblem } from './api-problem';
import { ProblemDetailsFilter } from './problem-details.filter';

interface Sent {
  status: number;
  type: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function answer(error: unknown, requestHeaders: Record<string, string> = {}): Sent {
  const sent: Sent = { status: 0, type: '', headers: {}, body: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body) as Record<string, unknown>;
      return this;
    },
  };
  const request = { headers: requestHeaders, originalUrl: '/cases/1/final-plan?x=1', id: 'corr-1' };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('ProblemDetailsFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('writes RFC 9457 documents with the request path and correlation id', () => {
    const sent = answer(new DomainError('FINAL_PLAN_BEFORE_DRAFT', 'No draft plan has been issued'));
    expect(sent.type).toBe('application/problem+json');
    expect(sent).toMatchObject({ status: 409 });
    expect(sent.body).toEqual({
      type: 'urn:ehcp:problem:final-plan-before-draft',
      title: 'Conflict',
      status: 409,
      detail: 'No draft plan has been issued',
      code: 'FINAL_PLAN_BEFORE_DRAFT',
      instance: '/cases/1/final-plan',
      correlationId: 'corr-1',
    });
  });

  it.each<[string, unknown, Record<string, string>, number, string]>([
    ['a domain 404', new DomainError('CASE_NOT_FOUND', 'x'), {}, 404, 'CASE_NOT_FOUND'],
    ['a domain 400', new DomainError('INVALID_TRANSFER_YEAR', 'x'), {}, 400, 'INVALID_TRANSFER_YEAR'],
    ['validation', ValidationProblem.of('decidedOn', 'bad'), {}, 400, 'VALIDATION_FAILED'],
    [
      'a stale If-Match',
      new WrongExpectedVersion('s', 1n, 2n),
      { 'if-match': '"1"' },
      412,
      'REVISION_MISMATCH',
    ],
    ['retries exhausted', new WrongExpectedVersion('s', 1n, 2n), {}, 409, 'CONCURRENT_MODIFICATION'],
    [
      'If-Match: * on no case',
      new WrongExpectedVersion('s', 'stream_exists', 'no_stream'),
      { 'if-match': '*' },
      412,
      'REVISION_MISMATCH',
    ],
    [
      'If-Match: * and retries exhausted',
      new WrongExpectedVersion('s', 1n, 2n),
      { 'if-match': '*' },
      409,
      'CONCURRENT_MODIFICATION',
    ],
    ['a reused key (event store)', new IdempotencyKeyReused('s', 'k'), {}, 409, 'IDEMPOTENCY_KEY_REUSED'],
    ['a reused key (api)', new ApiProblem('IDEMPOTENCY_KEY_REUSED', 'x'), {}, 409, 'IDEMPOTENCY_KEY_REUSED'],
    ['no token', new AuthenticationError('missing'), {}, 401, 'UNAUTHENTICATED'],
    ['a role', new AccessDeniedError('FORBIDDEN_ROLE'), {}, 403, 'FORBIDDEN_ROLE'],
    ['a team', new AccessDeniedError('FORBIDDEN_TEAM'), {}, 403, 'FORBIDDEN_TEAM'],
    ['throttled', new RateLimitedError(30), {}, 429, 'RATE_LIMITED'],
    ['an unknown route', new NotFoundException('Cannot GET /x'), {}, 404, 'NOT_FOUND'],
    ['an oversize body (parser)', new ApiProblem('PAYLOAD_TOO_LARGE', 'x'), {}, 413, 'PAYLOAD_TOO_LARGE'],
    ['an oversize body (Nest)', new PayloadTooLargeException(), {}, 413, 'PAYLOAD_TOO_LARGE'],
  ])('%s', (_title, error, headers, status, code) => {
    const sent = answer(error, headers);
    expect(sent.status).toBe(status);
    expect(sent.body).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String) });
  });

  // The domain names the field where it refuses the input (libs/domain specs); the filter passes it on.
  it.each<[DomainError, string]>([
    [
      new DomainError('INVALID_TRANSFER_YEAR', 'transferYear must be a whole year', 'transferYear'),
      'transferYear',
    ],
    [
      new DomainError(
        'QA_SECTION_GRADE_INVALID',
        "Section B cannot be graded 'not_applicable'",
        'sections.B',
      ),
      'sections.B',
    ],
    [
      new DomainError('DATE_IN_FUTURE', 'child.dateOfBirth is after today', 'child.dateOfBirth'),
      'child.dateOfBirth',
    ],
    [
      new DomainError('INVALID_DATE', 'issuedOn must be a calendar date YYYY-MM-DD, got x', 'issuedOn'),
      'issuedOn',
    ],
    [
      new DomainError(
        'INVALID_TEXT',
        'child.firstName must not contain control characters (U+0000)',
        'child.firstName',
      ),
      'child.firstName',
    ],
  ])('a domain 400 names its field: %s', (error, field) => {
    expect(answer(error).body.errors).toEqual([{ field, message: error.message }]);
  });

  it('copies a security error headers (WWW-Authenticate, Retry-After)', () => {
    expect(answer(new AuthenticationError('expired')).headers['WWW-Authenticate']).toContain('invalid_token');
    expect(answer(new RateLimitedError(30)).headers['Retry-After']).toBe('30');
  });

  it('copies a self-describing 4xx or 503 error (status, code, message, headers, errors)', () => {
    const waiting = Object.assign(new Error('Read models are behind; retry shortly.'), {
      status: 503,
      code: 'PROJECTION_LAGGING',
      headers: { 'Retry-After': '1' },
    });
    const sent = answer(waiting);
    expect(sent).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    expect(sent.body).toMatchObject({
      code: 'PROJECTION_LAGGING',
      detail: 'Read models are behind; retry shortly.',
    });
  });

  it('answers anything else 500 INTERNAL without its message, and logs it', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    log.mockClear();
    const secret = Object.assign(new Error('password authentication failed for user "ehcp"'), {
      status: 500,
      code: 'X',
    });
    for (const error of [new Error('connect ECONNREFUSED 10.0.0.5:5432'), secret, 'a string', null]) {
      const sent = answer(error);
      expect(sent.status).toBe(500);
      expect(sent.body.code).toBe('INTERNAL');
      expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|password|10\.0\.0\.5/);
    }
    expect(log).toHaveBeenCalledTimes(4);
  });
});
