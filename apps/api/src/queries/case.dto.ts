import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  APPEAL_OUTCOMES,
  APPEAL_SUBJECTS,
  CASE_STAGES,
  REASSESSMENT_DECISIONS,
  REQUESTERS,
  VIEWS_METHODS,
  VIEWS_STAGES,
  type AppealOutcome,
  type AppealSubject,
  type CaseStage,
  type ReassessmentDecision,
  type Requester,
  type ViewsMethod,
  type ViewsStage,
} from '@ehcp/domain';
import { ApiNullableRefProperty } from '../openapi/nullable-ref.property';
import { DeadlineDto } from './deadline.dto';

/** The child on the case screen (its own schema name: ChildDto is the request's, with its input rules). */
export class CaseChildDto {
  @ApiProperty({ example: 'Amelia' })
  firstName!: string;

  @ApiProperty({ example: 'Khan' })
  lastName!: string;

  @ApiProperty({ format: 'date', example: '2016-04-12' })
  dateOfBirth!: string;
}

/** (2nd ed.) An appeal's outcome (DOMAIN.md "Appeals and Tribunal orders"). */
export class CaseAppealOutcomeDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES, enumName: 'AppealOutcome', example: 'order' })
  outcome!: AppealOutcome;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  decidedOn!: string;
}

/** (2nd ed.) An appeal to the Tribunal, on the case screen. */
export class CaseAppealDto {
  @ApiProperty({ example: 'app-1' })
  appealId!: string;

  @ApiProperty({
    enum: APPEAL_SUBJECTS,
    enumName: 'AppealSubject',
    example: 'refusal_to_assess',
    description: 'The decision appealed against',
  })
  against!: AppealSubject;

  @ApiProperty({ format: 'date', example: '2025-11-01' })
  lodgedOn!: string;

  @ApiNullableRefProperty(CaseAppealOutcomeDto, 'The outcome; null while the appeal is open')
  outcome!: CaseAppealOutcomeDto | null;
}

/** (2nd ed.) Where a plan transferred in came from (reg 15). */
export class CaseTransferInDto {
  @ApiProperty({ example: 'Somerset County Council' })
  fromAuthority!: string;

  @ApiProperty({ format: 'date', example: '2025-12-01' })
  transferredOn!: string;

  @ApiProperty({ format: 'date', example: '2024-01-15', description: 'When the plan was made' })
  planMadeOn!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-01-10',
    description: 'Its last annual review, or null',
  })
  lastReviewedOn!: string | null;
}

/** (2nd ed.) A decision on a request for re-assessment. */
export class CaseReassessmentDecisionDto {
  @ApiProperty({ enum: REASSESSMENT_DECISIONS, enumName: 'ReassessmentDecision', example: 'reassess' })
  decision!: ReassessmentDecision;

  @ApiProperty({ format: 'date', example: '2026-09-14' })
  decidedOn!: string;
}

/** (2nd ed.) The re-assessment under way: requested, or decided "reassess" and not yet ended. */
export class CaseReassessmentDto {
  @ApiProperty({ example: 'rea-1' })
  requestId!: string;

  @ApiProperty({ format: 'date', example: '2026-09-01' })
  receivedOn!: string;

  @ApiNullableRefProperty(CaseReassessmentDecisionDto, 'The decision whether to re-assess; null until made')
  decision!: CaseReassessmentDecisionDto | null;
}

/** (2nd ed.) That the child's or young person's views were gathered (the summary is in the events). */
export class CaseViewsDto {
  @ApiProperty({ example: 'views-1' })
  viewsId!: string;

  @ApiProperty({ format: 'date', example: '2025-02-03' })
  gatheredOn!: string;

  @ApiProperty({ enum: VIEWS_METHODS, enumName: 'ViewsMethod', example: 'meeting' })
  method!: ViewsMethod;

