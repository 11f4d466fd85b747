import { IdempotencyKeyReused, WrongExpectedVersion } from '../event-store.errors';
import type { EventStore, JsonObject, NewEvent, RecordedEvent } from '../event-store.port';
import { backoffMs, sleep } from '@ehcp/config';
import {
  meetsPrecondition,
  type CommandContext,
  type CommandResult,
  type Decider,
  type EventCodec,
  type RunCommandRequest,
} from './decider.types';
import { eventIdFor } from './deterministic-event-id';
import { StreamStateCache, type FoldIdentity, type StreamStateCacheLimits } from './stream-state.cache';

export interface DeciderCommandRunnerOptions {
  /**
   * Attempts under contention before WrongExpectedVersion reaches the caller (default 20). Each lost
   * race means a rival command appended since this one read, so among N concurrent commands on one
   * case none loses more than N - 1 times: 20 attempts let 20 at once all land, however slow the
   * machine, far beyond the writers one case has.
   */
  readonly maxAttempts?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /**
   * Where the runner reads the streams it folds; default: the store it appends to. A decider that
   * never reads personal data can fold the stream as stored (EncryptedEventStore.readStreamSealed):
   * no data-key lookup per command. The events of a replayed result then carry it sealed too.
   */
  readonly readStream?: (streamName: string) => AsyncIterable<RecordedEvent>;
  /**
   * The folded states to keep after each command, so that the next one on the stream skips the read
   * (the api: COMMAND_STATE_CACHE_CASES). Default: none, every command reads its stream.
   */
  readonly stateCache?: StreamStateCacheLimits;
}

interface Loaded<Event, State> {
  readonly state: State;
  readonly revision: bigint;
  readonly position: string | undefined;
  /** The events an earlier run with the same idempotency key appended. */
  readonly previous: readonly { recorded: RecordedEvent; event: Event }[];
}

/** A repeated request's first outcome, or the events the decider wants appended. */
type Verdict<Event, State> =
  { readonly replay: CommandResult<Event, State> } | { readonly events: readonly Event[] };

/** Events stored as `{ type, data }` envelopes: the shape of @ehcp/domain's events. */
const ENVELOPE_CODEC: EventCodec<{ type: string; data: JsonObject }> = {
  encode: (event) => ({ type: event.type, data: event.data }),
  decode: (recorded) => ({ type: recorded.type, data: recorded.data }),
};

/**
 * Runs a command against a decider: read the stream, fold `evolve`, `decide`, append at the revision
 * read. Optimistic concurrency: a concurrent writer makes the append fail and the whole cycle re-runs
 * on the new state, a bounded number of times, unless the client pinned an exact revision. The state
 * each command leaves is kept (StreamStateCache), so the next one on that stream usually skips the read.
 */
export class DeciderCommandRunner {
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly readStream: (streamName: string) => AsyncIterable<RecordedEvent>;
  private readonly cache: StreamStateCache;

  constructor(
    private readonly store: EventStore,
    options: DeciderCommandRunnerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 20;
    this.backoffBaseMs = options.backoffBaseMs ?? 10;
    this.backoffMaxMs = options.backoffMaxMs ?? 250;
    this.readStream = options.readStream ?? ((streamName) => this.store.readStream(streamName));
    this.cache = new StreamStateCache(options.stateCache ?? { streams: 0 });
  }

