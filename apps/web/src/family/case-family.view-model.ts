import { VIEWS_METHODS, VIEWS_STAGES, type ViewsMethod, type ViewsStage } from '@ehcp/domain';
import { govukDate } from '../views/govuk-date.filter';
import type { CaseEventJson, ChildViewsJson, FamilyLinkJson } from '../pages/case-api.types';

// Pure: the case page's "Child's views" and "Family's private link" sections (issue 17).

const METHOD_WORDS: { readonly [M in ViewsMethod]: string } = {
  meeting: 'At a meeting',
  questionnaire: 'Questionnaire',
  advocate: 'Through an advocate',
  other: 'Another way',
};

const STAGE_WORDS: { readonly [S in ViewsStage]: string } = {
  assessment: 'Assessment',
  draft: 'Draft plan',
  review: 'Annual review',
};

export const VIEWS_METHOD_LABELS: Readonly<Record<string, string>> = METHOD_WORDS;
export const VIEWS_STAGE_LABELS: Readonly<Record<string, string>> = STAGE_WORDS;

export interface ChildViewsRow {
  readonly gatheredOn: string;
  readonly method: string;
  readonly stage: string;
  readonly summary: string;
}

const wordOf = <K extends string>(words: { readonly [V in K]: string }, all: readonly K[], value: string) =>
  (all as readonly string[]).includes(value) ? words[value as K] : value;

/** The summary recorded with these views: the ViewsRecorded event's (decrypted) `personal.summary`. */
function summaryOf(viewsId: string, events: readonly CaseEventJson[]): string | null {
  const event = events.find((e) => e.type === 'ViewsRecorded' && e.data?.viewsId === viewsId);
  const personal = event?.data?.personal as { summary?: unknown } | null | undefined;
  return typeof personal?.summary === 'string' ? personal.summary : null;
}

/** One row per time the views were gathered, the earliest first. */
export function childViewsRowsOf(
  views: readonly ChildViewsJson[],
  events: readonly CaseEventJson[],
): ChildViewsRow[] {
  return [...views]
    .sort((a, b) => a.gatheredOn.localeCompare(b.gatheredOn))
    .map((v) => ({
      gatheredOn: govukDate(v.gatheredOn),
      method: wordOf(METHOD_WORDS, VIEWS_METHODS, v.method),
      stage: wordOf(STAGE_WORDS, VIEWS_STAGES, v.stage),
      summary: summaryOf(v.viewsId, events) ?? 'No summary recorded',
    }));
}

export interface FamilyLinkSection {
  /** The current link, or null when the family has none (never sent, or stopped). */
  readonly link: {
    readonly linkId: string;
    readonly status: 'active' | 'expired';
    /** "Sent on 6 January 2025. It works until 6 April 2025." */
    readonly text: string;
  } | null;
  /** The URL to copy, once, just after it was made (from the session), or null. */
  readonly justSent: { readonly url: string | null; readonly expiresOn: string } | null;
  readonly sendButton: string;
}

/** The section's words: the link works through its expiresOn (today > expiresOn: expired). */
export function familyLinkSectionOf(
  link: FamilyLinkJson | null | undefined,
  today: string,
  justSent: { readonly url: string | null; readonly expiresOn: string } | null,
): FamilyLinkSection {
  const current = link
    ? today > link.expiresOn
      ? {
          linkId: link.linkId,
          status: 'expired' as const,
          text: `Sent on ${govukDate(link.issuedOn)}. It stopped working after ${govukDate(link.expiresOn)}.`,
        }
      : {
          linkId: link.linkId,
          status: 'active' as const,
          text: `Sent on ${govukDate(link.issuedOn)}. It works until ${govukDate(link.expiresOn)}.`,
        }
    : null;
  return {
    link: current,
    justSent: justSent ? { url: justSent.url, expiresOn: govukDate(justSent.expiresOn) } : null,
    sendButton: current?.status === 'active' ? 'Send the family a new link' : 'Send the family a link',
  };
}
