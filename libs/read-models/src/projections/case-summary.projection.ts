import { ceasesOnOf, EHCP_CASE_EVENT_TYPES, isOpen, type Deadline } from '@ehcp/domain';
import type { CaseSummaryEntity } from '../schema/case-summary.entity';
import { deadlineRowId } from './case-deadline.rows';
import type { ProjectedTable } from './projected-table';
import { upsert, type CaseChange, type Projection } from './projection.types';

export type CaseSummaryRow = Readonly<CaseSummaryEntity>;

export const CASE_SUMMARY_TABLE: ProjectedTable<CaseSummaryRow> = {
  name: 'case_summary',
  key: 'caseId',
  caseKey: 'caseId',
  columns: {
    caseId: 'text',
    reference: 'text',
    team: 'text',
    caseworkerId: 'text',
    stage: 'text',
    requestedBy: 'text',
    requestReceivedOn: 'date',
    childFirstName: 'text',
    childLastName: 'text',
    childDateOfBirth: 'date',
    firstFinalPlanIssuedOn: 'date',
    finalPlanExceptionApplies: 'boolean',
    openedByRequest: 'boolean',
    appealOrMediationBeforePlan: 'boolean',
    assessmentDecidedOn: 'date',
    assessmentRefused: 'boolean',
    draftIssuedOn: 'date',
    ceasesOn: 'date',
    nextDeadlineId: 'text',
    nextDueOn: 'date',
    revision: 'bigint',
  },
};

type Child = Pick<CaseSummaryRow, 'childFirstName' | 'childLastName' | 'childDateOfBirth'>;
const NO_CHILD: Child = { childFirstName: null, childLastName: null, childDateOfBirth: null };

/**
 * The case screen and work tray row. Everything but the child comes from the folded state; SEN2's
 * fields from the domain's `timelineOf`; the next deadline is the open one due first.
 */
export const caseSummaryProjection: Projection<CaseSummaryRow> = {
  table: CASE_SUMMARY_TABLE,
  // Every event moves the revision; most move the stage or the next deadline too.
  handles: EHCP_CASE_EVENT_TYPES,
  project([current], change) {
    const { caseId, after, revision, timeline } = change;
    const next = nextOpenDeadline(change.deadlines);
    const child = childOf(current, change);
    // Every field named (not the child spread in): one object of a fixed shape per event folded.
    return upsert({
      caseId,
      reference: after.reference,
      team: after.team,
      caseworkerId: after.caseworkerId,
      stage: after.stage,
      requestedBy: after.requestedBy,
      requestReceivedOn: after.requestReceivedOn,
      childFirstName: child.childFirstName,
      childLastName: child.childLastName,
      childDateOfBirth: child.childDateOfBirth,
      firstFinalPlanIssuedOn: timeline?.firstFinalPlanIssuedOn ?? null,
      finalPlanExceptionApplies: timeline?.finalPlanExceptionApplies ?? false,
      openedByRequest: timeline?.openedByRequest ?? true,
      appealOrMediationBeforePlan: timeline?.appealOrMediationBeforePlan ?? false,
      assessmentDecidedOn: timeline?.assessmentDecidedOn ?? null,
      assessmentRefused: timeline?.assessmentRefused ?? false,
      draftIssuedOn: after.draftIssuedOn,
      ceasesOn: ceasesOnOf(after),
      nextDeadlineId: next ? deadlineRowId(caseId, next.id) : null,
      nextDueOn: next?.dueOn ?? null,
      revision,
    });
  },
};

/**
 * The child's name and date of birth, decrypted by the event store, are the only personal data here:
 * from the request (2nd ed.: or the plan transferred in), then from each correction of the child's
 * details. They arrive null
 * when the case's key was already shredded (a rebuild after erasure), and are dropped for good once
 * PersonalDataErased is applied.
 */
function childOf(current: CaseSummaryRow | undefined, { event, after }: CaseChange): Child {
  if (after.personalDataErasedOn !== null) return NO_CHILD;
  if (
    event.type !== 'RequestReceived' &&
    event.type !== 'PlanTransferredIn' &&
    event.type !== 'ChildDetailsCorrected'
  )
    return current ? pickChild(current) : NO_CHILD;
  const personal = event.data.personal ?? null;
  if (personal === null) return NO_CHILD;
  return {
    childFirstName: personal.firstName,
    childLastName: personal.lastName,
    childDateOfBirth: personal.dateOfBirth,
  };
}

function pickChild({ childFirstName, childLastName, childDateOfBirth }: CaseSummaryRow): Child {
  return { childFirstName, childLastName, childDateOfBirth };
}

/** The work tray's urgency: the open deadline due first (overdue ones sort first by date), ties by id. */
function nextOpenDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  let next: Deadline | undefined;
  for (const deadline of deadlines) {
    if (!isOpen(deadline)) continue;
    if (!next || deadline.dueOn < next.dueOn || (deadline.dueOn === next.dueOn && deadline.id < next.id))
      next = deadline;
  }
  return next;
}
