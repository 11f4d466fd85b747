import { applyDecorators } from '@nestjs/common';
import { ValidateBy, type ValidationError, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@ehcp/domain';
import { markedPropertyErrors, markProperty } from './marked-properties';

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

const notAfterToday = markProperty(NOT_AFTER_TODAY);

/** Errors for every marked date after `today`, nested objects included, as class-validator would give. */
export function futureDateErrors(value: unknown, today: string): ValidationError[] {
  return markedPropertyErrors(value, NOT_AFTER_TODAY, (child, property) =>
    isIsoDate(child) && child > today
      ? ['notAfterToday', `${property} must not be after today (${today}, Europe/London)`]
      : undefined,
  );
}
