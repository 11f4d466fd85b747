import { deadlinesOf, timelineOf, type CaseTimeline, type Deadline, type EhcpCaseState } from '@ehcp/domain';

/**
 * The domain's `deadlinesOf` (legal counting) and `timelineOf`, each worked out once per folded
 * state: the runner's change, the case summary and the case views all need them after each event,
 * and each working-out recomputes every deadline (the bulk of a rebuild's time in JavaScript). States
 * are never mutated, so neither ever changes; the WeakMaps let them go with the state.
 */
const legalDeadlines = new WeakMap<EhcpCaseState, readonly Deadline[]>();
const timelines = new WeakMap<EhcpCaseState, CaseTimeline | null>();

export function legalDeadlinesOf(state: EhcpCaseState): readonly Deadline[] {
  let deadlines = legalDeadlines.get(state);
  if (deadlines === undefined) legalDeadlines.set(state, (deadlines = deadlinesOf(state)));
  return deadlines;
}

export function caseTimelineOf(state: EhcpCaseState): CaseTimeline | null {
  if (!timelines.has(state)) timelines.set(state, timelineOf(state, legalDeadlinesOf(state)));
  return timelines.get(state)!;
}
