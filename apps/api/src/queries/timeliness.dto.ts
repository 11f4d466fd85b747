import { ApiProperty } from '@nestjs/swagger';
import { QA_SECTIONS } from '@ehcp/domain';

const count = (description: string) => ApiProperty({ type: 'integer', minimum: 0, description });
const decimal = (description: string, denominator = 'no plans') =>
  ApiProperty({
    type: Number,
    nullable: true,
    description: `${description}; one decimal, null with ${denominator}`,
  });
const percentOf = (description: string, denominator: string) =>
  ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    description: `${description}, as a percentage of ${denominator}; one decimal, null when that is 0`,
  });

/**
 * The DfE SEN2 timeliness measures (DOMAIN.md "Timeliness statistics") for the period: new EHC plans
 * by issue date (the first final plan of a case opened by a request; a plan with an appeal or
 * mediation on its path is left out and counted in plans_excluded_appeal), decisions whether to
 * assess by decision date, annual reviews and phase transfers by due date, review decisions by the
 * day they were made.
 */
export class Sen2FiguresDto {
  @count('New plans (first final plans) issued in the period') plans_issued_den!: number;
  @count('Of those, issued within 20 weeks of the request (R + 140)') plans_issued_within_20_weeks!: number;
  @decimal('Percentage within 20 weeks') pc_plans_issued_within_20_weeks!: number | null;
  @count('New plans whose final_plan deadline had no exception applying') plans_issued_den_ex!: number;
  @count('Of those, issued within 20 weeks') plans_issued_20_weeks_ex!: number;
  @decimal('Percentage within 20 weeks, exceptions excluded') pc_plans_issued_20_weeks_ex!: number | null;
  @count('Issued after 20 weeks and within a year (R + 364)') plans_issued_gt20weeks_ltyear!: number;
  @percentOf('Issued after 20 weeks and within a year', 'plans_issued_den')
  pc_plans_issued_gt20weeks_ltyear!: number | null;

  @count('Issued after a year') plans_issued_gt_1_year!: number;
  @percentOf('Issued after a year', 'plans_issued_den') pc_plans_issued_gt_1_year!: number | null;
  @count('Issued after 20 weeks and within a year, exceptions excluded')
  plans_issued_gt20weeks_ltyear_ex!: number;

  @percentOf('Issued after 20 weeks and within a year, exceptions excluded', 'plans_issued_den_ex')
  pc_plans_issued_gt20weeks_ltyear_ex!: number | null;

  @count('Issued after a year, exceptions excluded') plans_issued_gt_1_year_ex!: number;
  @percentOf('Issued after a year, exceptions excluded', 'plans_issued_den_ex')
  pc_plans_issued_gt_1_year_ex!: number | null;

  @decimal('Mean weeks from request to plan') avg_weeks_issue_plan!: number | null;
  @decimal('Mean weeks, exceptions excluded') avg_weeks_issue_plan_exc!: number | null;
  @count(
    'New plans issued in the period but left out of every plan measure: an appeal against the refusal to assess or not to issue, or a mediation, took place on the path to the plan',
  )
  plans_excluded_appeal!: number;

  @count('Decisions whether to assess a request made in the period') requests_decided!: number;
  @count('Of those, made within 6 weeks of the request (R + 42)') requests_decided_within_6_weeks!: number;
  @percentOf('Decided within 6 weeks', 'requests_decided') pc_requests_decided_within_6_weeks!: number | null;
  @count('Of the decisions, refusals to assess') requests_refused!: number;
  @count(
    'Annual reviews (annual_review deadlines) due in the period, unless cancelled by their due date (the plan ceased, the case closed)',
  )
  reviews_due!: number;
  @count('Of those, completed on or before the due date') reviews_completed_on_time!: number;
  @percentOf('Completed on time', 'reviews_due') pc_reviews_completed_on_time!: number | null;
  @count('Review decisions made in the period') review_decisions!: number;
  @count('Of those, made within 4 weeks of the review meeting (M + 28)')
  review_decisions_within_4_weeks!: number;
  @percentOf('Made within 4 weeks', 'review_decisions') pc_review_decisions_within_4_weeks!: number | null;
  @count('Phase transfers (phase_transfer deadlines) due in the period, unless cancelled by their due date')
  phase_transfers_due!: number;
  @count('Of those, met on or before the due date') phase_transfers_met!: number;
  @percentOf('Met on time', 'phase_transfers_due') pc_phase_transfers_met!: number | null;
  @count(
    "(2nd ed.) Of plans_issued_den, the plans whose case has the child's or young person's views for the assessment or the draft, gathered on or before the plan's issue date (CFA 2014 s19)",
  )
  plans_issued_with_views!: number;

  @percentOf('New plans with the views', 'plans_issued_den') pc_plans_issued_with_views!: number | null;
  @count('(2nd ed.) Annual reviews held: annual_review deadlines met in the period') reviews_held!: number;
  @count(
    "Of those, the reviews with the child's or young person's views for a review, gathered after the review's clock started and on or before it was met",
  )
  reviews_held_with_views!: number;

  @percentOf('Reviews held with the views', 'reviews_held') pc_reviews_held_with_views!: number | null;
}

export class MonthlySen2Dto extends Sen2FiguresDto {
  @ApiProperty({
    example: '2025-01',
    description: 'Calendar month (clipped to the period): each measure counts its facts dated in it',
  })
  month!: string;
}

export class TeamSen2Dto extends Sen2FiguresDto {
  @ApiProperty({ example: 'north', description: 'Team code' })
  team!: string;
}

/** `by=team`: every team of the caller (admin: every team with a fact in the period) and the total. */
export class Sen2ByTeamDto {
  @ApiProperty({ type: [TeamSen2Dto], description: 'One entry per team, in team-code order' })
  teams!: TeamSen2Dto[];

  @ApiProperty({ type: Sen2FiguresDto, description: 'The same measures over all those teams' })
  total!: Sen2FiguresDto;
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
