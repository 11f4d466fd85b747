import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ADVICE_SOURCES, type AdviceSource } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { AdviceRequestedResponseDto } from './shared/command-response.dto';
import { DateField, EnumField, SubResourceIdField } from './shared/dto-fields';

export class RequestAdviceDto {
  @SubResourceIdField('The advice request id.')
  adviceId?: string;

  @EnumField(ADVICE_SOURCES, 'AdviceSource', { example: 'educational_psychology' })
  source!: AdviceSource;

  @DateField({ example: '2025-02-11' })
  requestedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class RequestAdviceController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/advice-requests')
  @CommandEndpoint({
    summary: 'Request advice for the assessment',
    description: 'Opens an `advice` deadline of 6 weeks (reg 8(1)). Returns `adviceId`.',
    created: true,
    body: RequestAdviceDto,
    response: AdviceRequestedResponseDto,
    example: { source: 'educational_psychology', requestedOn: '2025-02-11' },
  })
  async requestAdvice(
    @CaseIdParam() caseId: string,
    @Body() body: RequestAdviceDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<AdviceRequestedResponseDto> {
    const adviceId = this.ids.idFor(context, 'adviceId', body.adviceId);
    const data = { adviceId, source: body.source, requestedOn: body.requestedOn };
    const command = new CaseCommand(caseId, { type: 'RequestAdvice', data }, context);
    return { ...(await this.commandBus.execute(command)), adviceId };
  }
}
