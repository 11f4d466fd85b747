import { ApiProperty } from '@nestjs/swagger';
import { QA_SECTIONS } from '@ehcp/domain';

const count = (description: string) => ApiProperty({ type: 'integer', description });
const decimal = (description: string) =>
  ApiProperty({
    type: Number,
    nullable: true,
    description: `${description}; one decimal, null with no plans`,
  });

/** The DfE SEN2 timeliness measures (DOMAIN.md) of new EHC plans issued in the period. */
export class Sen2FiguresDto {
  @count('New plans (first final plans) issued in the period') plans_issued_den!: number;
  @count('Of those, issued within 20 weeks of the request (R + 140)') plans_issued_within_20_weeks!: number;
  @decimal('Percentage within 20 weeks') pc_plans_issued_within_20_weeks!: number | null;
  @count('New plans whose final_plan deadline had no exception applying') plans_issued_den_ex!: number;
  @count('Of those, issued within 20 weeks') plans_issued_20_weeks_ex!: number;
  @decimal('Percentage within 20 weeks, exceptions excluded') pc_plans_issued_20_weeks_ex!: number | null;
  @count('Issued after 20 weeks and within a year (R + 364)') plans_issued_gt20weeks_ltyear!: number;
  @count('Issued after a year') plans_issued_gt_1_year!: number;
  @decimal('Mean weeks from request to plan') avg_weeks_issue_plan!: number | null;
  @decimal('Mean weeks, exceptions excluded') avg_weeks_issue_plan_exc!: number | null;
}

export class MonthlySen2Dto extends Sen2FiguresDto {
  @ApiProperty({ example: '2025-01', description: 'Calendar month of issue (clipped to the period)' })
  month!: string;
}

export class QaGradesDto {
  @count('Audits graded outstanding') outstanding!: number;
  @count('Audits graded good') good!: number;
  @count('Audits graded requires improvement') requires_improvement!: number;
  @count('Audits graded inadequate') inadequate!: number;
}

export class QaSectionSummaryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean score 1..4 where graded, one decimal' })
  averageScore!: number | null;

  @count('Audits grading the section inadequate') inadequate!: number;
}

export class QaSummaryDto {
  @count('Audits dated in the period') audits!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Share graded good or outstanding, %' })
  goodOrBetterPct!: number | null;

  @ApiProperty({ type: QaGradesDto })
  grades!: QaGradesDto;

  @ApiProperty({
    type: 'object',
    description: `Per section (${QA_SECTIONS.join(', ')}): average score and inadequate count`,
    additionalProperties: { $ref: '#/components/schemas/QaSectionSummaryDto' },
  })
  sections!: Record<string, QaSectionSummaryDto>;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of the new final plans issued in the period with at least one audit in it, %',
  })
  coveragePct!: number | null;
}
