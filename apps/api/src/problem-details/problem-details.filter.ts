import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { SecurityError } from '@ehcp/auth';
import { isDependencyUnavailable } from '@ehcp/config';
import { isDomainError } from '@ehcp/domain';
import {
  EventStoreTimeout,
  IdempotencyKeyReused,
  InvalidPosition,
  WrongExpectedVersion,
} from '@ehcp/event-store';
import { ApiProblem, type FieldError } from './api-problem';
import { domainErrorProblem } from './domain-error.problem';
import type { Problem } from './problem';
import { PROBLEM_CONTENT_TYPE } from './problem-document';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const INTERNAL: Problem = {
  status: 500,
  code: 'INTERNAL',
  detail: 'An unexpected error occurred; it has been logged.',
};

/** PostgreSQL or Redis is down or restarting: the request may be retried once it is back. */
const DEPENDENCY_UNAVAILABLE: Problem = {
  status: 503,
  code: 'SERVICE_UNAVAILABLE',
  detail: 'A backing service is unavailable (restarting?); retry shortly.',
  headers: { 'Retry-After': '1' },
};

/**
 * The API's one exception filter: every error becomes an RFC 9457 problem document with a stable
 * `code`. Client mistakes map to 4xx; anything unrecognised is a 500 whose details stay in the log.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.problemOf(error, request);
    if (problem.status >= 500) this.logger.error({ err: error, code: problem.code }, 'request failed');
    if (response.headersSent) return;
    const correlationId = typeof request.id === 'string' ? request.id : undefined;
    for (const [name, value] of Object.entries(problem.headers ?? {})) response.setHeader(name, value);
    response
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          type: `urn:ehcp:problem:${problem.code.toLowerCase().replace(/_/g, '-')}`,
          title: problem.title ?? TITLES[problem.status] ?? 'Error',
          status: problem.status,
          detail: problem.detail,
          code: problem.code,
          ...(problem.errors ? { errors: problem.errors } : {}),
          instance: request.originalUrl?.split('?')[0],
          ...(correlationId ? { correlationId } : {}),
        }),
      );
  }

  private problemOf(error: unknown, request: Request): Problem {
    if (error instanceof ApiProblem)
      return { status: error.status, code: error.code, detail: error.message, errors: error.errors };
    if (isDomainError(error)) return domainErrorProblem(error);
    if (error instanceof WrongExpectedVersion) return concurrencyProblem(error, request);
    if (error instanceof IdempotencyKeyReused)
      return {
        status: 409,
        code: 'IDEMPOTENCY_KEY_REUSED',
        detail: 'This Idempotency-Key was already used for a different request.',
      };
    if (error instanceof InvalidPosition)
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'minPosition is not a position this service issued.',
        errors: [{ field: 'minPosition', message: 'must be a position returned by a command' }],
      };
    if (error instanceof EventStoreTimeout)
      return {
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        detail: 'The event store did not answer in time; retry shortly.',
        headers: { 'Retry-After': '1' },
      };
    if (error instanceof SecurityError)
      return {
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.message,
        headers: error.headers,
      };
    if (isProblemLike(error)) return problemOfSelfDescribing(error);
    if (error instanceof HttpException) return httpExceptionProblem(error);
    if (isDependencyUnavailable(error)) return DEPENDENCY_UNAVAILABLE;
    return INTERNAL;
  }
}

/**
 * 412 when the client's If-Match failed: a pinned revision, or `*` on a case that does not exist;
 * else (no If-Match, or `*` on a busy case) the runner's retries ran out: 409.
 */
function concurrencyProblem(error: WrongExpectedVersion, request: Request): Problem {
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && (ifMatch.trim() !== '*' || error.expected === 'stream_exists'))
    return {
      status: 412,
      code: 'REVISION_MISMATCH',
      detail:
        error.actual === 'no_stream'
          ? 'If-Match names a case that does not exist; nothing was applied.'
          : 'The case is no longer at the If-Match revision; read it again and retry.',
    };
  return {
    status: 409,
    code: 'CONCURRENT_MODIFICATION',
    detail: 'The case was changed concurrently too often; retry the command.',
  };
}

type SelfDescribingError = Error & {
  status: number;
  code: string;
  title?: unknown;
  headers?: unknown;
  errors?: unknown;
};

/**
 * Errors that describe themselves (`status`, `code`, a safe `message`, optionally `title`, `headers`
 * such as Retry-After, `errors`), e.g. the queries' own refusals: 4xx and 503 only, so that a stray
 * `status` never leaks a 500's message.
 */
function isProblemLike(error: unknown): error is SelfDescribingError {
  if (!(error instanceof Error)) return false;
  const { status, code } = error as unknown as Record<string, unknown>;
  return (
    typeof status === 'number' &&
    ((status >= 400 && status < 500) || status === 503) &&
    typeof code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(code)
  );
}

function problemOfSelfDescribing(error: SelfDescribingError): Problem {
  const headers =
    typeof error.headers === 'object' && error.headers !== null
      ? Object.fromEntries(
          Object.entries(error.headers).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : undefined;
  const errors = Array.isArray(error.errors) ? (error.errors as FieldError[]) : undefined;
  return {
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(typeof error.title === 'string' ? { title: error.title } : {}),
    ...(headers ? { headers } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** Nest's own exceptions: unknown routes, and anything a library throws as an HttpException. */
function httpExceptionProblem(error: HttpException): Problem {
  const status = error.getStatus();
  const body = error.getResponse();
  const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof given.code === 'string' ? given.code : undefined;
  const message = typeof given.message === 'string' ? given.message : error.message;
  switch (true) {
    case status === HttpStatus.NOT_FOUND && code === undefined:
      return { status, code: 'NOT_FOUND', detail: message };
    case status === HttpStatus.PAYLOAD_TOO_LARGE:
      return { status, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is too large.' };
    case status === HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return { status: 400, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the body as application/json.' };
    case status === HttpStatus.TOO_MANY_REQUESTS:
      return { status, code: code ?? 'RATE_LIMITED', detail: 'Too many requests.' };
    case status >= 400 && status < 500:
      return { status, code: code ?? `HTTP_${status}`, detail: message };
    case status === HttpStatus.SERVICE_UNAVAILABLE:
      return { status, code: code ?? 'SERVICE_UNAVAILABLE', detail: message };
    default:
      return INTERNAL;
  }
}
