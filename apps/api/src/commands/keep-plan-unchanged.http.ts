import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class KeepPlanUnchangedDto {
  @DateField({ example: '2026-12-01', description: 'The day the family was told the plan stays unchanged.' })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class KeepPlanUnchangedController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/reassessment-requests/:requestId/unchanged')
  @CommandEndpoint({
    summary: 'End a re-assessment with the plan unchanged',
    description:
      '(2nd ed.) The notice that the plan stays unchanged: meets `reassessment_plan` (S + 14 weeks, SEND Regs 2014 ' +
      'reg 27(2)) and ends the re-assessment; the plan stays maintained and its annual review clock runs on. ' +
      '404 CASE_NOT_FOUND, 404 REASSESSMENT_REQUEST_NOT_FOUND; 409 REASSESSMENT_NOT_OPEN (not decided `reassess`, or ' +
      'already ended by a final plan or an earlier notice), 409 DATE_BEFORE_LAST_FACT, 409 CASE_CLOSED, ' +
      '409 PLAN_CEASED; 400 VALIDATION_FAILED naming a date after today.',
    body: KeepPlanUnchangedDto,
    params: [
      {
        name: 'requestId',
        description: 'The re-assessment request, as returned by POST reassessment-requests',
      },
    ],
    example: { decidedOn: '2026-12-01' },
  })
  keepPlanUnchanged(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('requestId') requestId: string,
    @Body() body: KeepPlanUnchangedDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { requestId, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'KeepPlanUnchanged', data }, context));
  }
}
