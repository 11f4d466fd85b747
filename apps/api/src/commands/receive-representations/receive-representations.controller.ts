import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { ReceiveRepresentationsCommand } from './receive-representations.command';
import { ReceiveRepresentationsDto } from './receive-representations.dto';

@ApiTags('case commands')
@Controller('cases')
export class ReceiveRepresentationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/representations')
  @CommandEndpoint({
    summary: "Record the parent's or young person's representations on the draft",
    body: ReceiveRepresentationsDto,
    example: { receivedOn: '2025-04-20', requestedInstitution: 'Riverside Primary School' },
  })
  receiveRepresentations(
    @CaseIdParam() caseId: string,
    @Body() body: ReceiveRepresentationsDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new ReceiveRepresentationsCommand(caseId, body, context));
  }
}