  async run<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<CommandResult<Event, State>> {
    const opened = await this.tryOpening(decider, request);
    if (opened) return opened;
    const decided = await this.tryCached(decider, request);
    if (decided) return decided;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(decider, request);
      } catch (error) {
        const retry =
          error instanceof WrongExpectedVersion &&
          typeof request.expectedRevision !== 'bigint' &&
          attempt < this.maxAttempts;
        if (!retry) throw error;
        await sleep(
          backoffMs(attempt, { baseMs: this.backoffBaseMs, maxMs: this.backoffMaxMs, jitter: true }),
        );
      }
    }
  }

  /**
   * Would `run` accept this command now? Throws what `run` would (WrongExpectedVersion for a stale
   * pinned revision, IdempotencyKeyReused, the decider's refusal) and appends nothing. For a command
   * whose effect outside the stream must come first. A repeat under the same idempotency key passes:
   * `run` will replay it.
   */
  async check<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<void> {
    await this.verdictOn(decider, request);
  }

  private async attempt<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<CommandResult<Event, State>> {
    const { loaded, verdict } = await this.verdictOn(decider, request);
    if ('replay' in verdict) return verdict.replay;
    const { events } = verdict;
    if (events.length === 0) {
      const { state, revision, position } = loaded;
      return { events, nextExpectedRevision: revision, position, state, replayed: false };
    }
    return this.append(decider, request, loaded, events);
  }

  /**
   * A command that usually opens its stream (`opensStream`), with no idempotency key or pinned revision
   * to honour: decided on the initial state and appended at `no_stream` without reading first, one
   * round trip fewer. Anything else (the stream exists, the decider refuses) gives up and lets the usual
   * cycle decide on what is stored, so the answer is the same as without the shortcut.
   */
  private async tryOpening<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<CommandResult<Event, State> | undefined> {
    const { opensStream, context, expectedRevision } = request;
    if (!opensStream || context.idempotencyKey !== undefined || expectedRevision !== undefined) return;
    let events: readonly Event[];
    try {
      events = decider.decide(request.command, decider.initialState);
    } catch {
      return; // refused on an empty stream: the usual cycle refuses it again, on the stream as it is
    }
    if (events.length === 0) return;
    const empty = { state: decider.initialState, revision: -1n };
    return this.append(decider, request, empty, events).catch((error: unknown) => {
      if (error instanceof WrongExpectedVersion) return undefined; // the stream exists: read it
      throw error;
    });
  }

  /**
   * A command on a stream this runner folded lately, with no idempotency key to honour (that needs the
   * stream's events): decided on the cached state and appended at its revision without reading, one round
   * trip fewer. If the stream moved on since (another process wrote), that append fails; then, as when the
   * cached state refuses the command, yields no events or misses a pinned revision, the usual cycle
   * decides on the stream as stored, so the answer is the same as without the cache.
   */
  private async tryCached<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<CommandResult<Event, State> | undefined> {
    const { streamName, context, expectedRevision: pinned } = request;
    if (context.idempotencyKey !== undefined) return;
    const cached = this.cache.get<State>(streamName, foldOf(decider, codecOf(request)));
    if (!cached || (pinned !== undefined && !meetsPrecondition(pinned, cached.revision))) return;
    let events: readonly Event[];
    try {
      events = decider.decide(request.command, cached.state);
    } catch {
      return; // perhaps refused on a stale state: the usual cycle decides on the stream as stored
    }
    if (events.length === 0) return; // its revision and position must be the stored ones
    return this.append(decider, request, cached, events).catch((error: unknown) => {
      if (!(error instanceof WrongExpectedVersion)) throw error;
      this.cache.forget(streamName, cached);
      return undefined;
    });
  }

  private async append<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
    loaded: { readonly state: State; readonly revision: bigint },
    events: readonly Event[],
  ): Promise<CommandResult<Event, State>> {
    const { streamName, context } = request;
    const codec = codecOf(request);
    const newEvents = events.map((event, index): NewEvent => ({
      ...codec.encode(event),
      id: eventIdFor(streamName, context.idempotencyKey, index),
      metadata: metadataOf(context, request.schemaVersion ?? 1),
    }));
    const result = await this.store.appendToStream(streamName, newEvents, {
      expectedRevision: loaded.revision < 0n ? 'no_stream' : loaded.revision,
    });
    const state = events.reduce((folded, event) => decider.evolve(folded, event), loaded.state);
    const { nextExpectedRevision: revision, position } = result;
    this.cache.remember(streamName, { state, revision, position, foldedBy: foldOf(decider, codec) });
    return { events, nextExpectedRevision: revision, position, state, replayed: false };
  }

  /** The stream as it is now, and what `run` makes of it: a replay, a refusal (thrown), or events. */
  private async verdictOn<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<{ loaded: Loaded<Event, State>; verdict: Verdict<Event, State> }> {
    const { streamName, context, expectedRevision: pinned } = request;
    const loaded = await this.load(decider, request);
    const key = context.idempotencyKey;
    if (key !== undefined && loaded.previous.length > 0)
      return { loaded, verdict: { replay: replayOf(streamName, key, context.fingerprint, loaded) } };
    if (pinned !== undefined && !meetsPrecondition(pinned, loaded.revision)) {
      throw new WrongExpectedVersion(
        streamName,
        pinned,
        loaded.revision < 0n ? 'no_stream' : loaded.revision,
      );
    }
    return { loaded, verdict: { events: decider.decide(request.command, loaded.state) } };
  }

  private async load<Command, Event, State>(
    decider: Decider<Command, Event, State>,
    request: RunCommandRequest<Command, Event>,
  ): Promise<Loaded<Event, State>> {
    const { streamName } = request;
    const codec = codecOf(request);
    const key = request.context.idempotencyKey;
    let state = decider.initialState;
    let revision = -1n;
    let position: string | undefined;
    const previous: { recorded: RecordedEvent; event: Event }[] = [];
    for await (const recorded of this.readStream(streamName)) {
      const event = codec.decode(recorded);
      state = decider.evolve(state, event);
      revision = recorded.revision;
      position = recorded.position;
      // An earlier run's events are contiguous and carry the ids this key derives, in order.
      if (key !== undefined && recorded.id === eventIdFor(streamName, key, previous.length)) {
        previous.push({ recorded, event });
      }
    }
    this.cache.remember(streamName, { state, revision, position, foldedBy: foldOf(decider, codec) });
    return { state, revision, position, previous };
  }
}

function codecOf<Command, Event>(request: RunCommandRequest<Command, Event>): EventCodec<Event> {
  return request.codec ?? (ENVELOPE_CODEC as unknown as EventCodec<Event>);
}

/** What a cached state must have been folded by to stand for `decider`'s fold of the stream. */
function foldOf<Event, State>(
  decider: Decider<unknown, Event, State>,
  codec: EventCodec<Event>,
): FoldIdentity {
  return { evolve: decider.evolve, initialState: decider.initialState, decode: codec.decode };
}

function metadataOf(context: CommandContext, schemaVersion: number): JsonObject {
  return {
    userId: context.userId,
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.correlationId,
    idempotencyKey: context.idempotencyKey ?? null,
    schemaVersion,
    ...(context.fingerprint === undefined ? {} : { requestFingerprint: context.fingerprint }),
  };
}

/** A repeated request: the first run's outcome, appending nothing (API.md, Idempotency-Key). */
function replayOf<Event, State>(
  streamName: string,
  idempotencyKey: string,
  fingerprint: string | undefined,
  loaded: Loaded<Event, State>,
): CommandResult<Event, State> {
  const first = loaded.previous[0].recorded;
  const last = loaded.previous[loaded.previous.length - 1].recorded;
  const stored = first.metadata.requestFingerprint;
  if (fingerprint !== undefined && stored !== undefined && stored !== fingerprint) {
    throw new IdempotencyKeyReused(streamName, idempotencyKey);
  }
  return {
    events: loaded.previous.map((entry) => entry.event),
    nextExpectedRevision: last.revision,
    position: last.position,
    state: loaded.state,
    replayed: true,
  };
}
