/**
 * Rejects after `ms` unless `promise` settles first. Client libraries can hang on a peer that accepts
 * TCP but never answers (STACK.md), so every remote call gets an application-level deadline.
 * `what` names the call in the error (`<what> did not answer within <ms> ms`), or builds the error.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string | (() => Error)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(what, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function timeoutError(what: string | (() => Error), ms: number): Error {
  return typeof what === 'string' ? new Error(`${what} did not answer within ${ms} ms`) : what();
}
