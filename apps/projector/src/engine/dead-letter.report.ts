import type { Logger } from '@nestjs/common';
import type { DeadLetter } from './dead-letter.store';
import { projectionMetrics } from './projection.metrics';

/**
 * Logs and counts events just parked: where and what, never the event's data (children's personal
 * data); the error was redacted when the dead letter was made.
 */
export function reportParked(logger: Logger, letters: readonly DeadLetter[]): void {
  for (const { position, caseId, revision, eventType, status, error } of letters) {
    projectionMetrics.parked(status);
    const fields = { position, caseId, revision, eventType, status, error };
    if (status === 'parked')
      logger.error(fields, 'projection event parked in the dead-letter table: it fails on its own');
    else logger.warn(fields, 'projection event parked behind an earlier parked event of its case');
  }
}
