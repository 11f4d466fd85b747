import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { REASSESSMENT_DECISIONS, type ReassessmentDecision } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, SubResourceIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class DecideReassessmentDto {
  @EnumField(REASSESSMENT_DECISIONS, 'ReassessmentDecision', { example: 'reassess' })
  decision!: ReassessmentDecision;

  @DateField({ example: '2026-09-21', description: 'S: the day the decision was notified.' })
  decidedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class DecideReassessmentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/reassessment-requests/:requestId/decision')
  @CommandEndpoint({
    summary: 'Decide whether to re-assess',
    description:
      '(2nd ed.) Meets `reassessment_decision` (Q + 15 days, SEND Regs 2014 reg 25). `reassess` opens ' +
      '`reassessment_plan`, due S + 14 weeks (reg 27(2); reg 27(3) exceptions = reg 10(4) (a)-(d)); while it is open, ' +
      'advice requests, draft plan, representations, consultations and the final plan apply to it. `refuse` is ' +
      'appealable (`refusal_to_reassess`); a decision to re-assess after an order or concession also meets ' +
      '`order_assessment_notice`. ' +
      '404 CASE_NOT_FOUND, 404 REASSESSMENT_REQUEST_NOT_FOUND; 409 REASSESSMENT_ALREADY_DECIDED, ' +
      '409 DATE_BEFORE_REQUEST for a decision dated before the request, 409 CASE_CLOSED, 409 PLAN_CEASED; ' +
      '400 VALIDATION_FAILED for an unknown `decision`, 400 VALIDATION_FAILED naming a date after today.',
    body: DecideReassessmentDto,
    params: [
      {
        name: 'requestId',
        description: 'The re-assessment request, as returned by POST reassessment-requests',
      },
    ],
    example: { decision: 'reassess', decidedOn: '2026-09-21' },
  })
  decideReassessment(
    @CaseIdParam() caseId: string,
    @SubResourceIdParam('requestId') requestId: string,
    @Body() body: DecideReassessmentDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { requestId, decision: body.decision, decidedOn: body.decidedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'DecideReassessment', data }, context));
  }
}
