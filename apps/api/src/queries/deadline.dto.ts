import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATUSES, type DeadlineKind, type DeadlineStatus } from '@ehcp/domain';

/** API.md's Deadline, evaluated on the query's `asOf`. */
export class DeadlineDto {
  @ApiProperty({ example: 'advice-3f2c', description: 'Unique within its case: the kind, or `<kind>-<ref>`' })
  id!: string;

  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind', description: 'The statutory time limit' })
  kind!: DeadlineKind;

  @ApiProperty({
    example: 'Issue the final plan',
    description: '(2nd ed.) What the deadline asks, in plain words (one per kind)',
  })
  title!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The advice / consultation / review / notice / transfer id, or null',
  })
  ref!: string | null;

  @ApiProperty({ format: 'date', example: '2025-09-01', description: 'The day the clock started' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-01-19', description: 'The last compliant day' })
  dueOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When it was met, or null' })
  metOn!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: null,
    description:
      '(2nd ed.) The day a pending decision to cease cancels this open deadline (open as usual before it, `cancelled` from it), or null',
  })
  cancelsOn!: string | null;

  @ApiProperty({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus', description: 'On `asOf`' })
  status!: DeadlineStatus;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 12,
    description: 'dueOn - asOf in days (negative when overdue); null once met or cancelled',
  })
  daysRemaining!: number | null;

  @ApiProperty({ description: 'A timescale exception applies (DOMAIN.md); it never stops the clock' })
  exceptionApplies!: boolean;

  @ApiProperty({ example: 'SEND Regs 2014 reg 13(2)', description: 'The rule the deadline comes from' })
  rule!: string;
}

/** A deadline in a cross-case list. */
export class CaseDeadlineDto extends DeadlineDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'north' })
  team!: string;
}

export class DeadlinePageDto {
  @ApiProperty({ type: [CaseDeadlineDto] })
  items!: CaseDeadlineDto[];

  @ApiProperty({ type: 'integer', description: 'Deadlines matching the filters, over all pages' })
  total!: number;
}
