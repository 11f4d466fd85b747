import {
  DEADLINE_TITLES,
  daysLateOf,
  stageOn,
  statusOf,
  type Deadline,
  type EhcpCase,
  type EhcpCaseEvent,
} from '@ehcp/domain';
import type { FamilyStepDto, FamilyViewDto, FamilyViewsDto } from './family-view.dto';

export interface FamilyViewFacts {
  /** The case after the view was recorded. */
  readonly state: EhcpCase;
  /** Its events, decrypted (`personal` null once erased), in order. */
  readonly events: readonly EhcpCaseEvent[];
  /** deadlinesOf(state) in the council's counting. */
  readonly deadlines: readonly Deadline[];
  readonly linkId: string;
  readonly teamName: string;
  readonly asOf: string;
}

/**
 * What the family's page shows of their case, and nothing else: the child's first name (never the
 * rest of their details), the statutory steps with their dates, and the child's views. Built from the
 * folded state, so corrected and voided facts read as corrected; the words in their own voice come
 * from the events, the only place they are kept (encrypted).
 */
export function familyViewOf(facts: FamilyViewFacts): FamilyViewDto {
  const { state, asOf } = facts;
  const link = state.familyLinks.find((candidate) => candidate.linkId === facts.linkId);
  if (!link) throw new Error('the family view was recorded for a link the case does not hold');
  return {
    reference: state.reference,
    childFirstName: childFirstNameOf(facts.events),
    team: { code: state.team, name: facts.teamName },
    stage: stageOn(state, asOf),
    asOf,
    expiresOn: link.expiresOn,
    steps: stepsOf(facts.deadlines, asOf),
    views: viewsOf(state, facts.events),
  };
}

/** The deadlines in due order (then as derived), those cancelled on asOf left out. */
function stepsOf(deadlines: readonly Deadline[], asOf: string): FamilyStepDto[] {
  return deadlines
    .map((deadline) => ({ deadline, status: statusOf(deadline, asOf).status }))
    .filter(({ status }) => status !== 'cancelled')
    .sort((a, b) => (a.deadline.dueOn < b.deadline.dueOn ? -1 : a.deadline.dueOn > b.deadline.dueOn ? 1 : 0))
    .map(({ deadline, status }) => ({
      id: deadline.id,
      kind: deadline.kind,
      title: DEADLINE_TITLES[deadline.kind],
      ref: deadline.ref,
      startsOn: deadline.startsOn,
      dueOn: deadline.dueOn,
      metOn: deadline.metOn,
      status,
      daysLate: daysLateOf(deadline, asOf),
      exceptionApplies: deadline.exceptionApplies,
    }));
}

/** The latest first name recorded (a correction wins), or null once the child's details are erased. */
function childFirstNameOf(events: readonly EhcpCaseEvent[]): string | null {
  let firstName: string | null = null;
  for (const event of events)
    if (CHILD_DETAILS_EVENTS.has(event.type))
      // Erased: the store answers `personal` as null, whatever the type says.
      firstName = (event.data as { personal?: { firstName?: string } | null }).personal?.firstName ?? null;
  return firstName;
}

/** The events that record the child's details (in `personal`, encrypted). */
const CHILD_DETAILS_EVENTS: ReadonlySet<string> = new Set([
  'RequestReceived',
  'PlanTransferredIn',
  'ChildDetailsCorrected',
]);

/** The views on the record (as corrected), each with its summary from its event, if any is left. */
function viewsOf(state: EhcpCase, events: readonly EhcpCaseEvent[]): FamilyViewsDto[] {
  const summaries = new Map<string, string | null>();
  for (const event of events)
    if (event.type === 'ViewsRecorded')
      summaries.set(event.data.viewsId, event.data.personal?.summary ?? null);
  return state.views.map(({ viewsId, gatheredOn, method, stage }) => ({
    gatheredOn,
    method,
    stage,
    summary: summaries.get(viewsId) ?? null,
  }));
}
