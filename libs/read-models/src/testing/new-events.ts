import { randomUUID } from 'node:crypto';
import type { EhcpCaseEvent } from '@ehcp/domain';
import type { NewEvent } from '@ehcp/event-store';

/**
 * Domain events (libs/domain/src/testing/case-events) as a test appends them straight to the store:
 * fresh ids and no metadata, which the projections never read.
 */
export function newEventsOf(events: readonly EhcpCaseEvent[]): NewEvent[] {
  return events.map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: { ...event.data },
    metadata: {},
  }));
}
