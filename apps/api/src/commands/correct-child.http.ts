import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';
import { DateOfBirthField, LONG_TEXT, SHORT_TEXT, TextField } from './shared/dto-fields';

/** The child's corrected details: personal data, encrypted with the case's key like the request's. */
export class CorrectChildDto {
  @TextField(SHORT_TEXT, { example: 'Amelia' })
  firstName!: string;

  @TextField(SHORT_TEXT, { example: 'Khan-Ali' })
  lastName!: string;

  @DateOfBirthField({ example: '2016-04-12', description: "The child's date of birth." })
  dateOfBirth!: string;

  @TextField(LONG_TEXT, {
    example: 'Surname misspelt on the request form.',
    description: 'Why: kept with the details, encrypted, and erased with them.',
  })
  reason!: string;
}

@ApiTags('case commands')
@Controller('cases')
export class CorrectChildController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':caseId/child')
  @CommandEndpoint({
    summary: "Correct the child's personal details",
    description:
      'DOMAIN.md "Corrections": replaces the name and date of birth GET /cases/{caseId} shows; the history keeps ' +
      "both (GET /cases/{caseId}/events, `ChildDetailsCorrected`). Encrypted with the case's key like the " +
      "request's, so an erasure shreds the corrected details too. 409 PERSONAL_DATA_ALREADY_ERASED once erased; " +
      '400 CORRECTION_REASON_REQUIRED.',
    body: CorrectChildDto,
    example: {
      firstName: 'Amelia',
      lastName: 'Khan-Ali',
      dateOfBirth: '2016-04-12',
      reason: 'Surname misspelt on the request form.',
    },
  })
  correctChild(
    @CaseIdParam() caseId: string,
    @Body() body: CorrectChildDto,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    const data = {
      firstName: body.firstName,
      lastName: body.lastName,
      dateOfBirth: body.dateOfBirth,
      reason: body.reason,
    };
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'CorrectChild', data }, context));
  }
}
