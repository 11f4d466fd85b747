import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { APPEAL_OUTCOMES, type AppealOutcome } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class RecordAppealOutcomeDto {
  @EnumField(APPEAL_OUTCOMES, 'AppealOutcome', {
    example: 'order',
    description:
      '`conceded`: the LA notified the Tribunal that it will not oppose (reg 45); `order`: the Tribunal ordered.',
  })
  outcome!: AppealOutcome;

  @DateField({
    example: '2026-07-06',
    description: "O: the order's date, or for a concession the day the LA notified the Tribunal.",
  })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class RecordAppealOutcomeController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/appeals/:appealId/outcome')
  @CommandEndpoint({
    summary: 'Record the outcome of an appeal',
    description:
      '(2nd ed.) An `order` or a concession (`conceded`) opens the `order_*` deadlines for what was appealed, counted ' +
      'from O (SEND Regs 2014 reg 44(2); reg 45; reg 44(3) exceptions, absence from the area of 2 weeks): ' +
      '`refusal_to_assess` / `refusal_to_reassess`: `order_assessment_notice` O + 14 days, `order_plan_decision` O + 70, ' +
      '`order_final_plan` O + 98; `not_issue`: `order_draft_plan` O + 35, `order_final_plan` O + 77; ' +
      '`plan_contents`: `order_amended_plan` O + 35; `placement`: `order_amended_plan` O + 14. An order cancels the ' +
      'deadlines of the path it replaces (e.g. the original `final_plan`). Against `cessation`: an order (or concession) ' +
      'withdraws the cessation and the plan stays maintained; `dismissed` or `withdrawn` makes the plan cease on O. ' +
      '404 CASE_NOT_FOUND, 404 APPEAL_NOT_FOUND; 409 APPEAL_OUTCOME_ALREADY_RECORDED, 409 DATE_BEFORE_LAST_FACT ' +
      '(an outcome dated before the appeal was lodged), 409 CASE_CLOSED; 400 VALIDATION_FAILED for an unknown ' +
      '`outcome`, 400 VALIDATION_FAILED naming a date after today.',
    body: RecordAppealOutcomeDto,
    params: [{ name: 'appealId', description: 'The appeal, as returned by POST appeals' }],
    example: { outcome: 'order', decidedOn: '2026-07-06' },
  })
  recordAppealOutcome(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('appealId') appealId: string,
    @Body() body: RecordAppealOutcomeDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { appealId, outcome: body.outcome, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'RecordAppealOutcome', data }, context));
  }
}
