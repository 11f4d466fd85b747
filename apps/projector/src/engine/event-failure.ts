/**
 * SQLSTATE classes that say something about the data an event carries: 22 data exception (a date
 * PostgreSQL refuses, a NUL or a lone surrogate in text), 23 integrity constraint violation.
 * Any other SQLSTATE (connection lost, shutdown, lock or statement timeout, deadlock, serialization,
 * out of memory or disk, an undefined column after a bad deployment) is the server's or the
 * deployment's state, not the event's: retried for ever, never parked.
 */
const EVENT_SQLSTATE_CLASSES = new Set(['22', '23']);
const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_MESSAGE = 500;

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * True when `error` may be the event's own fault: an exception of the domain or of a projection (no
 * code), or a PostgreSQL data or constraint error. Socket errors (ECONNRESET...) and the other
 * SQLSTATEs are not. The caller parks an event only when it fails so twice, on its own, and the
 * connection still works afterwards.
 */
export function isEventFailure(error: unknown): boolean {
  const code = codeOf(error);
  if (code === undefined) return true;
  return SQLSTATE.test(code) && EVENT_SQLSTATE_CLASSES.has(code.slice(0, 2));
}

/**
 * The failure as logged and stored: SQLSTATE and message, with every quoted value masked
 * (PostgreSQL quotes the value it refused, which may be a child's date of birth) and capped.
 * Never the event's data.
 */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const code = codeOf(error);
  const redacted = message.replace(/"[^"]*"|'[^']*'/g, '"…"').slice(0, MAX_MESSAGE);
  return code === undefined ? redacted : `${code} ${redacted}`;
}

/** Where the failure was thrown: the stack's frames without its first line (the unredacted message). */
export function stackFramesOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack?.split('\n').slice(1).join('\n') : undefined;
}
