import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam, IsSubResourceId, SUB_RESOURCE_ID_PATTERN } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField } from './shared/dto-fields';
import { NestedField, PlacementDto } from './shared/shared.dto';

export class IssueAmendedPlanDto {
  @ApiProperty({
    type: String,
    pattern: SUB_RESOURCE_ID_PATTERN.source,
    description: 'The amendment notice it follows.',
  })
  @IsString()
  @IsSubResourceId()
  noticeId!: string;

  @DateField({ example: '2026-07-01' })
  issuedOn!: string;

  @NestedField(() => PlacementDto, {
    optional: true,
    description: 'A new section I placement, if it changes.',
  })
  placement?: PlacementDto | null;
}

@ApiTags('case commands')
@Controller('cases')
export class IssueAmendedPlanController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':caseId/amended-plan')
  @CommandEndpoint({
    summary: 'Issue the amended plan',
    description:
      "Meets that notice's `amended_plan` deadline; naming a placement also meets an open phase transfer (reg 18(1)).",
    body: IssueAmendedPlanDto,
    example: { noticeId: 'f0e1d2c3-b4a5-4968-8776-655443322110', issuedOn: '2026-07-01' },
  })
  issueAmendedPlan(
    @CaseIdParam() caseId: string,
    @Body() body: IssueAmendedPlanDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const { placement } = body;
    const data = {
      noticeId: body.noticeId,
      issuedOn: body.issuedOn,
      placement: placement ? { institution: placement.institution, type: placement.type } : null,
    };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'IssueAmendedPlan', data }, context));
  }
}
