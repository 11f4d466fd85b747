import type { JsonObject, RecordedEvent } from '../event-store.port';

/** The decider pattern (DESIGN.md, Domain): pure functions, no I/O. `initialState` is never mutated. */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): readonly Event[];
}

/** Maps domain events to stored ones and back; the place for upcasters (see `metadata.schemaVersion`). */
export interface EventCodec<Event> {
  encode(event: Event): { type: string; data: JsonObject };
  decode(recorded: RecordedEvent): Event;
}

/**
 * What the client required of the stream before the command (HTTP If-Match): exactly this revision
 * (never retried: the client decides on a conflict), or that it exists at all (`*`: any revision, so a
 * concurrent writer is retried as without a precondition).
 */
export type RevisionPrecondition = bigint | 'stream_exists';

/** Does a stream at `revision` (-1n: absent) meet the precondition? */
export function meetsPrecondition(precondition: RevisionPrecondition, revision: bigint): boolean {
  return precondition === 'stream_exists' ? revision >= 0n : precondition === revision;
}

/** Who asked, and how to trace and de-duplicate it: recorded in every event's metadata. */
export interface CommandContext {
  readonly userId: string;
  readonly correlationId: string;
  /** What caused this command (e.g. the request or the event that triggered it); default: correlationId. */
  readonly causationId?: string;
  /** The client's Idempotency-Key: event ids derive from it, so a repeated request appends nothing. */
  readonly idempotencyKey?: string;
  /** A digest of the request body; a repeated key with another fingerprint is IdempotencyKeyReused. */
  readonly fingerprint?: string;
}

export interface RunCommandRequest<Command, Event> {
  readonly streamName: string;
  readonly command: Command;
  readonly context: CommandContext;
  /** The client's precondition (If-Match); unmet, it is WrongExpectedVersion. */
  readonly expectedRevision?: RevisionPrecondition;
  /** Default: events are `{ type, data }` envelopes, stored as they are. */
  readonly codec?: EventCodec<Event>;
  /** Recorded in metadata for future upcasters; default 1. */
  readonly schemaVersion?: number;
  /**
   * The command usually opens a new stream (a new case): the runner first tries it on an empty stream
   * without reading (see DeciderCommandRunner), falling back to the usual cycle. Same outcome either way.
   */
  readonly opensStream?: boolean;
}

export interface CommandResult<Event, State> {
  /** The events this command appended (or, for a repeated request, had appended the first time). */
  readonly events: readonly Event[];
  /** The stream's revision after the command; -1n when the stream still does not exist. */
  readonly nextExpectedRevision: bigint;
  /** Read-your-writes token; undefined only when the stream is still empty. */
  readonly position: string | undefined;
  readonly state: State;
  /** True when the idempotency key had already been applied and nothing was appended. */
  readonly replayed: boolean;
}
