/** One bad input: `field` is a body path (`child.dateOfBirth`), a path parameter or a header name. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Problem codes the HTTP layer adds to the domain's (libs/domain DOMAIN_ERROR_KINDS) and the auth
 * library's (UNAUTHENTICATED, FORBIDDEN_ROLE, FORBIDDEN_TEAM, RATE_LIMITED). Stable contract.
 */
export const HTTP_PROBLEM_CODES = {
  /** 400: the body, a path parameter or a header failed validation; `errors` names each field. */
  VALIDATION_FAILED: 400,
  /** 400: the body is not JSON. */
  MALFORMED_JSON: 400,
  /** 413: the body is larger than the limit (64 kB). */
  PAYLOAD_TOO_LARGE: 413,
  /** 400: a body sent with a content type other than JSON. */
  UNSUPPORTED_MEDIA_TYPE: 400,
  /** 404: no such route. */
  NOT_FOUND: 404,
  /** 409: the case changed under the command more often than the retries allow. */
  CONCURRENT_MODIFICATION: 409,
  /** 409: an Idempotency-Key was reused for a different request. */
  IDEMPOTENCY_KEY_REUSED: 409,
  /** 412: `If-Match` named a revision the case is no longer at. */
  REVISION_MISMATCH: 412,
  /** 500: a fault of ours; details are logged, never sent. */
  INTERNAL: 500,
  /** 503: a dependency (database, event store) did not answer. */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type HttpProblemCode = keyof typeof HTTP_PROBLEM_CODES;

/**
 * A refusal raised by the HTTP layer itself. Deliberately no `statusCode` property: Nest would take
 * an error carrying one for a Fastify error and rewrap it before our filter sees it.
 */
export class ApiProblem extends Error {
  readonly status: number;

  constructor(
    readonly code: HttpProblemCode,
    detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = 'ApiProblem';
    this.status = HTTP_PROBLEM_CODES[code];
  }
}

/** 400 VALIDATION_FAILED listing every bad field. */
export class ValidationProblem extends ApiProblem {
  constructor(errors: readonly FieldError[]) {
    const fields = [...new Set(errors.map((error) => error.field))].join(', ');
    super('VALIDATION_FAILED', `The request is invalid: ${fields}.`, errors);
    this.name = 'ValidationProblem';
  }

  static of(field: string, message: string): ValidationProblem {
    return new ValidationProblem([{ field, message }]);
  }
}
