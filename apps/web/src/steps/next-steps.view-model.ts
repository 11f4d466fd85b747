import { stepFormsForStage, STEP_FORMS } from './step-forms.registry';

export interface NextStepLink {
  readonly href: string;
  readonly text: string;
}

/** The case page's "Record the next step" links (views/case/next-steps.njk): the forms its stage offers. */
export function nextStepsOf(caseId: string, stage: string): NextStepLink[] {
  const id = encodeURIComponent(caseId);
  return stepFormsForStage(stage).map((form) => ({
    href: `/cases/${id}/steps/${form.key}`,
    text: form.title,
  }));
}

/** The success banner after a step (`?recorded=<key>` on the case page), or null. */
export function recordedBannerOf(recorded: unknown): string | null {
  if (typeof recorded !== 'string') return null;
  const extra: Record<string, string> = {
    new: 'Request recorded',
    'transfer-in': 'Transferred plan recorded',
    child: 'Child’s details changed',
    correct: 'Correction saved',
    void: 'Fact voided',
  };
  return extra[recorded] ?? STEP_FORMS.find((form) => form.key === recorded)?.done ?? null;
}
