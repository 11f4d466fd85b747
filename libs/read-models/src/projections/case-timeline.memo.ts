import { timelineOf, type CaseTimeline, type EhcpCaseState } from '@ehcp/domain';

/**
 * The domain's `timelineOf`, worked out once per folded state: the case summary and the case views
 * both read the timeline of the same state after each event, and each working-out recomputes every
 * deadline (the bulk of a rebuild's time in JavaScript). States are never mutated, so a state's
 * timeline never changes; the WeakMap lets it go with the state.
 */
const timelines = new WeakMap<EhcpCaseState, CaseTimeline | null>();

export function caseTimelineOf(state: EhcpCaseState): CaseTimeline | null {
  if (!timelines.has(state)) timelines.set(state, timelineOf(state));
  return timelines.get(state)!;
}
