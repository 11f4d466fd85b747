import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { TEAM_CODE_PATTERN } from '@ehcp/config';
import { EARLIEST_DATE_OF_BIRTH, EARLIEST_FACT_DATE } from '@ehcp/domain';
import { IsPastLocalDate } from '../../validation/local-date.decorator';
import { IsTeamCode } from '../../validation/team-code.decorator';
import { IsCaseId, IsSubResourceId, SUB_RESOURCE_ID_PATTERN } from '../../validation/ids';

/** Bounds of free text: names, institutions, placement types... */
export const SHORT_TEXT = 200;
/** ...and notes, actions, reasons. */
export const LONG_TEXT = 2000;

interface FieldOptions {
  readonly description?: string;
  readonly example?: unknown;
  readonly optional?: boolean;
}

const optionally = (optional: boolean | undefined) => (optional ? [IsOptional()] : []);

// What OpenAPI can say of the text rules (JSON Schema patterns see code points, so an unpaired
// surrogate is not expressible; ApiValidationPipe refuses those, and control characters, in every
// string of every input, see unsafeInputErrors).
const SINGLE_LINE_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$';
const MULTI_LINE_PATTERN = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$';
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;

/**
 * A non-blank string of at most `max` characters. Long text (notes, actions, reasons: over
 * SHORT_TEXT) may hold line breaks and tabs; names, ids, references and institutions are one line.
 * No field takes other control characters or unpaired surrogates (checked for the whole input).
 */
export function TextField(max: number, options: FieldOptions = {}): PropertyDecorator {
  const multiline = max > SHORT_TEXT;
  return applyDecorators(
    ApiProperty({
      type: String,
      maxLength: max,
      minLength: 1,
      pattern: multiline ? MULTI_LINE_PATTERN : SINGLE_LINE_PATTERN,
      required: !options.optional,
      nullable: options.optional ? true : undefined,
      description: options.description,
      example: options.example,
    }),
    ...optionally(options.optional),
    IsString(),
    MaxLength(max),
    Matches(/\S/, { message: '$property must not be blank' }),
    ...(multiline ? [] : [SingleLine()]),
  );
}

function SingleLine(): PropertyDecorator {
  return ValidateBy({
    name: 'isSingleLine',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !LINE_BREAKS_AND_TABS.test(value),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be one line, without tabs`,
    },
  });
}

/** A fact's calendar date `YYYY-MM-DD`, from EARLIEST_FACT_DATE to today (Europe/London). */
export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return pastDateField(EARLIEST_FACT_DATE, options);
}

/** A date of birth: a calendar date from EARLIEST_DATE_OF_BIRTH to today. */
export function DateOfBirthField(options: FieldOptions = {}): PropertyDecorator {
  return pastDateField(EARLIEST_DATE_OF_BIRTH, options);
}

function pastDateField(earliest: string, options: FieldOptions): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date',
      required: !options.optional,
      nullable: options.optional ? true : undefined,
      description:
        `${options.description ?? ''} A date YYYY-MM-DD (Europe/London), from ${earliest} to today.`.trim(),
      example: options.example,
    }),
    ...optionally(options.optional),
    IsPastLocalDate(earliest),
  );
}

/** A team code; when `TEAMS` is set, one of its codes (else 400 naming the field). */
export function TeamField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: TEAM_CODE_PATTERN.source,
      maxLength: 50,
      example: options.example ?? 'north',
      description:
        `${options.description ?? ''} A team code; when TEAMS is set, one of its codes (GET /teams lists the caller's).`.trim(),
    }),
    IsTeamCode(),
  );
}

/** One of a closed vocabulary (libs/domain's arrays, so the API and the domain cannot drift). */
export function EnumField(
  values: readonly string[],
  enumName: string,
  options: FieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      enum: values,
      enumName,
      required: !options.optional,
      description: options.description,
      example: options.example ?? values[0],
    }),
    ...optionally(options.optional),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/** A JSON boolean (`true` / `false`; strings such as "true" are refused: no implicit conversion). */
export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: Boolean,
      required: !options.optional,
      description: options.description,
      example: options.example,
    }),
    ...optionally(options.optional),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** The optional client-chosen id of a case a command opens (a request, a plan transferred in). */
export function NewCaseIdField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'uuid',
      required: false,
      description:
        'Choose the case id, or omit it: the API generates one (derived from the Idempotency-Key when sent). ' +
        'Any letter case; stored and answered in lower case.',
    }),
    IsOptional(),
    IsCaseId(),
  );
}

/** An optional client-chosen sub-resource id; generated (or derived from the Idempotency-Key) if omitted. */
export function SubResourceIdField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      required: false,
      pattern: SUB_RESOURCE_ID_PATTERN.source,
      maxLength: 64,
      description: `${description} Omit it and the API generates one (derived from the Idempotency-Key when sent).`,
    }),
    IsOptional(),
    IsString(),
    IsSubResourceId(),
  );
}

/** An optional reference to an existing sub-resource of the case (e.g. the review a notice follows). */
export function SubResourceRefField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      required: false,
      pattern: SUB_RESOURCE_ID_PATTERN.source,
      maxLength: 64,
      description,
    }),
    IsOptional(),
    IsString(),
    IsSubResourceId(),
  );
}
