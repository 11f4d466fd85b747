import { canCorrect, canVoid } from '../steps/correction-form.view-model';
import { escapeHtml } from '../views/escape-html';
import { govukDate } from '../views/govuk-date.filter';
import type { CaseEventJson, CaseJson, DeadlineJson, NotificationJson } from './case-api.types';
import {
  appealSubjectWords,
  daysRemainingWords,
  eventWords,
  stageWords,
  statusTag,
  type StatusTag,
  valueWords,
} from './case-words.view-model';

export interface SummaryRow {
  readonly key: { text: string };
  readonly value: { text: string };
}

const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });

function openAppealsWords(caseJson: CaseJson): string {
  const open = (caseJson.appeals ?? []).filter((appeal) => appeal.outcome === null);
  if (open.length === 0) return 'None';
  return open
    .map((appeal) => `Against ${appealSubjectWords(appeal.against)}, lodged ${govukDate(appeal.lodgedOn)}`)
    .join('; ');
}

/** How the case began: a request for assessment, or a plan transferred in from another council. */
function originRows(caseJson: CaseJson): SummaryRow[] {
  const transfer = caseJson.transferredIn;
  if (transfer)
    return [
      row('Transferred in', `From ${transfer.fromAuthority} on ${govukDate(transfer.transferredOn)}`),
      row('Plan made', govukDate(transfer.planMadeOn)),
      row(
        'Last annual review',
        transfer.lastReviewedOn ? govukDate(transfer.lastReviewedOn) : 'None recorded',
      ),
    ];
  return [
    row(
      'Request received',
      caseJson.requestReceivedOn ? govukDate(caseJson.requestReceivedOn) : 'Not recorded',
    ),
  ];
}

/** The summary list at the top of the case page. The child's details are shown here and nowhere logged. */
export function caseSummaryRows(caseJson: CaseJson): SummaryRow[] {
  const child = caseJson.child;
  return [
    row('Reference', caseJson.reference ?? 'No reference'),
    row('Team', caseJson.team),
    row('Stage', stageWords(caseJson.stage)),
    row('Caseworker', caseJson.caseworkerId ?? 'Not assigned'),
    ...originRows(caseJson),
    ...(caseJson.ceasesOn ? [row('Plan ceases on', govukDate(caseJson.ceasesOn))] : []),
    row('Open appeals', openAppealsWords(caseJson)),
    row("Child's name", child ? `${child.firstName} ${child.lastName}` : 'Personal data erased'),
    row('Date of birth', child ? govukDate(child.dateOfBirth) : 'Personal data erased'),
  ];
}

export interface DeadlineRow {
  readonly id: string;
  readonly title: string;
  readonly dueOn: string;
  /** For the sortable table: the ISO due date and the days as a number sort as they should. */
  readonly dueOnSortValue: string;
  readonly metOn: string;
  readonly daysRemaining: string;
  readonly daysRemainingSortValue: string;
  readonly tag: StatusTag;
  readonly rule: string;
  readonly exceptionApplies: string;
}

export function deadlineRowOf(deadline: DeadlineJson): DeadlineRow {
  return {
    id: deadline.id,
    title: deadline.title,
    dueOn: govukDate(deadline.dueOn),
    dueOnSortValue: deadline.dueOn,
    metOn: deadline.metOn ? govukDate(deadline.metOn) : '',
    daysRemaining: daysRemainingWords(deadline.daysRemaining),
    daysRemainingSortValue: String(deadline.daysRemaining ?? ''),
    tag: statusTag(deadline.status),
    rule: deadline.rule,
    exceptionApplies: deadline.exceptionApplies ? 'Yes' : 'No',
  };
}

// The fields of an event's data worth a word on the timeline: its choices (never `personal`).
const CHOICE_FIELDS = ['decision', 'outcome', 'source', 'against', 'method', 'kind'] as const;

