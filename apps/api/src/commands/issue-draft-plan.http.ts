import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';

export class IssueDraftPlanDto {
  @DateField({ example: '2025-04-14' })
  issuedOn!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class IssueDraftPlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/draft-plan')
  @CommandEndpoint({
    summary: 'Serve the draft plan',
    description: 'Opens the 15-day representation window (reg 13(1)).',
    body: IssueDraftPlanDto,
    example: { issuedOn: '2025-04-14' },
  })
  issueDraftPlan(
    @CaseIdParam() caseId: string,
    @Body() body: IssueDraftPlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = { issuedOn: body.issuedOn };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'IssueDraftPlan', data }, context));
  }
}
