import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { QA_GRADES, type QaSectionGrade } from '@ehcp/domain';
import { EnumField, SHORT_TEXT, TextField } from './dto-fields';

/** Section I of a final or amended plan. */
export class PlacementDto {
  @TextField(SHORT_TEXT, {
    example: 'Riverside Primary School',
    description: 'The named school or institution',
  })
  institution!: string;

  @TextField(SHORT_TEXT, { example: 'mainstream', description: 'The kind of placement' })
  type!: string;
}

/** A required (or optional) nested object, validated as its class; arrays and scalars refused. */
export function NestedField(
  type: () => ClassType<unknown>,
  options: { description?: string; optional?: boolean } = {},
) {
  return applyDecorators(
    options.optional
      ? // An optional object may also be sent as null: "the reference or null" (see ApiNullableRefProperty).
        ApiProperty({
          required: false,
          description: options.description,
          oneOf: [{ $ref: getSchemaPath(type()) }, { type: 'object', nullable: true, enum: [null] }],
        })
      : ApiProperty({
          // Written as `type: () => ...` so that @nestjs/swagger sees a lazy type (it goes by the name).
          type: () => type(),
          required: true,
          description: options.description,
        }),
    ...(options.optional ? [IsOptional()] : []),
    IsObject(),
    ValidateNested(),
    Type(type),
  );
}

const SECTION_GRADES = [...QA_GRADES, 'not_applicable'] as const;
const sectionGrade = (description: string, example: string) =>
  EnumField(SECTION_GRADES, 'QaSectionGrade', { description, example });

/**
 * Section grades of an audited plan (DOMAIN.md): C, D, G, H1, H2 and J may be `not_applicable`; I is
 * `not_applicable` in an audit of a draft and graded in one of a final or amended plan.
 */
export class QaSectionsDto {
  @sectionGrade('Views, interests and aspirations', 'good') A!: QaSectionGrade;
  @sectionGrade('Special educational needs (weight 2)', 'good') B!: QaSectionGrade;
  @sectionGrade('Health needs', 'not_applicable') C!: QaSectionGrade;
  @sectionGrade('Social care needs', 'not_applicable') D!: QaSectionGrade;
  @sectionGrade('Outcomes (weight 2)', 'requires_improvement') E!: QaSectionGrade;
  @sectionGrade('Special educational provision (weight 2)', 'good') F!: QaSectionGrade;
  @sectionGrade('Health provision', 'not_applicable') G!: QaSectionGrade;
  @sectionGrade('Social care provision (H1)', 'not_applicable') H1!: QaSectionGrade;
  @sectionGrade('Social care provision (H2)', 'not_applicable') H2!: QaSectionGrade;
  @sectionGrade(
    'Placement: `not_applicable` in an audit of a draft (a draft names no placement), graded in one of a final or amended plan (else 400 QA_SECTION_GRADE_INVALID naming sections.I)',
    'outstanding',
  )
  I!: QaSectionGrade;
  @sectionGrade('Personal budget', 'not_applicable') J!: QaSectionGrade;
  @sectionGrade('Advice and information', 'good') K!: QaSectionGrade;
}
