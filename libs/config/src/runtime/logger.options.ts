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
        // The path only: a query can carry a child's name or date of birth (a search), and logs never do.
        url: typeof req.url === 'string' ? req.url.split('?')[0] : req.url,
      }),
    },
  };
}
