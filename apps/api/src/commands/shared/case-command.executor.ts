import { Injectable } from '@nestjs/common';
import { assertTeamAccess, SecurityError, type AuthenticatedUser } from '@ehcp/auth';
import {
  caseExists,
  decide,
  evolve,
  initialState,
  isDomainError,
  type EhcpCaseCommand,
  type EhcpCaseEvent,
  type EhcpCaseState,
} from '@ehcp/domain';
import {
  DeciderCommandRunner,
  eventIdFor,
  IdempotencyKeyReused,
  meetsPrecondition,
  WrongExpectedVersion,
  type Decider,
} from '@ehcp/event-store';
import { Clock } from '../../clock/clock';
import type { CommandRequestContext } from '../../http/command-context.decorator';
import { commandsHandled, eventsAppended, type CommandOutcome } from '../../metrics/api-metrics';
import { caseStreamOf } from './case-stream';
import { CaseStreamReader } from './case-stream.reader';

/** A domain command as a handler builds it: the executor adds `today`. */
export type CaseCommandInput = EhcpCaseCommand extends infer C
  ? C extends EhcpCaseCommand
    ? Omit<C, 'today'>
    : never
  : never;

export interface CaseCommandOutcome {
  readonly caseId: string;
  /** The stream's revision after the command (0-based). */
  readonly revision: number;
  /** Read-your-writes token for queries' `minPosition`. */
  readonly position: string;
  readonly events: readonly EhcpCaseEvent[];
}

/**
 * Runs one case command: read the case stream, fold, check the caller's team, decide, append (the
 * event store's decider runner; retries on concurrent writers unless If-Match pinned the revision).
 */
@Injectable()
export class CaseCommandExecutor {
  constructor(
    private readonly runner: DeciderCommandRunner,
    private readonly reader: CaseStreamReader,
    private readonly clock: Clock,
  ) {}

  async execute(
    caseId: string,
    context: CommandRequestContext,
    input: CaseCommandInput,
  ): Promise<CaseCommandOutcome> {
    const command = this.commandOf(input);
    try {
      const result = await this.runner.run(teamScoped(context.user), {
        streamName: caseStreamOf(caseId),
        command,
        context: {
          userId: context.user.id,
          correlationId: context.correlationId,
          idempotencyKey: context.idempotencyKey,
          fingerprint: context.fingerprint,
        },
        expectedRevision: context.expectedRevision,
      });
      commandsHandled.inc({ command: command.type, outcome: result.replayed ? 'replayed' : 'accepted' });
      if (!result.replayed) for (const event of result.events) eventsAppended.inc({ type: event.type });
      return {
        caseId,
        revision: Number(result.nextExpectedRevision),
        // Every accepted command appends at least one event, so it always has a position.
        position: result.position ?? '',
        events: result.events,
      };
    } catch (error) {
      commandsHandled.inc({ command: command.type, outcome: outcomeOf(error) });
      throw error;
    }
  }

  /**
   * Would `execute` accept this command now? Throws its refusal if not. For commands with an effect
   * outside the stream that must come first (erasure): a repeat under the same Idempotency-Key passes,
   * as `execute` will replay it.
   */
  async check(caseId: string, context: CommandRequestContext, input: CaseCommandInput): Promise<void> {
    const command = this.commandOf(input);
    const { state, events } = await this.reader.load(caseId);
    const stream = caseStreamOf(caseId);
    const key = context.idempotencyKey;
    if (key !== undefined && events.some((event) => event.id === eventIdFor(stream, key, 0))) return;
    const revision = BigInt(events.length - 1);
    if (context.expectedRevision !== undefined && !meetsPrecondition(context.expectedRevision, revision))
      throw new WrongExpectedVersion(
        stream,
        context.expectedRevision,
        events.length === 0 ? 'no_stream' : revision,
      );
    try {
      teamScoped(context.user).decide(command, state);
    } catch (error) {
      commandsHandled.inc({ command: command.type, outcome: outcomeOf(error) });
      throw error;
    }
  }

  private commandOf(input: CaseCommandInput): EhcpCaseCommand {
    return { ...input, today: this.clock.today() } as EhcpCaseCommand;
  }
}

/**
 * The domain's decider, with the caller's team checked against the case's before deciding (and,
 * for a new case, against the team it is opened for): a refused command appends nothing.
 */
function teamScoped(user: AuthenticatedUser): Decider<EhcpCaseCommand, EhcpCaseEvent, EhcpCaseState> {
  return {
    initialState,
    evolve,
    decide: (command, state) => {
      if (caseExists(state)) assertTeamAccess(user, state.team);
      else if (command.type === 'ReceiveRequest') assertTeamAccess(user, command.data.team);
      return decide(command, state);
    },
  };
}

function outcomeOf(error: unknown): CommandOutcome {
  if (isDomainError(error) || error instanceof IdempotencyKeyReused) return 'refused';
  if (error instanceof SecurityError) return 'forbidden';
  if (error instanceof WrongExpectedVersion) return 'conflict';
  return 'error';
}
