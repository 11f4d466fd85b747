import { Controller, Delete } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ERASURE_ROLES } from '@ehcp/auth';
import { CommandContext, type CommandRequestContext } from '../http/command-context.decorator';
import { CaseIdParam } from '../validation/ids';
import { CaseCommand } from './shared/case-command';
import { CommandEndpoint } from './shared/command-endpoint.decorator';
import type { CommandResponseDto } from './shared/command-response.dto';

/** Crypto-shredding happens in CaseCommandHandler, before the event is appended. */
@ApiTags('case commands')
@Controller('cases')
export class ErasePersonalDataController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':caseId/personal-data')
  @CommandEndpoint({
    summary: "Erase the child's personal data (crypto-shredding)",
    description:
      "Deletes the case's encryption key, so every copy of the child's name and date of birth becomes " +
      'unreadable (events, backups, read models after the projector catches up), and records ' +
      'PersonalDataErased. Deadlines and statistics are unaffected. 409 PERSONAL_DATA_ALREADY_ERASED on a second call.',
    roles: ERASURE_ROLES,
  })
  erasePersonalData(
    @CaseIdParam() caseId: string,
    @CommandContext() context: CommandRequestContext,
  ): Promise<CommandResponseDto> {
    return this.commandBus.execute(new CaseCommand(caseId, { type: 'ErasePersonalData', data: {} }, context));
  }
}
