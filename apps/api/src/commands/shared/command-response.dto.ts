import { ApiProperty } from '@nestjs/swagger';
import { QA_GRADES, type QaGrade } from '@ehcp/domain';

/** What every command answers (API.md): the case, its revision after the append, a consistency token. */
export class CommandResponseDto {
  @ApiProperty({ format: 'uuid', example: '0b6b0a52-54a4-4f8e-9a43-3c1f0b1f5e0e' })
  caseId!: string;

  @ApiProperty({
    type: 'integer',
    example: 3,
    description:
      "The case stream's revision after the append (0-based); also the ETag. Send it back as If-Match.",
  })
  revision!: number;

  @ApiProperty({
    example: '0000000000000a3f-0000000000000042',
    description: 'Opaque consistency token: pass it as minPosition to a query to read your own write.',
  })
  position!: string;
}

export class AdviceRequestedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '3d0f5c1a-2b4e-4c6d-8e9f-0a1b2c3d4e5f' })
  adviceId!: string;
}

export class ExceptionRecordedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '7a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b' })
  exceptionId!: string;
}

export class InstitutionConsultedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f' })
  consultationId!: string;
}

export class ReviewMeetingHeldResponseDto extends CommandResponseDto {
  @ApiProperty({ example: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b' })
  reviewId!: string;
}

export class AmendmentNoticeIssuedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: 'f0e1d2c3-b4a5-4968-8776-655443322110' })
  noticeId!: string;
}

export class PhaseTransferPlannedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d' })
  transferId!: string;
}

export class CorrectionRecordedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: 'd4c3b2a1-f6e5-4d7c-8b9a-0f1e2d3c4b5a' })
  correctionId!: string;
}

export class QaAuditRecordedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' })
  auditId!: string;

  @ApiProperty({
    enum: QA_GRADES,
    enumName: 'QaGrade',
    description: 'Derived from the section grades, never typed in',
  })
  overallGrade!: QaGrade;
}

/** (2nd ed.) POST /cases/{caseId}/reassessment-requests. */
export class ReassessmentRequestedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' })
  requestId!: string;
}

/** (2nd ed.) POST /cases/{caseId}/appeals. */
export class AppealLodgedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f' })
  appealId!: string;
}

/** (2nd ed.) POST /cases/{caseId}/mediations. */
export class MediationStartedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c' })
  mediationId!: string;
}

/** (2nd ed.) POST /cases/{caseId}/views. */
export class ViewsRecordedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d' })
  viewsId!: string;
}

/** (2nd ed.) POST /cases/{caseId}/family-links: the link, shown once. */
export class FamilyLinkIssuedResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e' })
  linkId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uri',
    example: 'http://localhost:3003/family/3q2-7wEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    description:
      "The family's private link: give it to them now. Its token is never stored (the case keeps its " +
      'SHA-256 hash only), so it cannot be shown again: a repeat of the request with the same ' +
      'Idempotency-Key answers the same linkId and expiresOn with `url: null`. Lost? Send a new link.',
  })
  url!: string | null;

  @ApiProperty({
    format: 'date',
    example: '2027-05-30',
    description: 'The last day the link works (Europe/London), unless it is stopped or replaced first',
  })
  expiresOn!: string;
}
