/**
 * Fields of an error that quote the data being written rather than describe the failure:
 * PostgreSQL's DETAIL ("Failing row contains (...)", "Key (...)=(...)"), its CONTEXT (`where`: the
 * JSON or parameter being parsed) and internal query, and TypeORM's `parameters` of the statement.
 */
const DATA_FIELDS = new Set(['detail', 'where', 'internalQuery', 'parameters']);

/** Causes and driver errors nest; a cycle or a pathological chain stops here. */
const MAX_DEPTH = 5;

/** SQLSTATE class 22, data exception: its messages end with the offending value. */
const DATA_EXCEPTION_CLASS = '22';

type ErrorRecord = Error & Record<string, unknown>;

/** An error report from PostgreSQL (pg's DatabaseError, or TypeORM's QueryFailedError copying it). */
function isPostgresReport(error: ErrorRecord): boolean {
  return (
    typeof error.severity === 'string' && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)
  );
}

/** `date/time field value out of range: "0000-02-29"` keeps only `date/time field value out of range`. */
function messageOf(error: ErrorRecord): string {
  const message = String(error.message);
  if (!isPostgresReport(error) || !String(error.code).startsWith(DATA_EXCEPTION_CLASS)) return message;
  const colon = message.indexOf(': ');
  return colon < 0 ? message : message.slice(0, colon);
}

function scrubValue(value: unknown, depth: number): unknown {
  return value instanceof Error && depth < MAX_DEPTH ? scrubError(value, depth + 1) : value;
}

/**
 * A copy of `error`, of the same class, without what PostgreSQL and TypeORM quote of the data
 * (children's names and dates of birth among it) in its message, stack, fields, cause and nested
 * errors. The logger applies it to every error it writes (logger.options.ts); the original error,
 * which its handler may still rethrow or inspect, is left untouched.
 */
export function scrubError(error: Error, depth = 0): Error {
  const source = error as ErrorRecord;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as ErrorRecord;
  for (const [key, value] of Object.entries(source))
    if (!DATA_FIELDS.has(key)) copy[key] = scrubValue(value, depth);
  const message = messageOf(source);
  // Own, non-enumerable, as on the original: loggers print them by name, not by enumeration.
  const define = (key: string, value: unknown) =>
    Object.defineProperty(copy, key, { value, writable: true, configurable: true });
  define('message', message);
  if (typeof error.stack === 'string')
    define('stack', message === error.message ? error.stack : error.stack.replace(error.message, message));
  if (error.cause !== undefined) define('cause', scrubValue(error.cause, depth));
  if (Array.isArray(source.errors))
    define(
      'errors',
      source.errors.map((inner: unknown) => scrubValue(inner, depth)),
    );
  return copy;
}
