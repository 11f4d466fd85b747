import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES, REQUESTERS, type CaseStage, type Requester } from '@ehcp/domain';
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

  @ApiProperty({ format: 'date' })
  requestReceivedOn!: string;

  @ApiNullableRefProperty(CaseChildDto, "The child's personal data; null once erased")
  child!: CaseChildDto | null;

  @ApiProperty({ type: 'integer', description: "The case stream's revision the read model reflects" })
  revision!: number;

  @ApiProperty({ type: [DeadlineDto], description: 'Every statutory deadline of the case, by due date' })
  deadlines!: DeadlineDto[];
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
    description: 'Where the case is in its lifecycle',
  })
  stage!: CaseStage;

  @ApiNullableRefProperty(DeadlineDto, 'The open deadline due first, or null')
  nextDeadline!: DeadlineDto | null;
}

export class WorkTrayPageDto {
  @ApiProperty({ type: [WorkTrayItemDto], description: 'Most urgent first' })
  items!: WorkTrayItemDto[];

  @ApiProperty({ type: 'integer' })
  total!: number;
}
