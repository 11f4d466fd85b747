import type { EhcpCaseCommand } from './ehcp-case.commands';
import { decide } from './ehcp-case.decider';
import type { EhcpCaseEvent } from './ehcp-case.events';
import { evolve } from './ehcp-case.evolve';
import { initialState, type EhcpCaseState } from './ehcp-case.state';

// One event stream per case, named after the case: the command side appends to it and the projector
// follows every stream with this prefix.

/** Stored in every case stream's name, so never change it. */
export const CASE_STREAM_PREFIX = 'ehcp-case-';

/** The event stream of one case. */
export function caseStreamOf(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}

/** The case a stream belongs to; throws for a stream that is not a case's. */
export function caseIdOf(streamName: string): string {
  if (!streamName.startsWith(CASE_STREAM_PREFIX)) throw new Error(`${streamName} is not a case stream`);
  return streamName.slice(CASE_STREAM_PREFIX.length);
}

/**
 * A stored event as the domain sees it: events are stored as their `{ type, data }` envelope, so this
 * only drops what the store adds (ids, revisions, metadata). The place for upcasters when a stored
 * shape changes; `evolve` refuses an event that cannot follow the state it meets.
 */
export function decodeCaseEvent(recorded: { readonly type: string; readonly data: unknown }): EhcpCaseEvent {
  return { type: recorded.type, data: recorded.data } as EhcpCaseEvent;
}

/** The decider pattern (DESIGN.md, Domain), stated here so the domain depends on no event store. */
export interface EhcpCaseDecider {
  readonly initialState: EhcpCaseState;
  evolve(state: EhcpCaseState, event: EhcpCaseEvent): EhcpCaseState;
  decide(command: EhcpCaseCommand, state: EhcpCaseState): readonly EhcpCaseEvent[];
}

/** A case's decider: what a command runner folds and asks. */
export const ehcpCaseDecider: EhcpCaseDecider = { initialState, evolve, decide };
