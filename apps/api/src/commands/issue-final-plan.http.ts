import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';
import { NestedField, PlacementDto } from './shared/shared.dto';

export class IssueFinalPlanDto {
  @DateField({ example: '2025-05-19' })
  issuedOn!: string;

  @NestedField(() => PlacementDto, { description: 'Section I: the named placement.' })
  placement!: PlacementDto;
}

@ApiTags('case commands')
@Controller('cases')
export class IssueFinalPlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/final-plan')
  @CommandEndpoint({
    summary: 'Issue the final EHC plan',
    description:
      "Meets `final_plan` (20 weeks, reg 13(2)) and starts the annual review clock. Refused inside the draft's representation window unless representations were received.",
    body: IssueFinalPlanDto,
    example: {
      issuedOn: '2025-05-19',
      placement: { institution: 'Riverside Primary School', type: 'mainstream' },
    },
  })
  issueFinalPlan(
    @CaseIdParam() caseId: string,
    @Body() body: IssueFinalPlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = {
      issuedOn: body.issuedOn,
      placement: { institution: body.placement.institution, type: body.placement.type },
    };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'IssueFinalPlan', data }, context));
  }
}
