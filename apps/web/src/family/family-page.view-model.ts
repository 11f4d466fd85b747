import {
  DEADLINE_KINDS,
  VIEWS_METHODS,
  VIEWS_STAGES,
  type DeadlineKind,
  type ViewsMethod,
  type ViewsStage,
} from '@ehcp/domain';
import { govukDate } from '../views/govuk-date.filter';
import type { FamilyContact, IndependentHelp } from './family-contact';
import type { FamilyStepJson, FamilyViewJson, FamilyViewsJson } from './family-view.types';
import { FAMILY_VIEWS_METHOD_WORDS, FAMILY_VIEWS_STAGE_WORDS, FAMILY_WORDS } from './family-words';

// Pure: the api's FamilyView -> what the family page says, in short sentences a child of 9 to 11
// can read. Dates are written out ("6 January 2025"), never as numbers.

export const FAMILY_PAGE_TITLE = 'Your child’s EHC plan: where things are';

export interface FamilyTag {
  readonly text: string;
  readonly classes: string;
}

export interface FamilyStepView {
  readonly heading: string;
  readonly tag: FamilyTag;
  /** "Done on 6 January 2025." or "Due by 6 January 2025." */
  readonly when: string;
  readonly law: string;
  /** "This was 12 days late.", or null when it was not late. */
  readonly late: string | null;
  /** Why being late may still be within the law (an exception applies), or null. */
  readonly exception: string | null;
}

export interface FamilyNextStep {
  readonly heading: string;
  readonly when: string;
  readonly late: string | null;
}

export interface FamilyPageView {
  readonly pageTitle: string;
  readonly childFirstName: string | null;
  readonly reference: string | null;
  readonly asOf: string;
  readonly expiresOn: string;
  readonly steps: readonly FamilyStepView[];
  readonly next: FamilyNextStep | null;
  readonly views: readonly string[];
  readonly teamName: string;
  readonly contact: FamilyContact;
  readonly help: IndependentHelp;
}

const isKind = (kind: string): kind is DeadlineKind => (DEADLINE_KINDS as readonly string[]).includes(kind);
const isMethod = (method: string): method is ViewsMethod =>
  (VIEWS_METHODS as readonly string[]).includes(method);
const isStage = (stage: string): stage is ViewsStage => (VIEWS_STAGES as readonly string[]).includes(stage);

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** The step's words; a kind this page does not know yet falls back to the api's title. */
function wordsOf(step: FamilyStepJson): { done: string; due: string; law: string } {
  if (isKind(step.kind)) return FAMILY_WORDS[step.kind];
  return { done: step.title, due: step.title, law: '' };
}

const TAGS: Readonly<Record<string, FamilyTag>> = {
  met: { text: 'Done', classes: 'govuk-tag--green' },
  met_late: { text: 'Done late', classes: 'govuk-tag--orange' },
  overdue: { text: 'Late', classes: 'govuk-tag--red' },
};
const TO_DO: FamilyTag = { text: 'Not done yet', classes: 'govuk-tag--blue' };
const MORE_TIME: FamilyTag = { text: 'More time allowed', classes: 'govuk-tag--yellow' };

/** How late, said plainly; with an exception, that the law allows more time (so not "late" as such). */
function lateWords(step: FamilyStepJson): { late: string | null; exception: string | null } {
  if (step.daysLate === null || step.daysLate <= 0) return { late: null, exception: null };
  const done = step.metOn !== null;
  if (step.exceptionApplies)
    return {
      late: `This ${done ? 'was' : 'is'} ${days(step.daysLate)} after the usual time limit.`,
      exception: 'The law gives the council more time in some cases. The council says this is one of them.',
    };
  return { late: `This ${done ? 'was' : 'is'} ${days(step.daysLate)} late.`, exception: null };
}

/** A late step the law gives more time (an exception applies) is not tagged "late": its words explain. */
function tagOf(step: FamilyStepJson): FamilyTag {
  if (step.exceptionApplies && step.status === 'met_late') return TAGS.met;
  if (step.exceptionApplies && step.status === 'overdue') return MORE_TIME;
  return TAGS[step.status] ?? TO_DO;
}

export function familyStepOf(step: FamilyStepJson): FamilyStepView {
  const words = wordsOf(step);
  const done = step.metOn !== null;
  return {
    heading: done ? words.done : words.due,
    tag: tagOf(step),
    when: done ? `Done on ${govukDate(step.metOn)}.` : `Due by ${govukDate(step.dueOn)}.`,
    law: words.law,
    ...lateWords(step),
  };
}

/** What happens next: the open step due first (steps come in due order), or null when none is open. */
export function nextStepOf(steps: readonly FamilyStepJson[]): FamilyNextStep | null {
  const open = steps.filter((step) => step.metOn === null).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (!open) return null;
  const overdue = open.daysLate !== null && open.daysLate > 0;
  return {
    heading: wordsOf(open).due,
    when: overdue
      ? `This should have happened by ${govukDate(open.dueOn)}.`
      : `This should happen by ${govukDate(open.dueOn)}.`,
    late: lateWords(open).late,
  };
}

/** "On 6 January 2025, your child shared their views at a meeting, for the assessment." */
export function viewsSentenceOf(views: FamilyViewsJson): string {
  const method = isMethod(views.method) ? FAMILY_VIEWS_METHOD_WORDS[views.method] : 'in another way';
  const stage = isStage(views.stage) ? `, ${FAMILY_VIEWS_STAGE_WORDS[views.stage]}` : '';
  return `On ${govukDate(views.gatheredOn)}, your child shared their views ${method}${stage}.`;
}

export function familyPageViewModel(
  view: FamilyViewJson,
  contact: FamilyContact,
  help: IndependentHelp,
): FamilyPageView {
  return {
    pageTitle: FAMILY_PAGE_TITLE,
    childFirstName: view.childFirstName,
    reference: view.reference,
    asOf: govukDate(view.asOf),
    expiresOn: govukDate(view.expiresOn),
    steps: view.steps.map(familyStepOf),
    next: nextStepOf(view.steps),
    // The summary in the child's own words is left out: the link may reach someone the child did not
    // tell; the family sees that their views were heard, and when.
    views: [...view.views].sort((a, b) => a.gatheredOn.localeCompare(b.gatheredOn)).map(viewsSentenceOf),
    teamName: view.team.name,
    contact,
    help,
  };
}