  @ApiProperty({ enum: VIEWS_STAGES, enumName: 'ViewsStage', example: 'assessment' })
  stage!: ViewsStage;
}

/** (2nd ed.) The family's link not revoked (an expired one too), never its token or hash. */
export class CaseFamilyLinkDto {
  @ApiProperty({ format: 'uuid' })
  linkId!: string;

  @ApiProperty({ format: 'date' })
  issuedOn!: string;

  @ApiProperty({ format: 'date', description: 'The last day it works' })
  expiresOn!: string;
}

/** The case screen. */
export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'EHC-2025-0042' })
  reference!: string | null;

  @ApiProperty({ example: 'north' })
  team!: string;

  @ApiProperty({ type: String, nullable: true })
  caseworkerId!: string | null;

  @ApiProperty({
    enum: CASE_STAGES,
    enumName: 'CaseStage',
    description: 'Where the case is in its lifecycle',
  })
  stage!: CaseStage;

  @ApiProperty({ enum: REQUESTERS, enumName: 'Requester', description: 'Who asked for the assessment' })
  requestedBy!: Requester;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'The day the request for assessment was received; null for a plan transferred in (no request)',
  })
  requestReceivedOn!: string | null;

  @ApiNullableRefProperty(CaseChildDto, "The child's personal data; null once erased")
  child!: CaseChildDto | null;

  @ApiProperty({ type: 'integer', description: "The case stream's revision the read model reflects" })
  revision!: number;

  @ApiProperty({ type: [DeadlineDto], description: 'Every statutory deadline of the case, by due date' })
  deadlines!: DeadlineDto[];

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: null,
    description:
      '(2nd ed.) The day the plan ceases under a decision to cease (DOMAIN.md "Cessation"), or null: none pending, or an appeal against it still open. From that day `stage` is `ceased`',
  })
  ceasesOn!: string | null;

  @ApiProperty({
    type: [CaseAppealDto],
    description: '(2nd ed.) Every appeal recorded, in the order recorded; an open one has a null outcome',
  })
  appeals!: CaseAppealDto[];

  @ApiNullableRefProperty(CaseTransferInDto, '(2nd ed.) Where a plan transferred in came from, or null')
  transferredIn!: CaseTransferInDto | null;

  @ApiNullableRefProperty(CaseReassessmentDto, '(2nd ed.) The re-assessment under way, or null')
  reassessment!: CaseReassessmentDto | null;

  @ApiProperty({ type: [CaseViewsDto], description: "(2nd ed.) The child's views gathered (no summaries)" })
  views!: CaseViewsDto[];

  @ApiNullableRefProperty(CaseFamilyLinkDto, "(2nd ed.) The family's link not revoked, or null")
  familyLink!: CaseFamilyLinkDto | null;
}

export class WorkTrayItemDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true })
  reference!: string | null;

  @ApiProperty({ example: 'north' })
  team!: string;

  @ApiProperty({
    enum: CASE_STAGES,
    enumName: 'CaseStage',
    description:
      'Where the case is in its lifecycle, as of `asOf`: a ceasing plan whose day has come is `ceased`',
  })
  stage!: CaseStage;

  @ApiNullableRefProperty(
    DeadlineDto,
    'The open deadline due first, or null (also once a pending cessation cancelled it by `asOf`)',
  )
  nextDeadline!: DeadlineDto | null;

  @ApiProperty({
    required: false,
    description:
      '(Issue 16) Only in answer to a search (`q`): the child the case is for, or null once the personal data was erased',
    oneOf: [{ $ref: getSchemaPath(CaseChildDto) }, { type: 'object', nullable: true, enum: [null] }],
  })
  child?: CaseChildDto | null;
}

export class WorkTrayPageDto {
  @ApiProperty({ type: [WorkTrayItemDto], description: 'Most urgent first' })
  items!: WorkTrayItemDto[];

  @ApiProperty({ type: 'integer' })
  total!: number;
}
