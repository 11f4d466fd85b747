import { Injectable } from '@nestjs/common';
import {
  caseExists,
  caseStreamOf,
  decodeCaseEvent,
  DomainError,
  ehcpCaseDecider,
  type EhcpCase,
} from '@ehcp/domain';
import { EventStore, type RecordedEvent } from '@ehcp/event-store';

/** Reads a case's stream straight from the event store (always current, unlike the read models). */
@Injectable()
export class CaseStreamReader {
  constructor(private readonly store: EventStore) {}

  /** The case and its events (decrypted: `data.personal` is null once erased), or 404 CASE_NOT_FOUND. */
  async loadExisting(caseId: string): Promise<{ state: EhcpCase; events: readonly RecordedEvent[] }> {
    let state = ehcpCaseDecider.initialState;
    const events: RecordedEvent[] = [];
    for await (const recorded of this.store.readStream(caseStreamOf(caseId))) {
      state = ehcpCaseDecider.evolve(state, decodeCaseEvent(recorded));
      events.push(recorded);
    }
    if (!caseExists(state))
      throw new DomainError('CASE_NOT_FOUND', 'No request has been received for this case');
    return { state, events };
  }
}
