import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, SHORT_TEXT, TextField } from './shared/dto-fields';

export class AssignCaseworkerDto {
  @TextField(SHORT_TEXT, { example: 'caseworker-7', description: "The caseworker's user id." })
  caseworkerId!: string;

  @DateField({ example: '2025-01-07' })
  assignedOn!: string;
}

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
    const data = { caseworkerId: body.caseworkerId, assignedOn: body.assignedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'AssignCaseworker', data }, context));
  }
}
