/**
 * SQLSTATEs of a PostgreSQL that is unreachable, restarting or full rather than of a bad statement:
 * class 08 (connection exception), 57P01..57P03 (admin shutdown, crash shutdown, cannot connect now:
 * a `pg_ctl restart`), 53300 (too many connections).
 */
const POSTGRES_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket errors of a peer that is down or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * What node-postgres and ioredis say, without a code, of a connection that broke or never opened:
 * pg "Connection terminated unexpectedly", "Client has encountered a connection error and is not
 * queryable", "timeout exceeded when trying to connect"; ioredis "Connection is closed." and its
 * offline-queue and retry refusals.
 */
const CONNECTION_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection is closed|Stream isn't writeable|Reached the max retries per request)/;

function isConnectionFailure(error: Record<string, unknown>): boolean {
  const { code, message } = error;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) return true;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}

/**
 * True when `error` (or what it wraps: TypeORM's `driverError`, a `cause`, an AggregateError's
 * `errors`) says a backing service (PostgreSQL, Redis) is down or restarting: a 503 to retry, not a bug.
 */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const fields = error as Record<string, unknown>;
  if (isConnectionFailure(fields)) return true;
  const wrapped = [fields.driverError, fields.cause, ...(Array.isArray(fields.errors) ? fields.errors : [])];
  return wrapped.some((inner) => isDependencyUnavailable(inner, depth + 1));
}
