import pino, { type Logger } from 'pino';
import { loggerOptions } from '../logger.options';

export interface CapturedLogger {
  readonly logger: Logger;
  /** Everything written so far, one JSON line per call. */
  output(): string;
}

/** A pino logger configured as the apps' (logger.options.ts), writing synchronously into memory. */
export function capturedLogger(): CapturedLogger {
  const lines: string[] = [];
  const logger = pino(loggerOptions('trace'), { write: (line: string) => lines.push(line) });
  return { logger, output: () => lines.join('') };
}
