import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CESSATION_REASONS, type CessationReason } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class DecideCessationDto {
  @DateField({
    example: '2026-01-10',
    description: 'D: the day the LA decided (and notified) that the plan will cease.',
  })
  decidedOn!: string;

  @EnumField(CESSATION_REASONS, 'CessationReason', { example: 'needs_met_without_plan' })
  reason!: CessationReason;
}

@ApiTags('case commands')
@Controller('cases')
export class DecideCessationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/cessation-decision')
  @CommandEndpoint({
    summary: 'Decide to cease the plan (appealable)',
    description:
      '(2nd ed.) The case goes to stage `ceasing` and shows `ceasesOn`: D + 2 months + 1 day if no appeal against the ' +
      'cessation is recorded (CFA s45, SEND Regs 2014 reg 31; the appeal period), else the day that appeal is dismissed ' +
      'or withdrawn, never if the Tribunal orders the plan to continue. Until then the plan is maintained and its ' +
      'deadlines (e.g. `annual_review`, CFA s44(1)) stay open; from `ceasesOn` they are cancelled. Opens no deadline. ' +
      'POST cessation still records a cessation effective that day. ' +
      '404 CASE_NOT_FOUND; 409 CESSATION_BEFORE_FINAL_PLAN (no plan maintained), 409 CESSATION_ALREADY_DECIDED ' +
      '(a cessation is pending), 409 DATE_BEFORE_LAST_FACT, 409 CASE_CLOSED, 409 PLAN_CEASED; ' +
      '400 VALIDATION_FAILED for an unknown `reason`, 400 VALIDATION_FAILED naming a date after today.',
    body: DecideCessationDto,
    example: { decidedOn: '2026-01-10', reason: 'needs_met_without_plan' },
  })
  decideCessation(
    @CaseIdParam() caseId: string,
    @Body() body: DecideCessationDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { decidedOn: body.decidedOn, reason: body.reason };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'DecideCessation', data }, context));
  }
}
