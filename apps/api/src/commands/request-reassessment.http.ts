import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { REASSESSMENT_REQUESTERS, type ReassessmentRequester } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { ReassessmentRequestedResponseDto } from './shared/command-response.dto';
import { DateField, EnumField, SubResourceIdField } from './shared/dto-fields';

export class RequestReassessmentDto {
  @SubResourceIdField('The re-assessment request id.')
  requestId?: string;

  @DateField({ example: '2026-09-07', description: 'Q: the day the request was received.' })
  receivedOn!: string;

  @EnumField(REASSESSMENT_REQUESTERS, 'ReassessmentRequester', {
    example: 'parent',
    description: "Who asked; `local_authority` records the LA's own initiative.",
  })
  requestedBy!: ReassessmentRequester;
}

@ApiTags('case commands')
@Controller('cases')
export class RequestReassessmentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/reassessment-requests')
  @CommandEndpoint({
    summary: 'Receive a request to re-assess a maintained plan',
    description:
      '(2nd ed.) Opens `reassessment_decision`, due Q + 15 days (SEND Regs 2014 reg 25; 15 days as council and SENDIASS ' +
      'guidance read it). Returns `requestId`. ' +
      '404 CASE_NOT_FOUND; 409 REASSESSMENT_BEFORE_FINAL_PLAN (no plan maintained yet), ' +
      '409 REASSESSMENT_REQUEST_ALREADY_EXISTS (`requestId` taken), 409 REASSESSMENT_ALREADY_OPEN (a re-assessment is ' +
      'already under way), 409 CASE_CLOSED, 409 PLAN_CEASED; 400 VALIDATION_FAILED naming a date after today.',
    created: true,
    body: RequestReassessmentDto,
    response: ReassessmentRequestedResponseDto,
    example: { receivedOn: '2026-09-07', requestedBy: 'parent' },
  })
  async requestReassessment(
    @CaseIdParam() caseId: string,
    @Body() body: RequestReassessmentDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<ReassessmentRequestedResponseDto> {
    const requestId = this.ids.idFor(context, 'requestId', body.requestId);
    const data = { requestId, receivedOn: body.receivedOn, requestedBy: body.requestedBy };
    const command = new CaseCommand(caseId, { type: 'RequestReassessment', data }, context);
    return { ...(await this.commandBus.execute(command)), requestId };
  }
}
