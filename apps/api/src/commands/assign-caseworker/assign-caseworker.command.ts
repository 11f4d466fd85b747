import { Command } from '@nestjs/cqrs';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from '../shared/command-response.dto';
import type { AssignCaseworkerDto } from './assign-caseworker.dto';

export class AssignCaseworkerCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly body: AssignCaseworkerDto,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}
