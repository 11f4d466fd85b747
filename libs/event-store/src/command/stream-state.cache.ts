/** A stream's folded state as of one revision, and what folded it (a state is only reused by its own fold). */
export interface CachedStreamState<State> {
  readonly state: State;
  readonly revision: bigint;
  readonly position: string | undefined;
  /** The fold that produced `state`: the decider's evolve and initial state, and the codec's decode. */
  readonly foldedBy: FoldIdentity;
}

export interface FoldIdentity {
  readonly evolve: unknown;
  readonly initialState: unknown;
  readonly decode: unknown;
}

export interface StreamStateCacheLimits {
  /** Streams kept at most (0: none). */
  readonly streams: number;
  /**
   * Events the kept states fold, all streams together, at most (default 50,000). A state grows with its
   * stream (a case keeps the history of its facts, about 150 bytes each besides 1.5 KiB of its own):
   * this bounds the memory, about 10 MiB by default, however long the streams.
   */
  readonly events?: number;
}

/**
 * The folded state of the streams this process wrote or read last, least recently used evicted first.
 * Only a hint: a command decided on it appends at its revision, so a stream that moved on since (another
 * process wrote) fails that append and the command is decided again on the stream as stored.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStreamState<unknown>>();
  private readonly maxStreams: number;
  private readonly maxEvents: number;
  private events = 0;

  constructor(limits: StreamStateCacheLimits) {
    this.maxStreams = limits.streams;
    this.maxEvents = limits.events ?? 50_000;
  }

  /** The cached state of `streamName` if `foldedBy` folded it; refreshes its place in the LRU order. */
  get<State>(streamName: string, foldedBy: FoldIdentity): CachedStreamState<State> | undefined {
    const entry = this.entries.get(streamName);
    if (!entry || !sameFold(entry.foldedBy, foldedBy)) return undefined;
    this.entries.delete(streamName);
    this.entries.set(streamName, entry);
    return entry as CachedStreamState<State>;
  }

  /**
   * Keeps `entry` unless a later revision is already cached: two commands of this process on one stream
   * can finish in either order, and the older outcome must not replace the newer.
   */
  remember(streamName: string, entry: CachedStreamState<unknown>): void {
    if (entry.revision < 0n || this.maxStreams <= 0 || eventsOf(entry) > this.maxEvents) return;
    const current = this.entries.get(streamName);
    if (current && current.revision > entry.revision && sameFold(current.foldedBy, entry.foldedBy)) return;
    this.delete(streamName);
    this.entries.set(streamName, entry);
    this.events += eventsOf(entry);
    while (this.entries.size > this.maxStreams || this.events > this.maxEvents)
      this.delete(this.entries.keys().next().value!);
  }

  /** Drops `entry` (found stale), unless another command has cached a newer one meanwhile. */
  forget(streamName: string, entry: CachedStreamState<unknown>): void {
    if (this.entries.get(streamName) === entry) this.delete(streamName);
  }

  private delete(streamName: string): void {
    const entry = this.entries.get(streamName);
    if (!entry) return;
    this.entries.delete(streamName);
    this.events -= eventsOf(entry);
  }
}

/** Revisions count from 0. */
function eventsOf(entry: CachedStreamState<unknown>): number {
  return Number(entry.revision) + 1;
}

function sameFold(a: FoldIdentity, b: FoldIdentity): boolean {
  return a.evolve === b.evolve && a.initialState === b.initialState && a.decode === b.decode;
}
