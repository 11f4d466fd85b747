import type { DomainError, DomainErrorKind } from '@ehcp/domain';
import type { Problem } from './problem';

/** The HTTP meaning of each kind of domain refusal: the domain itself knows nothing of HTTP. */
export function statusOfKind(kind: DomainErrorKind): 400 | 404 | 409 {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
  }
}

/** A domain refusal as a problem; invalid input names its field (API.md: every 400 does). */
export function domainErrorProblem(error: DomainError): Problem {
  const status = statusOfKind(error.kind);
  return {
    status,
    code: error.code,
    detail: error.message,
    // 'body': the whole input, for an invalid refusal raised without a field.
    ...(status === 400 ? { errors: [{ field: error.field ?? 'body', message: error.message }] } : {}),
  };
}
