import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { ChildDto } from './receive-request.http';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateField, NewCaseIdField, SHORT_TEXT, TeamField, TextField } from './shared/dto-fields';
import { NestedField, PlacementDto } from './shared/shared.dto';

/** (2nd ed.) A plan maintained by another local authority, transferred to this one (reg 15). */
export class TransferInDto {
  @NewCaseIdField()
  caseId?: string;

  @TextField(100, { optional: true, example: 'EHC-2026-0107', description: "The council's own reference." })
  reference?: string | null;

  @TeamField({ description: 'The team that owns the case.' })
  team!: string;

  @DateField({ example: '2026-03-02', description: "T: the day the plan became this authority's." })
  transferredOn!: string;

  @TextField(SHORT_TEXT, {
    example: 'Oxfordshire County Council',
    description: 'The authority that maintained the plan until the transfer.',
  })
  fromAuthority!: string;

  @DateField({
    example: '2024-06-14',
    description: 'P: the day the other authority made (issued) the plan; on or before the transfer.',
  })
  planMadeOn!: string;

  @DateField({
    optional: true,
    example: '2025-04-03',
    description:
      "L: the day of the plan's last review decision by the other authority, if any; between P and the transfer.",
  })
  lastReviewedOn?: string | null;

  @NestedField(() => PlacementDto, { description: 'Section I of the transferred plan: the named placement.' })
  placement!: PlacementDto;

  @NestedField(() => ChildDto, { description: 'The child (personal data).' })
  child!: ChildDto;

  @TextField(SHORT_TEXT, { optional: true, example: 'caseworker-7', description: 'The assigned caseworker.' })
  caseworkerId?: string | null;
}

@ApiTags('case commands')
@Controller('cases')
export class TransferInController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post('transfers-in')
  @CommandEndpoint({
    summary: 'Record a plan transferred in from another authority (opens the case)',
    description:
      '(2nd ed.) The case opens as a maintained plan on the transfer date T (SEND Regs 2014 reg 15). Opens ' +
      '`transfer_notice`, due T + 6 weeks (reg 15(4): tell the family whether the LA will assess and when it will review), ' +
      'and the first `annual_review`, due the day before the later of (last review L, or else plan made P) + 12 months ' +
      'and T + 3 months (reg 15(5)). A transferred-in plan is not a new plan of this authority: it never counts in SEN2. ' +
      "409 CASE_ALREADY_EXISTS if `caseId` is taken. The child's name and date of birth are encrypted at rest. " +
      "400 VALIDATION_FAILED naming `team` when TEAMS is set and does not list it (before any 403 FORBIDDEN_TEAM for a team not the caller's); " +
      '400 TRANSFER_DATES_INVALID naming `planMadeOn` or `lastReviewedOn` for a plan made or reviewed after the transfer, or reviewed before it was made; ' +
      '400 INVALID_DATE naming `child.dateOfBirth`; 400 VALIDATION_FAILED naming a date after today.',
    created: true,
    newCase: true,
    body: TransferInDto,
    example: {
      team: 'north',
      transferredOn: '2026-03-02',
      fromAuthority: 'Oxfordshire County Council',
      planMadeOn: '2024-06-14',
      lastReviewedOn: '2025-04-03',
      placement: { institution: 'Riverside Primary School', type: 'mainstream' },
      child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      reference: 'EHC-2026-0107',
    },
  })
  transferIn(
    @Body() body: TransferInDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const caseId = this.ids.idFor(context, 'caseId', body.caseId);
    const { child, placement } = body;
    const data = {
      caseId,
      reference: body.reference ?? null,
      team: body.team,
      transferredOn: body.transferredOn,
      fromAuthority: body.fromAuthority,
      planMadeOn: body.planMadeOn,
      lastReviewedOn: body.lastReviewedOn ?? null,
      placement: { institution: placement.institution, type: placement.type },
      child: { firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth },
      caseworkerId: body.caseworkerId ?? null,
    };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'TransferIn', data }, context));
  }
}
