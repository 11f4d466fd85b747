import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EncryptedEventStore } from '@ehcp/event-store';
import { CaseCommandExecutor, type CaseCommandInput } from '../shared/case-command.executor';
import { caseStreamOf } from '../shared/case-stream';
import type { CommandResponseDto } from '../shared/command-response.dto';
import { responseOf } from '../shared/command-response';
import { ErasePersonalDataCommand } from './erase-personal-data.command';

const ERASE: CaseCommandInput = { type: 'ErasePersonalData', data: {} };

@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<
  ErasePersonalDataCommand,
  CommandResponseDto
> {
  constructor(
    private readonly cases: CaseCommandExecutor,
    private readonly store: EncryptedEventStore,
  ) {}

  /**
   * Crypto-shred first, then record it: a failure in between leaves the data erased and a retry
   * appends the event; the reverse order could record an erasure that never happened.
   */
  async execute({ caseId, context }: ErasePersonalDataCommand): Promise<CommandResponseDto> {
    await this.cases.check(caseId, context, ERASE);
    await this.store.erasePersonalData(caseStreamOf(caseId));
    return responseOf(await this.cases.execute(caseId, context, ERASE));
  }
}
