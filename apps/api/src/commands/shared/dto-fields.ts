import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsPastLocalDate } from '../../validation/local-date.decorator';
import { IsSubResourceId, SUB_RESOURCE_ID_PATTERN } from '../../validation/ids';

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

/** A non-blank string of at most `max` characters. */
export function TextField(max: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      maxLength: max,
      minLength: 1,
      required: !options.optional,
      nullable: options.optional ? true : undefined,
      description: options.description,
      example: options.example,
    }),
    ...optionally(options.optional),
    IsString(),
    MaxLength(max),
    Matches(/\S/, { message: '$property must not be blank' }),
  );
}

/** A calendar date `YYYY-MM-DD`, not after today (Europe/London). */
export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date',
      required: !options.optional,
      nullable: options.optional ? true : undefined,
      description: `${options.description ?? ''} A date YYYY-MM-DD (Europe/London), not after today.`.trim(),
      example: options.example,
    }),
    ...optionally(options.optional),
    IsPastLocalDate(),
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
