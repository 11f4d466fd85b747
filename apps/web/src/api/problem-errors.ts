import type { ProblemFieldError } from './api-errors';

export interface GovukErrorSummaryItem {
  text: string;
  href: string;
}

export interface GovukFormErrors {
  /** For govukErrorSummary({ titleText: 'There is a problem', errorList }). */
  errorList: GovukErrorSummaryItem[];
  /** For each field's errorMessage param: `errorMessage: errors.fields['dateOfBirth']`. */
  fields: Record<string, { text: string }>;
}

/** A field name from the API (`child.dateOfBirth`, `/child/dateOfBirth`) as an HTML id (`child-dateOfBirth`). */
export function fieldId(field: string): string {
  return (
    field
      .replace(/^\//, '')
      .replace(/[./[\]]+/g, '-')
      .replace(/-+$/, '') || 'main-content'
  );
}

/**
 * Problem `errors[]` -> GOV.UK error summary and field messages. `fieldIds` maps an API field to the
 * id of the input that holds it where the names differ; each summary link goes to its field, and a
 * field's first message is the one shown beside it. An error naming no field links to the form.
 */
export function govukErrorsFrom(
  errors: readonly ProblemFieldError[],
  fieldIds: Record<string, string> = {},
  formId = 'main-content',
): GovukFormErrors {
  const errorList: GovukErrorSummaryItem[] = [];
  const fields: Record<string, { text: string }> = {};
  for (const { field, message } of errors) {
    const id = field ? (fieldIds[field] ?? fieldId(field)) : formId;
    errorList.push({ text: message, href: `#${id}` });
    if (field && !fields[field]) fields[field] = { text: message };
  }
  return { errorList, fields };
}
