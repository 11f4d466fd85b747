/** Problem `code`s of refused requests; the API's problem-details filter copies them verbatim. */
export type SecurityErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_TEAM' | 'RATE_LIMITED';

/**
 * A request refused for security reasons. Plain errors rather than Nest HttpExceptions so that one
 * filter maps every refusal to an RFC 9457 document: `status`, `title`, `code`, `detail` (the
 * message, safe to show) and `headers` to set. `cause` holds the underlying error, for logs only.
 */
export abstract class SecurityError extends Error {
  protected constructor(
    readonly status: 401 | 403 | 429,
    readonly code: SecurityErrorCode,
    readonly title: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = new.target.name;
  }

  /** The problem document's `detail`. */
  get detail(): string {
    return this.message;
  }
}

export type AuthenticationFailure = 'missing' | 'expired' | 'invalid';

const AUTHENTICATION_MESSAGES: Record<AuthenticationFailure, string> = {
  missing: 'A bearer token is required: send Authorization: Bearer <JWT>.',
  expired: 'The bearer token has expired.',
  invalid: 'The bearer token is not valid.',
};

/** 401. WWW-Authenticate as RFC 6750 section 3: no error code when the request carried no token. */
export class AuthenticationError extends SecurityError {
  constructor(
    readonly reason: AuthenticationFailure,
    cause?: unknown,
  ) {
    const challenge =
      reason === 'missing' ? 'Bearer realm="ehcp"' : 'Bearer realm="ehcp", error="invalid_token"';
    super(
      401,
      'UNAUTHENTICATED',
      'Unauthorized',
      AUTHENTICATION_MESSAGES[reason],
      { 'WWW-Authenticate': challenge },
      cause,
    );
  }
}

const ACCESS_DENIED_MESSAGES = {
  FORBIDDEN_ROLE: 'Your roles do not allow this action.',
  FORBIDDEN_TEAM: 'This belongs to a team you are not a member of.',
} as const;

/** 403: the caller is known but its roles or teams do not allow the request. */
export class AccessDeniedError extends SecurityError {
  constructor(code: keyof typeof ACCESS_DENIED_MESSAGES, detail: string = ACCESS_DENIED_MESSAGES[code]) {
    super(403, code, 'Forbidden', detail);
  }
}

/** 429: the caller spent its requests for the current window. */
export class RateLimitedError extends SecurityError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMITED', 'Too Many Requests', 'Too many requests: retry after the Retry-After delay.', {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
