import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { REQUESTERS, type Requester } from '@ehcp/domain';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CommandIds } from '../idempotency/command-ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import {
  DateField,
  DateOfBirthField,
  EnumField,
  NewCaseIdField,
  SHORT_TEXT,
  TeamField,
  TextField,
} from './shared/dto-fields';
import { NestedField } from './shared/shared.dto';

/** The child: special-category personal data, encrypted with the case's own key and erasable. */
export class ChildDto {
  @TextField(SHORT_TEXT, { example: 'Amelia' })
  firstName!: string;

  @TextField(SHORT_TEXT, { example: 'Khan' })
  lastName!: string;

  @DateOfBirthField({
    example: '2016-04-12',
    description:
      "The child's date of birth: on or before the request, and not more than 25 years before it (else 400 INVALID_DATE).",
  })
  dateOfBirth!: string;
}

export class ReceiveRequestDto {
  @NewCaseIdField()
  caseId?: string;

  @TextField(100, { optional: true, example: 'EHC-2025-0042', description: "The council's own reference." })
  reference?: string | null;

  @TeamField({ description: 'The team that owns the case.' })
  team!: string;

  @DateField({ example: '2025-01-06', description: 'The day the request was received.' })
  requestReceivedOn!: string;

  @EnumField(REQUESTERS, 'Requester', { example: 'parent' })
  requestedBy!: Requester;

  @NestedField(() => ChildDto, { description: 'The child (personal data).' })
  child!: ChildDto;

  @TextField(SHORT_TEXT, { optional: true, example: 'caseworker-7', description: 'The assigned caseworker.' })
  caseworkerId?: string | null;
}

@ApiTags('case commands')
@Controller('cases')
export class ReceiveRequestController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly ids: CommandIds,
  ) {}

  @Post()
  @CommandEndpoint({
    summary: 'Receive a request for an EHC needs assessment (opens the case)',
    description:
      "Week 0 of every initial-assessment clock. 409 CASE_ALREADY_EXISTS if `caseId` is taken. The child's name and date of birth are encrypted at rest. " +
      '400 VALIDATION_FAILED naming `team` when TEAMS is set and does not list it; 400 INVALID_DATE naming `child.dateOfBirth` for a child born after the request or more than 25 years before it.',
    created: true,
    newCase: true,
    body: ReceiveRequestDto,
    example: {
      team: 'north',
      requestReceivedOn: '2025-01-06',
      requestedBy: 'parent',
      child: { firstName: 'Amelia', lastName: 'Khan', dateOfBirth: '2016-04-12' },
      reference: 'EHC-2025-0042',
    },
  })
  receiveRequest(
    @Body() body: ReceiveRequestDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const caseId = this.ids.idFor(context, 'caseId', body.caseId);
    const { child } = body;
    const data = {
      caseId,
      reference: body.reference ?? null,
      team: body.team,
      requestReceivedOn: body.requestReceivedOn,
      requestedBy: body.requestedBy,
      child: { firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth },
      caseworkerId: body.caseworkerId ?? null,
    };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'ReceiveRequest', data }, context));
  }
}
