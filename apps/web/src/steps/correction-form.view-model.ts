import { CORRECTABLE_FIELDS, isVoidable, type CorrectableField } from '@ehcp/domain';
import type { CaseEvent } from './step-form.view-model';
import { labelOf } from './step-form.view-model';
import type { StepField, StepForm } from './step-forms.registry';

// Pure: a fact of the case's history -> its correction form (its correctable dates and choices, and a
// reason), and the posted values -> the `changes` of POST /cases/{caseId}/corrections.

type FactType = keyof typeof CORRECTABLE_FIELDS;

const REASON: StepField = {
  type: 'text',
  name: 'reason',
  label: 'Why are you making this change?',
  hint: 'For example, the date was typed wrongly. Do not include the child’s name.',
  missing: 'Enter why you are making this change',
};

/** The fact's fields a correction may change, or none (an unknown or uncorrectable event). */
export function correctableFieldsOf(type: string): Readonly<Record<string, CorrectableField>> {
  return (CORRECTABLE_FIELDS as Record<string, Record<string, CorrectableField> | undefined>)[type] ?? {};
}

function fieldOf(name: string, kind: CorrectableField): StepField {
  const label = labelOf(
    name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .replace(/\./g, ' '),
  );
  if (kind === 'date' || kind === 'optional_date')
    return { type: 'date', name, label, hint: 'For example, 27 3 2025', optional: kind === 'optional_date' };
  if (kind === 'year') return { type: 'year', name, label, hint: 'For example, 2027' };
  return { type: 'select', name, label, options: kind };
}

/** "Correct" of a fact: a form of its correctable fields and a reason. */
export function correctionFormOf(caseId: string, event: CaseEvent): StepForm {
  const fields = Object.entries(correctableFieldsOf(event.type)).map(([name, kind]) => fieldOf(name, kind));
  return {
    key: 'correct',
    title: `Correct: ${factTitleOf(event.type)}`,
    hint: 'Change what was recorded wrongly. The history keeps the original and your correction.',
    command: `/cases/${encodeURIComponent(caseId)}/corrections`,
    fields: [...fields, REASON],
    stages: [],
    button: 'Save the correction',
    done: 'Correction saved',
  };
}

/** "Void" of a fact: a confirmation with a reason. */
export function voidFormOf(caseId: string, event: CaseEvent): StepForm {
  return {
    key: 'void',
    title: `Are you sure you want to void: ${factTitleOf(event.type)}?`,
    hint: 'Voiding treats the fact as never recorded. Deadlines are worked out again without it.',
    command: `/cases/${encodeURIComponent(caseId)}/corrections`,
    fields: [{ ...REASON, label: 'Why are you voiding it?', missing: 'Enter why you are voiding it' }],
    stages: [],
    button: 'Void this fact',
    done: 'Fact voided',
  };
}

/** A fact's current value per correctable field (a dotted field is one level down). */
export function currentValuesOf(event: CaseEvent): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(correctableFieldsOf(event.type))) {
    const [head, child] = name.split('.');
    const top = event.data[head];
    values[name] = child === undefined ? top : (top as Record<string, unknown> | undefined)?.[child];
  }
  return values;
}

/** Only what changed: the correction's `changes` (a cleared optional date becomes null). */
export function changesOf(
  event: CaseEvent,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const current = currentValuesOf(event);
  const changes: Record<string, unknown> = {};
  for (const name of Object.keys(current)) {
    const value = values[name] ?? null;
    if (value !== (current[name] ?? null)) changes[name] = value;
  }
  return changes;
}

export function canCorrect(event: CaseEvent): boolean {
  return Object.keys(correctableFieldsOf(event.type)).length > 0;
}

export function canVoid(event: CaseEvent): boolean {
  return event.type in CORRECTABLE_FIELDS && isVoidable(event.type as FactType);
}

/** 'AdviceReceived' -> 'Advice received'. */
export function factTitleOf(type: string): string {
  return labelOf(type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}
