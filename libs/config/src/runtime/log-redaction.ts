/**
 * Keys that hold a child's personal data (DESIGN.md: names and date of birth never in logs), as
 * commands (`child`), events (`personal`), read-model rows (`childFirstName`, `child_first_name`) and
 * request or response bodies (`body`, which for POST /cases carries the child) name them.
 */
const PERSONAL_KEYS = [
  'child',
  'personal',
  'firstName',
  'lastName',
  'dateOfBirth',
  'childFirstName',
  'childLastName',
  'childDateOfBirth',
  'child_first_name',
  'child_last_name',
  'child_date_of_birth',
  'body',
];

/** What errors quote of the data written (scrubError removes them first; this is the safety net). */
const QUOTING_KEYS = ['parameters', 'detail', 'where', 'internalQuery'];

/** pino's wildcards match one level each: logged objects nest a few levels (err.driverError.where). */
const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];
const at = (keys: string[], depths: string[]) =>
  keys.flatMap((key) => depths.map((depth) => `${depth}${key}`));

export const LOG_CENSOR = '[redacted]';

/**
 * pino `redact` paths: credentials, and personal data wherever a log call puts it. Defence in depth:
 * code must not log personal data in the first place; this catches what slips through.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...at(PERSONAL_KEYS, DEPTHS),
  // Inside an error (or what wraps one), not a log line's own `detail`.
  ...at(QUOTING_KEYS, DEPTHS.slice(1)),
];
