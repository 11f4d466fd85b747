import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../../http/command-context.decorator';
import { CaseIdParam } from '../../validation/ids';
import { CommandEndpoint } from '../shared/command-endpoint.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { AssignCaseworkerCommand } from './assign-caseworker.command';
import { AssignCaseworkerDto } from './assign-caseworker.dto';

@ApiTags('case commands')
@Controller('cases')
export class AssignCaseworkerController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/caseworker')
  @CommandEndpoint({
    summary: 'Assign or reassign the caseworker',
    body: AssignCaseworkerDto,
    example: { caseworkerId: 'caseworker-7', assignedOn: '2025-01-07' },
  })
  assignCaseworker(
    @CaseIdParam() caseId: string,
    @Body() body: AssignCaseworkerDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new AssignCaseworkerCommand(caseId, body, context));
  }
}
