import type { RecordViews } from '../../ehcp-case/ehcp-case.commands';
import type { ViewsRecorded } from '../../ehcp-case/ehcp-case.events';
import {
  refuse,
  requireCase,
  requireNewId,
  requireNotBefore,
  requirePastDate,
  requireStage,
  stagesExcept,
} from '../../ehcp-case/ehcp-case.guards';
import type { EhcpCase, EhcpCaseState } from '../../ehcp-case/ehcp-case.state';
import { VIEWS_SUMMARY_MAX_LENGTH, type ViewsStage } from '../../ehcp-case/ehcp-case.vocabulary';
import { assertNever } from '../../shared/assert-never';
import { DomainError } from '../../shared/domain-error';

/**
 * (2nd ed.) CFA 2014 s19(a)-(c) (and SEND Regs 2014 reg 6(1)(a), reg 9): the LA must have regard to
 * the child's or young person's views, wishes and feelings, so the record shows when and how they
 * were gathered, and for what: the assessment (any time), the draft plan (once one was issued, the
 * first plan's or a re-assessment's) or a review (once a plan exists). Any stage but closed, late
 * entry included; never dated before the case began. The summary, in their words, is personal data:
 * it goes in `personal` (encrypted with the case's key), so none is written once that key is erased.
 */
export function recordViews({ data, today }: RecordViews, state: EhcpCaseState): [ViewsRecorded] {
  const current = requireCase(state);
  const gatheredOn = requirePastDate(data.gatheredOn, 'gatheredOn', today);
  const summary = summaryOf(data.summary);
  requireStage(current, { allowed: stagesExcept('closed') });
  requireNotBefore(gatheredOn, current.requestReceivedOn, [
    'DATE_BEFORE_REQUEST',
    'Views gathered before the case began',
  ]);
  requireNewId(
    current.views.some((views) => views.viewsId === data.viewsId),
    'VIEWS_ALREADY_EXISTS',
    `Views ${data.viewsId}`,
  );
  requireStageReached(current, data.stage);
  if (summary !== null && current.personalDataErasedOn !== null)
    refuse([
      'PERSONAL_DATA_ERASED',
      `Personal data was erased on ${current.personalDataErasedOn}: record the views without a summary`,
    ]);
  const { viewsId, method, stage } = data;
  return [
    {
      type: 'ViewsRecorded',
      data: { viewsId, gatheredOn, method, stage, personal: summary === null ? null : { summary } },
    },
  ];
}

/** The summary as kept: trimmed, null when blank; longer than the limit is INVALID_TEXT. */
function summaryOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new DomainError('INVALID_TEXT', 'summary must be text', 'summary');
  const summary = value.trim();
  if (summary === '') return null;
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  if ([...summary].length > VIEWS_SUMMARY_MAX_LENGTH)
    throw new DomainError(
      'INVALID_TEXT',
      `summary must be at most ${VIEWS_SUMMARY_MAX_LENGTH} characters`,
      'summary',
    );
  return summary;
}

function requireStageReached(current: EhcpCase, stage: ViewsStage): void {
  switch (stage) {
    case 'assessment':
      return;
    case 'draft':
      if (current.draftIssuedOn === null && !current.reassessments.some((r) => r.draftIssuedOn !== null))
        refuse(['VIEWS_STAGE_NOT_REACHED', 'Views on the draft plan before any draft was issued']);
      return;
    case 'review':
      if (current.finalPlan === null)
        refuse(['VIEWS_STAGE_NOT_REACHED', 'Views for a review before the plan was issued']);
      return;
    default:
      return assertNever(stage);
  }
}
