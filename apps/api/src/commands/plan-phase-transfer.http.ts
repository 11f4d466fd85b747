import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { EARLIEST_FACT_DATE, PHASE_TRANSFER_KINDS, type PhaseTransferKind } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseIdParam } from '../validation/ids';
import { IsLocalDateFrom } from '../validation/local-date.decorator';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import { PhaseTransferPlannedResponseDto } from './shared/command-response.dto';
import { EnumField, SubResourceIdField } from './shared/dto-fields';

/** `post16_institution` transfers are dated (`transferOn`); the others take a year (`transferYear`). */
const DATED_KIND: PhaseTransferKind = 'post16_institution';
const isDated = (dto: PlanPhaseTransferDto) => dto.kind === DATED_KIND;

/** Refuses the field unless the body's `kind` is dated (or, `dated: false`, is not). */
function OnlyForKind(dated: boolean): PropertyDecorator {
  return ValidateBy({
    name: 'onlyForKind',
    validator: {
      validate: (_value: unknown, args) => isDated(args?.object as PlanPhaseTransferDto) === dated,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} is ${dated ? 'only' : 'not'} for kind ${DATED_KIND}`,
    },
  });
}

export class PlanPhaseTransferDto {
  @SubResourceIdField('The phase transfer id.')
  transferId?: string;

  @EnumField(PHASE_TRANSFER_KINDS, 'PhaseTransferKind', {
    example: 'school_phase',
    description:
      '`school_phase` and `post16` (secondary to post-16) take `transferYear` (reg 18(1)); ' +
      '`post16_institution` (between post-16 institutions) takes `transferOn` (reg 18(2)).',
  })
  kind!: PhaseTransferKind;

  @ApiProperty({
    type: 'integer',
    required: false,
    minimum: 2000,
    maximum: 2100,
    example: 2028,
    description:
      'The calendar year of the transfer, for `school_phase` and `post16` (required for them, refused ' +
      'with `post16_institution`). A planned year: it may lie in the future, or have passed.',
  })
  @ValidateIf((dto: PlanPhaseTransferDto) => !isDated(dto) || dto.transferYear !== undefined)
  @IsInt()
  @Min(2000)
  @Max(2100)
  @OnlyForKind(false)
  transferYear?: number;

  @ApiProperty({
    type: String,
    format: 'date',
    required: false,
    example: '2027-07-31',
    description:
      `The planned date T of a \`post16_institution\` transfer (required for it, refused with the other ` +
      `kinds), YYYY-MM-DD from ${EARLIEST_FACT_DATE}: it may lie in the future. Due T - 5 months (reg 18(2)).`,
  })
  @ValidateIf((dto: PlanPhaseTransferDto) => isDated(dto) || dto.transferOn !== undefined)
  @IsLocalDateFrom(EARLIEST_FACT_DATE)
  @OnlyForKind(true)
  transferOn?: string;
}

@ApiTags('case commands')
@Controller('cases')
export class PlanPhaseTransferController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post(':caseId/phase-transfers')
  @CommandEndpoint({
    summary: 'Plan a phase transfer',
    description:
      'Opens `phase_transfer`, due 14 February (school phase) or 30 March (post-16) of `transferYear` ' +
      '(reg 18(1)), or for `post16_institution` `post16_transfer`, due `transferOn` - 5 months (reg 18(2)). ' +
      'Met by the earliest amended plan or review decision "maintain" dated on or after 1 September of ' +
      'the year before (or `transferOn` - 12 months), whatever order the facts are recorded in. A transfer ' +
      'whose date has passed is recorded: it shows met, met late or overdue. Returns `transferId`.',
    created: true,
    body: PlanPhaseTransferDto,
    response: PhaseTransferPlannedResponseDto,
    example: { kind: 'school_phase', transferYear: 2028 },
  })
  async planPhaseTransfer(
    @CaseIdParam() caseId: string,
    @Body() body: PlanPhaseTransferDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<PhaseTransferPlannedResponseDto> {
    const transferId = this.ids.idFor(context, 'transferId', body.transferId);
    const data = {
      transferId,
      kind: body.kind,
      transferYear: body.transferYear,
      transferOn: body.transferOn,
    };
    const command = new CaseCommand(caseId, { type: 'PlanPhaseTransfer', data }, context);
    return { ...(await this.commandBus.execute(command)), transferId };
  }
}
