import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import { AdviceRequestedResponseDto } from '../shared/command-response.dto';
import { RequestAdviceCommand } from './request-advice.command';
import { RequestAdviceDto } from './request-advice.dto';

@ApiTags('case commands')
@Controller('cases')
export class RequestAdviceController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/advice-requests')
  @CommandEndpoint({
    summary: 'Request advice for the assessment',
    description: 'Opens an `advice` deadline of 6 weeks (reg 8(1)). Returns `adviceId`.',
    created: true,
    body: RequestAdviceDto,
    response: AdviceRequestedResponseDto,
    example: { source: 'educational_psychology', requestedOn: '2025-02-11' },
  })
  requestAdvice(
    @CaseIdParam() caseId: string,
    @Body() body: RequestAdviceDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<AdviceRequestedResponseDto> {
    return this.commandBus.execute(new RequestAdviceCommand(caseId, body, context));
  }
}
