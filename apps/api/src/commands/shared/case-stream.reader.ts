import { Injectable } from '@nestjs/common';
import {
  caseExists,
  DomainError,
  evolve,
  initialState,
  type EhcpCase,
  type EhcpCaseEvent,
  type EhcpCaseState,
} from '@ehcp/domain';
import { EventStore, type RecordedEvent } from '@ehcp/event-store';
import { caseStreamOf } from './case-stream';

export interface LoadedCase {
  readonly state: EhcpCaseState;
  /** Decrypted: `data.personal` is null once erased. */
  readonly events: readonly RecordedEvent[];
}

/** Reads a case's stream straight from the event store (always current, unlike the read models). */
@Injectable()
export class CaseStreamReader {
  constructor(private readonly store: EventStore) {}

  async load(caseId: string): Promise<LoadedCase> {
    let state: EhcpCaseState = initialState;
    const events: RecordedEvent[] = [];
    for await (const recorded of this.store.readStream(caseStreamOf(caseId))) {
      state = evolve(state, { type: recorded.type, data: recorded.data } as EhcpCaseEvent);
      events.push(recorded);
    }
    return { state, events };
  }

  /** The case's events, or 404 CASE_NOT_FOUND. */
  async loadExisting(caseId: string): Promise<{ state: EhcpCase; events: readonly RecordedEvent[] }> {
    const { state, events } = await this.load(caseId);
    if (!caseExists(state))
      throw new DomainError('CASE_NOT_FOUND', 'No request has been received for this case');
    return { state, events };
  }
}
