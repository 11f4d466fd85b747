import { Clock } from '@ehcp/config';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertHasTeams, assertTeamAccess, SecurityError, type AuthenticatedUser } from '@ehcp/auth';
import {
  caseExists,
  caseStreamOf,
  ehcpCaseDecider,
  isDomainError,
  type EhcpCaseCommand,
  type EhcpCaseDecider,
  type EhcpCaseEvent,
} from '@ehcp/domain';
import {
  DeciderCommandRunner,
  EncryptedEventStore,
  IdempotencyKeyReused,
  WrongExpectedVersion,
  type CommandResult,
  type RunCommandRequest,
} from '@ehcp/event-store';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import { commandsHandled, eventsAppended, type CommandOutcome } from '../../metrics/api-metrics';
import { CaseCommand } from './case-command';
import { assertMayCorrect } from './correction-roles';
import type { CommandResponseDto } from './command-response.dto';

type CaseRun = RunCommandRequest<EhcpCaseCommand, EhcpCaseEvent>;

/**
 * Runs every case command through the event store's decider runner: read the case stream, fold, check
 * the caller's team, decide, append (replaying a repeated Idempotency-Key, honouring If-Match,
 * retrying on concurrent writers otherwise), and answers API.md's `{ caseId, revision, position }`.
 */
@CommandHandler(CaseCommand)
export class CaseCommandHandler implements ICommandHandler<CaseCommand, CommandResponseDto> {
  constructor(
    private readonly runner: DeciderCommandRunner,
    private readonly store: EncryptedEventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, input, context }: CaseCommand): Promise<CommandResponseDto> {
    const command = { ...input, today: this.clock.today() } as EhcpCaseCommand;
    const decider = teamScoped(context.user);
    const request = runOf(caseId, command, context);
    try {
      if (command.type === 'ErasePersonalData') await this.shred(decider, request);
      const result = await this.runner.run(decider, request);
      commandsHandled.inc({ command: command.type, outcome: result.replayed ? 'replayed' : 'accepted' });
      if (!result.replayed) for (const event of result.events) eventsAppended.inc({ type: event.type });
      return responseOf(caseId, result);
    } catch (error) {
      commandsHandled.inc({ command: command.type, outcome: outcomeOf(error) });
      throw error;
    }
  }

  /**
   * Erasure crypto-shreds first, then records it: a failure in between leaves the data erased and a
   * retry appends the event; the reverse order could record an erasure that never happened. So the
   * runner is asked first whether it would append, and nothing is shredded for a refused command.
   */
  private async shred(decider: EhcpCaseDecider, request: CaseRun): Promise<void> {
    await this.runner.check(decider, request);
    await this.store.erasePersonalData(request.streamName);
  }
}

function runOf(caseId: string, command: EhcpCaseCommand, context: CommandRequestContext): CaseRun {
  return {
    streamName: caseStreamOf(caseId),
    command,
    context: {
      userId: context.user.id,
      correlationId: context.correlationId,
      idempotencyKey: context.idempotencyKey,
      fingerprint: context.fingerprint,
    },
    expectedRevision: context.expectedRevision,
    // A new case: tried on an empty stream first, without reading it (the usual cycle if it exists).
    opensStream: opensCase(command),
  };
}

/**
 * The domain's decider, with the caller's team checked against the case's before deciding (and,
 * for a new case, against the team it is opened for: a request received or a plan transferred in),
 * and a correction's roles against the fact it names: a refused command appends nothing. A token
 * with no team acts on nothing (403, whether or not the case exists).
 */
function teamScoped(user: AuthenticatedUser): EhcpCaseDecider {
  return {
    ...ehcpCaseDecider,
    decide: (command, state) => {
      assertHasTeams(user);
      if (caseExists(state)) assertTeamAccess(user, state.team);
      else if (opensCase(command)) assertTeamAccess(user, command.data.team);
      if (command.type === 'CorrectFact' && caseExists(state)) assertMayCorrect(user, command, state);
      return ehcpCaseDecider.decide(command, state);
    },
  };
}

/** The commands that open a case (POST /cases, POST /cases/transfers-in): they name its team. */
function opensCase(
  command: EhcpCaseCommand,
): command is Extract<EhcpCaseCommand, { type: 'ReceiveRequest' | 'TransferIn' }> {
  return command.type === 'ReceiveRequest' || command.type === 'TransferIn';
}

/** API.md: every command answers `{ caseId, revision, position }`. */
function responseOf(caseId: string, result: CommandResult<unknown, unknown>): CommandResponseDto {
  return {
    caseId,
    // The stream's revision after the command (0-based): also the ETag.
    revision: Number(result.nextExpectedRevision),
    // Every accepted command appends at least one event, so it always has a position.
    position: result.position ?? '',
  };
}

function outcomeOf(error: unknown): CommandOutcome {
  if (isDomainError(error) || error instanceof IdempotencyKeyReused) return 'refused';
  if (error instanceof SecurityError) return 'forbidden';
  if (error instanceof WrongExpectedVersion) return 'conflict';
  return 'error';
}
