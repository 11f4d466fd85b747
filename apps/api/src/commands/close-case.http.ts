import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CLOSURE_REASONS, type ClosureReason } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, EnumField } from './shared/dto-fields';

export class CloseCaseDto {
  @DateField({ example: '2025-01-20' })
  closedOn!: string;

  @EnumField(CLOSURE_REASONS, 'ClosureReason', { example: 'request_withdrawn' })
  reason!: ClosureReason;
}

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
    const data = { closedOn: body.closedOn, reason: body.reason };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'CloseCase', data }, context));
  }
}
