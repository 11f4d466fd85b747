import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, SHORT_TEXT, TextField } from './shared/dto-fields';

export class ReceiveRepresentationsDto {
  @DateField({ example: '2025-04-20' })
  receivedOn!: string;

  @TextField(SHORT_TEXT, {
    optional: true,
    example: 'Riverside Primary School',
    description: 'A school they asked for.',
  })
  requestedInstitution?: string | null;
}

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
    const data = { receivedOn: body.receivedOn, requestedInstitution: body.requestedInstitution ?? null };
    return this.commandBus.execute(
      new CaseCommand(caseId, { type: 'ReceiveRepresentations', data }, context),
    );
  }
}
