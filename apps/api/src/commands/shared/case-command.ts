import { Command } from '@nestjs/cqrs';
import type { EhcpCaseCommand } from '@ehcp/domain';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import type { CommandResponseDto } from './command-response.dto';

/** A domain command as a route builds it from the request: the handler adds `today` from the Clock. */
export type CaseCommandInput = EhcpCaseCommand extends infer C
  ? C extends EhcpCaseCommand
    ? Omit<C, 'today'>
    : never
  : never;

/**
 * Every case command of the API, whatever its type: which case, the domain command, and who sent it
 * how (user, Idempotency-Key, If-Match). CaseCommandHandler runs it.
 */
export class CaseCommand extends Command<CommandResponseDto> {
  constructor(
    readonly caseId: string,
    readonly input: CaseCommandInput,
    readonly context: CommandRequestContext,
  ) {
    super();
  }
}
