import 'reflect-metadata';
import type { ValidationError } from 'class-validator';

// Rules that need something only the running app knows (today's date, the configured teams) cannot
// be class-validator constraints: their decorators mark the property, and ApiValidationPipe checks
// the marked properties of the validated DTO with what it was given.

/** Marks a DTO property with `key`. */
export function markProperty(key: symbol): PropertyDecorator {
  return (target, property) => {
    const marked: (string | symbol)[] = Reflect.getMetadata(key, target) ?? [];
    Reflect.defineMetadata(key, [...marked, property], target);
  };
}

/**
 * Errors, as class-validator would give them, for every property marked with `key` (in nested DTOs
 * too) whose value `check` finds wrong: it answers the constraint name and message, or undefined.
 */
export function markedPropertyErrors(
  value: unknown,
  key: symbol,
  check: (child: unknown, property: string) => readonly [name: string, message: string] | undefined,
): ValidationError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const marked: (string | symbol)[] = Reflect.getMetadata(key, value) ?? [];
  const errors: ValidationError[] = [];
  for (const [property, child] of Object.entries(value)) {
    if (marked.includes(property)) {
      const failure = check(child, property);
      if (failure) errors.push({ property, children: [], constraints: { [failure[0]]: failure[1] } });
      continue;
    }
    const children = markedPropertyErrors(child, key, check);
    if (children.length > 0) errors.push({ property, children, constraints: {} });
  }
  return errors;
}
