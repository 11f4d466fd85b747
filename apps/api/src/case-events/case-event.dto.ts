import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EHCP_CASE_EVENT_TYPES } from '@ehcp/domain';

export class CaseEventMetadataDto {
  @ApiProperty({ example: 'caseworker-7', description: 'Who caused the event (the token `sub`)' })
  userId!: string;

  @ApiProperty({
    example: '5f0c6b1e-8f5e-4d7a-9b1a-2b8f1d3c4e5f',
    description: 'x-correlation-id of the request',
  })
  correlationId!: string;

  @ApiPropertyOptional({ example: '5f0c6b1e-8f5e-4d7a-9b1a-2b8f1d3c4e5f' })
  causationId?: string;
}

/** One entry of a case's history. */
export class CaseEventDto {
  @ApiProperty({ type: 'integer', example: 0, description: 'Revision in the case stream (0-based)' })
  revision!: number;

  @ApiProperty({ enum: EHCP_CASE_EVENT_TYPES, enumName: 'EhcpCaseEventType', example: 'RequestReceived' })
  type!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2025-09-01T10:15:30.000Z' })
  recordedAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      caseId: '0b6b0a52-54a4-4f8e-9a43-3c1f0b1f5e0e',
      team: 'north',
      requestReceivedOn: '2025-09-01',
      personal: null,
    },
    description:
      "The event's facts. `personal` (the child's name and date of birth; in ChildDetailsCorrected also the " +
      'reason) is null once erased. FactCorrected / FactVoided name the fact they correct by its `revision`.',
  })
  data!: Record<string, unknown>;

  @ApiProperty({ type: CaseEventMetadataDto })
  metadata!: CaseEventMetadataDto;
}