/** What an event recorded, in a line: its choices and its fact's date ('Issue. On 6 January 2025'). */
export function eventDetail(event: CaseEventJson): string {
  const data = event.data ?? {};
  const parts: string[] = [];
  for (const field of CHOICE_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') parts.push(valueWords(value));
  }
  if (typeof data.requestedBy === 'string')
    parts.push(`Requested by ${valueWords(data.requestedBy).toLowerCase()}`);
  if (typeof data.institution === 'string') parts.push(data.institution);
  const dateField = Object.keys(data).find((key) => /On$/.test(key) && typeof data[key] === 'string');
  if (dateField) parts.push(`On ${govukDate(data[dateField])}`);
  // A reason is a code (closure, cessation decision) or, for a plan ceased, the caseworker's words.
  if (typeof data.reason === 'string')
    parts.push(`Reason: ${/^[a-z0-9_]+$/.test(data.reason) ? valueWords(data.reason) : data.reason}`);
  return parts.join('. ');
}

export interface TimelineItem {
  readonly label: { text: string };
  /** What it recorded, then the links to correct or void it (2nd ed. corrections). */
  readonly html: string;
  readonly datetime: { timestamp: string; type: 'datetime' };
  readonly byline: { text: string };
}

/** The history as mojTimeline items, the latest first, each fact with its correction links. */
export function timelineItemsOf(caseId: string, events: readonly CaseEventJson[]): TimelineItem[] {
  return [...events]
    .sort((a, b) => b.revision - a.revision)
    .map((event) => ({
      label: { text: eventWords(event.type) },
      html: `<p class="govuk-body">${escapeHtml(eventDetail(event))}</p>${correctionLinksOf(caseId, event)}`,
      datetime: { timestamp: event.recordedAt, type: 'datetime' as const },
      byline: { text: event.metadata?.userId || 'the service' },
    }));
}

/** "Correct" and "Void" links for a fact that can be (the fact named for screen readers). */
function correctionLinksOf(caseId: string, event: CaseEventJson): string {
  const fact = escapeHtml(eventWords(event.type).toLowerCase());
  const base = `/cases/${encodeURIComponent(caseId)}/history/${event.revision}`;
  const links = [
    canCorrect(event)
      ? `<a class="govuk-link" href="${base}/correct">Correct<span class="govuk-visually-hidden"> ${fact}</span></a>`
      : '',
    canVoid(event)
      ? `<a class="govuk-link" href="${base}/void">Void<span class="govuk-visually-hidden"> ${fact}</span></a>`
      : '',
  ].filter((link) => link !== '');
  return links.length === 0 ? '' : `<p class="govuk-body-s">${links.join(' · ')}</p>`;
}

export interface NotificationRow {
  readonly deadlineTitle: string;
  readonly kind: StatusTag;
  readonly dueOn: string;
  readonly createdAt: string;
  readonly deliveries: string;
}

export function notificationRowOf(
  notification: NotificationJson,
  deadlines: readonly DeadlineJson[],
): NotificationRow {
  const deadline = notification.deadline ?? deadlines.find((d) => d.id === notification.deadlineId);
  return {
    deadlineTitle: deadline?.title ?? notification.deadlineId,
    kind: statusTag(notification.kind),
    dueOn: govukDate(notification.dueOn),
    createdAt: notification.createdAt,
    deliveries:
      notification.deliveries
        .map(
          ({ channel, status, attempts }) =>
            `${valueWords(channel)}: ${status} (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`,
        )
        .join(', ') || 'None',
  };
}

export function casePageViewModel(
  caseJson: CaseJson,
  events: readonly CaseEventJson[],
  notifications: readonly NotificationJson[],
) {
  return {
    caseId: caseJson.caseId,
    reference: caseJson.reference ?? 'No reference',
    summaryRows: caseSummaryRows(caseJson),
    deadlineRows: caseJson.deadlines.map(deadlineRowOf),
    timelineItems: timelineItemsOf(caseJson.caseId, events),
    notificationRows: notifications.map((n) => notificationRowOf(n, caseJson.deadlines)),
  };
}
