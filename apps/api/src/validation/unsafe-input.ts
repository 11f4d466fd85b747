import { plainTextProblem } from '@ehcp/domain';
import type { FieldError } from '../problem-details/api-problem';
import { MAX_JSON_DEPTH } from './json-depth';
import { MAX_FIELD_ERRORS } from './validation-errors';

/**
 * Keys of the prototype machinery. class-transformer silently drops them, so unlike any other
 * unknown field they used to pass (201); some library further on might honour them.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Everything in a body, a query or a path parameter that no DTO rule may ever see: strings (values
 * and keys, known fields or not, at any depth) that plainTextProblem refuses, prototype keys, and
 * nesting deeper than MAX_JSON_DEPTH. `root` names the input (`''` for a body, `caseId`...).
 */
export function unsafeInputErrors(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (node: unknown, field: string, depth: number): void => {
    if (errors.length >= MAX_FIELD_ERRORS) return;
    if (typeof node === 'string') {
      const problem = plainTextProblem(node);
      if (problem !== null) errors.push(fieldError(field, problem));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    // The raw-body scan already bounds bodies; queries and anything else get the same bound here.
    if (depth >= MAX_JSON_DEPTH) {
      errors.push(fieldError(field, `nests more than ${MAX_JSON_DEPTH} levels deep`));
      return;
    }
    for (const [key, child] of Object.entries(node)) visitEntry(key, child, field, depth);
  };
  const visitEntry = (key: string, child: unknown, field: string, depth: number): void => {
    const path = field === '' ? key : `${field}.${key}`;
    if (PROTOTYPE_KEYS.has(key)) errors.push(fieldError(path, 'is not an allowed field name'));
    else if (plainTextProblem(key) !== null)
      errors.push(fieldError(field, 'has a field name with a control character or an unpaired surrogate'));
    else visit(child, path, depth + 1);
  };
  visit(value, root, 0);
  return errors.slice(0, MAX_FIELD_ERRORS);
}

/** As class-validator words it: the field's own name, then the problem. */
function fieldError(field: string, problem: string): FieldError {
  const path = field === '' ? 'body' : field;
  return { field: path, message: `${path.slice(path.lastIndexOf('.') + 1)} ${problem}` };
}
