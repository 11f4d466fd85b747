import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, LONG_TEXT, TextField } from './shared/dto-fields';

export class CeasePlanDto {
  @DateField({ example: '2026-08-01' })
  ceasedOn!: string;

  @TextField(LONG_TEXT, { example: 'Left education for employment' })
  reason!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class CeasePlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/cessation')
  @CommandEndpoint({
    summary: 'Cease the plan',
    description: 'Cancels every open deadline.',
    body: CeasePlanDto,
    example: { ceasedOn: '2026-08-01', reason: 'Left education for employment' },
  })
  ceasePlan(
    @CaseIdParam() caseId: string,
    @Body() body: CeasePlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { ceasedOn: body.ceasedOn, reason: body.reason };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'CeasePlan', data }, context));
  }
}
