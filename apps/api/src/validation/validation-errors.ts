import type { ValidationError } from 'class-validator';
import type { FieldError } from '../problem-details/api-problem';

/** Enough to fix any real request; a body stuffed with thousands of unknown keys gets no longer an answer. */
export const MAX_FIELD_ERRORS = 100;

/** class-validator's error tree as one entry per bad field, with dotted paths (`child.dateOfBirth`). */
export function fieldErrorsOf(errors: readonly ValidationError[]): FieldError[] {
  return flatten(errors, '').slice(0, MAX_FIELD_ERRORS);
}

function flatten(errors: readonly ValidationError[], parent: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    const own = messages.length > 0 ? [{ field, message: messages.join('; ') }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
