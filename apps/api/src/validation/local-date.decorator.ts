import 'reflect-metadata';
import { applyDecorators } from '@nestjs/common';
import { ValidateBy, type ValidationError, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@ehcp/domain';

const NOT_AFTER_TODAY = Symbol('ehcp:not-after-today');

/**
 * A real calendar date `YYYY-MM-DD` (2025-02-30 is refused), not before `earliest` (e.g.
 * EARLIEST_FACT_DATE: 0000-01-01 is a valid ISO date that no store takes) and not after today in
 * Europe/London: facts are recorded after they happen (API.md). "Today" comes from the injected
 * Clock, so that last check is made by ApiValidationPipe (see `futureDateErrors`).
 */
export function IsPastLocalDate(earliest: string, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsLocalDateFrom(earliest, options), notAfterToday);
}

/** A real calendar date `YYYY-MM-DD` not before `earliest` (two constraints, two messages). */
export function IsLocalDateFrom(earliest: string, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isLocalDate',
        validator: {
          validate: (value: unknown) => isIsoDate(value),
          // Never echoes the value: a date of birth is personal data and problems reach logs.
          defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD`,
        },
      },
      options,
    ),
    ValidateBy(
      {
        name: 'notBefore',
        validator: {
          // An impossible date already has its message above.
          validate: (value: unknown) => !isIsoDate(value) || value >= earliest,
          defaultMessage: (args) => `${args?.property ?? 'value'} must not be before ${earliest}`,
        },
      },
      options,
    ),
  );
}

const notAfterToday: PropertyDecorator = (target, property) => {
  const marked: (string | symbol)[] = Reflect.getMetadata(NOT_AFTER_TODAY, target) ?? [];
  Reflect.defineMetadata(NOT_AFTER_TODAY, [...marked, property], target);
};

/** Errors for every marked date after `today`, nested objects included, as class-validator would give. */
export function futureDateErrors(value: unknown, today: string): ValidationError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const marked: (string | symbol)[] = Reflect.getMetadata(NOT_AFTER_TODAY, value) ?? [];
  const errors: ValidationError[] = [];
  for (const [property, child] of Object.entries(value)) {
    if (marked.includes(property)) {
      if (isIsoDate(child) && child > today)
        errors.push({
          property,
          children: [],
          constraints: { notAfterToday: `${property} must not be after today (${today}, Europe/London)` },
        });
      continue;
    }
    const children = futureDateErrors(child, today);
    if (children.length > 0) errors.push({ property, children, constraints: {} });
  }
  return errors;
}
