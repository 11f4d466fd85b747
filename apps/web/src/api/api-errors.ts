/** One field's problem as the API's problem+json `errors[]` gives it. */
export interface ProblemFieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * The API refused or failed: its status, problem `code` and field errors, so a page can show a GOV.UK
 * error summary (422/400/409), or the error filter can show the 403, 404 or "Sorry" page.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: readonly ProblemFieldError[] = [],
    /** The problem's `detail`: the plain reason a 409 gives (shown in a form's error summary). */
    readonly detail = '',
  ) {
    super(`API answered ${status} ${code}`);
    this.name = 'ApiError';
  }
}

/** The API did not answer in time or could not be reached. */
export class ApiUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`API unavailable: ${reason}`);
    this.name = 'ApiUnavailableError';
  }
}

/** Reads a problem+json body (RFC 9457) into an ApiError; tolerates any other body. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(problem.errors)
    ? problem.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({
          field: String(e.field ?? e.pointer ?? ''),
          message: String(e.message ?? e.detail ?? ''),
        }))
    : [];
  const code = typeof problem.code === 'string' ? problem.code : `http_${status}`;
  const title = typeof problem.title === 'string' ? problem.title : 'The request was refused';
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  return new ApiError(status, code, title, errors, detail);
}
