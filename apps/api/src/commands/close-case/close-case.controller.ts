import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { CloseCaseCommand } from './close-case.command';
import { CloseCaseDto } from './close-case.dto';

@ApiTags('case commands')
@Controller('cases')
export class CloseCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/closure')
  @CommandEndpoint({
    summary: 'Close the case',
    description: 'Cancels every open deadline.',
    body: CloseCaseDto,
    example: { closedOn: '2025-01-20', reason: 'request_withdrawn' },
  })
  closeCase(
    @CaseIdParam() caseId: string,
    @Body() body: CloseCaseDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new CloseCaseCommand(caseId, body, context));
  }
}
