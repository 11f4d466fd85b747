import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { APPEAL_SUBJECTS, type AppealSubject } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { AppealLodgedResponseDto } from './shared/command-response.dto';
import { DateField, EnumField, SubResourceIdField } from './shared/dto-fields';

export class LodgeAppealDto {
  @SubResourceIdField('The appeal id.')
  appealId?: string;

  @DateField({
    example: '2026-04-20',
    description: 'The day the appeal was lodged (as the LA learnt of it).',
  })
  lodgedOn!: string;

  @EnumField(APPEAL_SUBJECTS, 'AppealSubject', {
    example: 'refusal_to_assess',
    description: 'The decision appealed against; it must have been made on the case.',
  })
  against!: AppealSubject;
}

@ApiTags('case commands')
@Controller('cases')
export class LodgeAppealController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/appeals')
  @CommandEndpoint({
    summary: 'Record an appeal to the First-tier Tribunal (SEND)',
    description:
      '(2nd ed.) Opens no deadline of its own; its outcome may (reg 44, reg 45). An appeal against `refusal_to_assess` ' +
      "or `not_issue` leaves the case's first plan out of the SEN2 20-week measures (`plans_excluded_appeal`); an " +
      'appeal against `cessation` keeps the plan maintained until its outcome. Returns `appealId`. ' +
      '404 CASE_NOT_FOUND; 409 APPEAL_DECISION_NOT_MADE (the case has no such decision to appeal), ' +
      '409 APPEAL_ALREADY_EXISTS (`appealId` taken), 409 DATE_BEFORE_LAST_FACT, 409 CASE_CLOSED, 409 PLAN_CEASED; ' +
      '400 VALIDATION_FAILED for an unknown `against`, 400 VALIDATION_FAILED naming a date after today.',
    created: true,
    body: LodgeAppealDto,
    response: AppealLodgedResponseDto,
    example: { lodgedOn: '2026-04-20', against: 'refusal_to_assess' },
  })
  async lodgeAppeal(
    @CaseIdParam() caseId: string,
    @Body() body: LodgeAppealDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<AppealLodgedResponseDto> {
    const appealId = this.ids.idFor(context, 'appealId', body.appealId);
    const data = { appealId, lodgedOn: body.lodgedOn, against: body.against };
    const command = new CaseCommand(caseId, { type: 'LodgeAppeal', data }, context);
    return { ...(await this.commandBus.execute(command)), appealId };
  }
}
