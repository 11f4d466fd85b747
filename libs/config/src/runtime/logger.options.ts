import type { LoggerOptions } from 'pino';
import type { AppConfig } from '../config.schema';
import { scrubError } from './error-scrubber';
import { LOG_CENSOR, REDACTED_LOG_PATHS } from './log-redaction';

/** An error logged alone or as `{ err }`, scrubbed before pino takes its message and fields. */
function scrubbedArgument(arg: unknown): unknown {
  if (arg instanceof Error) return scrubError(arg);
  if (typeof arg === 'object' && arg !== null && (arg as { err?: unknown }).err instanceof Error)
    return { ...arg, err: scrubError((arg as { err: Error }).err) };
  return arg;
}

/**
 * What a request line keeps of a URL: the path only, since a query can carry a child's name or date of
 * birth (a search); and a family's private link (/family/<token>) without its token, which opens a
 * child's case to whoever holds it (issue 17).
 */
export function loggedPath(url: string): string {
  return url.split('?')[0].replace(/^\/family\/[^/]+/, '/family/[redacted]');
}

/**
 * pino options of every app: the level, redaction of credentials and personal data, and a hook that
 * scrubs errors before they are written (pino takes `msg` from an error's message, past serializers).
 * Request lines carry the id, method and URL only, never headers or bodies.
 */
export function loggerOptions(level: AppConfig['LOG_LEVEL']): LoggerOptions {
  return {
    level,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: LOG_CENSOR },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map(scrubbedArgument) as Parameters<typeof method>);
      },
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: typeof req.url === 'string' ? loggedPath(req.url) : req.url,
      }),
    },
  };
}
