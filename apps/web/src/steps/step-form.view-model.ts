import type { ProblemFieldError } from '../api/api-errors';
import { fieldId } from '../api/problem-errors';
import type { RefSource, StepField, StepForm } from './step-forms.registry';

// Pure: a registry entry + the posted fields -> the command body (or the fields' errors), and the
// entry + values + errors -> what the generic template renders.

/** A form's posted body: flat, keyed by input name (`decidedOn-day`, `child-firstName`). */
export type FormBody = Readonly<Record<string, string | undefined>>;

/** A stored event as GET /cases/{caseId}/events gives it. */
export interface CaseEvent {
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type Parsed =
  | { readonly ok: true; readonly values: Record<string, unknown> }
  | { readonly ok: false; readonly errors: ProblemFieldError[] };

const WORDS: Record<string, string> = {
  not_issue: 'Do not issue',
  issue: 'Issue a plan',
  assess: 'Assess',
  refuse: 'Refuse',
  post16: 'Post-16',
  school_phase: 'Between school phases',
  post16_institution: 'Between post-16 institutions',
  educational_psychology: 'Educational psychology',
  can_meet_needs: 'Can meet the child’s needs',
  cannot_meet_needs: 'Cannot meet the child’s needs',
};

/** A vocabulary value in plain words: `social_care` -> 'Social care'. */
export function labelOf(value: string): string {
  const words = WORDS[value] ?? value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** '2025-01-06' -> '6 January 2025' (dates in labels; pages use the govukDate filter). */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${day} ${name} ${year}`;
}

/** The open items (advice requests, reviews...) a ref field chooses from, oldest first. */
export function refOptions(
  events: readonly CaseEvent[],
  source: RefSource,
): { value: string; text: string }[] {
  const closed = new Set(
    events.filter((e) => source.closedBy.includes(e.type)).map((e) => String(e.data[source.idField])),
  );
  return events
    .filter((e) => e.type === source.openedBy && !closed.has(String(e.data[source.idField])))
    .map((e) => ({
      value: String(e.data[source.idField]),
      text: source.labelFields
        .map((f) => String(e.data[f] ?? ''))
        .map((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? longDate(v) : labelOf(v)))
        .join(', '),
    }));
}

const text = (body: FormBody, name: string) => (body[name] ?? '').trim();

function dateOf(body: FormBody, id: string): string | 'invalid' | '' {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(body, `${id}-${part}`));
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : 'invalid';
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** One field's value from the body: its value (undefined when left empty), or a GOV.UK message. */
function fieldValue(field: StepField, body: FormBody): { value?: unknown; error?: string; empty?: boolean } {
  const id = fieldId(field.name);
  switch (field.type) {
    case 'date': {
      const value = dateOf(body, id);
      if (value === 'invalid') return { error: `${field.label} must be a real date` };
      return value
        ? { value }
        : field.optional
          ? {}
          : { error: `Enter the ${lower(field.label)}`, empty: true };
    }
    case 'placement': {
      const institution = text(body, `${id}-institution`);
      const type = text(body, `${id}-type`);
      if (!institution && !type) return field.optional ? {} : { error: 'Enter the school or college' };
      if (!institution) return { error: 'Enter the school or college' };
      if (!type) return { error: 'Enter the type of placement' };
      return { value: { institution, type } };
    }
    case 'year': {
      const value = text(body, id);
      if (!value) return field.optional ? {} : { error: `Enter the ${lower(field.label)}` };
      return /^\d{4}$/.test(value)
        ? { value: Number(value) }
        : { error: `${field.label} must be a year, like 2027` };
    }
    case 'boolean': {
      const value = text(body, id);
      if (value === 'yes' || value === 'no') return { value: value === 'yes' };
      return field.optional ? {} : { error: `Select yes or no` };
    }
    case 'select':
    case 'team':
    case 'ref': {
      const value = text(body, id);
      if (value) return { value };
      return field.optional ? {} : { error: `Select ${lower(field.label)}`, empty: true };
    }
    case 'text': {
      const value = text(body, id);
      return value
        ? { value }
        : field.optional
          ? {}
          : { error: `Enter the ${lower(field.label)}`, empty: true };
    }
    case 'textarea': {
      const value = text(body, id);
      if (value.length > field.maxLength)
        return { error: `${field.label} must be ${field.maxLength} characters or fewer` };
      return value
        ? { value }
        : field.optional
          ? {}
          : { error: `Enter the ${lower(field.label)}`, empty: true };
    }
  }
}

/** The form's values by field name (flat), or a message per field that is missing or malformed. */
export function parseForm(form: StepForm, body: FormBody): Parsed {
  const values: Record<string, unknown> = {};
  const errors: ProblemFieldError[] = [];
  for (const field of form.fields) {
    const { value, error, empty } = fieldValue(field, body);
    if (error) errors.push({ field: field.name, message: (empty && field.missing) || error });
    else if (value !== undefined) values[field.name] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** The command: its path (ref fields fill `{param}`s) and body (dotted names nest: `child.firstName`). */
export function commandOf(
  form: StepForm,
  caseId: string,
  values: Record<string, unknown>,
): { path: string; body: Record<string, unknown> } {
  let path = form.command.replace('{caseId}', encodeURIComponent(caseId));
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (path.includes(`{${name}}`)) {
      path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
      continue;
    }
    const [head, child] = name.split('.');
    if (child === undefined) body[head] = value;
    else body[head] = { ...((body[head] as object) ?? {}), [child]: value };
  }
  return { path, body };
}

/** Where a field's error links: a date's day box, a placement's first box, else the input itself. */
export function inputIdOf(field: StepField): string {
  const id = fieldId(field.name);
  if (field.type === 'date') return `${id}-day`;
  if (field.type === 'placement') return `${id}-institution`;
  return id;
}

/**
 * The api's problem `errors` for this form: linked to the fields' inputs, in plain words ("must not
 * be after today" is the api's wording for the rule that facts are recorded after they happen).
 */
export function formErrorsFrom(
  form: StepForm,
  errors: readonly ProblemFieldError[],
): { errors: ProblemFieldError[]; fieldIds: Record<string, string> } {
  const fieldIds: Record<string, string> = {};
  const out: ProblemFieldError[] = [];
  for (const error of errors) {
    const field = form.fields.find((f) => error.field === f.name || error.field.startsWith(`${f.name}.`));
    if (!field) {
      out.push({ ...error, message: withLongDates(error.message) });
      continue;
    }
    fieldIds[field.name] = inputIdOf(field);
    out.push({ field: field.name, message: withLongDates(plainMessage(field, error.message)) });
  }
  return { errors: out, fieldIds };
}

/** The api writes dates as 2025-01-06; pages write them "6 January 2025". */
export function withLongDates(message: string): string {
  return message.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => longDate(iso));
}

function plainMessage(field: StepField, message: string): string {
  if (/must not be after today/.test(message)) return `${field.label} must be today or in the past`;
  return message;
}

/** The body a form shows for known values (a correction's current values): dates split into boxes. */
export function bodyOf(form: StepForm, values: Readonly<Record<string, unknown>>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of form.fields) {
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    const id = fieldId(field.name);
    if (field.type === 'date' && typeof value === 'string') {
      const [year, month, day] = value.split('-');
      Object.assign(body, {
        [`${id}-day`]: String(Number(day)),
        [`${id}-month`]: String(Number(month)),
        [`${id}-year`]: year,
      });
    } else if (field.type === 'placement' && typeof value === 'object') {
      const placement = value as { institution?: string; type?: string };
      Object.assign(body, {
        [`${id}-institution`]: placement.institution ?? '',
        [`${id}-type`]: placement.type ?? '',
      });
    } else if (field.type === 'boolean') body[id] = value ? 'yes' : 'no';
    else body[id] = String(value);
  }
  return body;
}

export interface FieldView {
  readonly type: StepField['type'];
  /** The field's name: the key of its message in `errors.fields`. */
  readonly name: string;
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional: boolean;
  readonly value: string;
  readonly items: { value: string; text: string; checked?: boolean }[];
  /** A textarea's limit on characters. */
  readonly maxLength?: number;
  readonly parts: { day: string; month: string; year: string; institution: string; type: string };
}

/**
 * What the generic template renders per field. `choices` gives a ref field's options (from the case's
 * history) and a team field's (the user's teams).
 */
export function fieldViewsOf(
  form: StepForm,
  body: FormBody,
  choices: Readonly<Record<string, readonly { value: string; text: string }[]>> = {},
): FieldView[] {
  return form.fields.map((field) => {
    const id = fieldId(field.name);
    const value = text(body, id);
    const options =
      field.type === 'select'
        ? field.options.map((option) => ({
            value: option,
            text: field.optionLabels?.[option] ?? labelOf(option),
          }))
        : field.type === 'boolean'
          ? [
              { value: 'yes', text: 'Yes' },
              { value: 'no', text: 'No' },
            ]
          : (choices[field.name] ?? []);
    // A single team or open item is the only answer: chosen already, still shown.
    const only =
      (field.type === 'team' || field.type === 'ref') && options.length === 1 ? options[0].value : '';
    return {
      type: field.type,
      name: field.name,
      id,
      label: field.optional ? `${field.label} (optional)` : field.label,
      hint: field.hint,
      optional: field.optional === true,
      value,
      items: options.map((option) => ({ ...option, checked: option.value === (value || only) })),
      maxLength: field.type === 'textarea' ? field.maxLength : undefined,
      parts: {
        day: text(body, `${id}-day`),
        month: text(body, `${id}-month`),
        year: text(body, `${id}-year`),
        institution: text(body, `${id}-institution`),
        type: text(body, `${id}-type`),
      },
    };
  });
}
