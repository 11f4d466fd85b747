import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import {
  caseOfEvent,
  deadLetterOf,
  toCaseEvent,
  type BatchApplier,
  type FoldedEvent,
} from '../engine/batch.applier';
import { CheckpointMoved, claimCheckpoint, saveCheckpoint } from '../engine/checkpoint.store';
import { reportParked } from '../engine/dead-letter.report';
import { parkEvents, type DeadLetter } from '../engine/dead-letter.store';
import { describeFailure, isEventFailure } from '../engine/event-failure';
import { inTransaction, type SqlClient } from '../engine/sql-client';
import { eventPages } from './event-pages.reader';
import { ReplayWorkingSet, type CaseRows, type FlushWrites, type LogPoint } from './replay-working-set';

export interface ReplayOptions {
  /** Events read and folded per page. */
  readonly batchSize: number;
  /** Cases kept in memory with their rows (ReplayWorkingSet): a flush each time they are more. */
  readonly workingSetCases: number;
  /**
   * A second connection for the flushes: each then runs while the fold goes on (at most one at a
   * time). Without one, the fold waits for each flush on the first connection.
   */
  readonly flushDb?: SqlClient;
}

export interface ReplayResult {
  /** Where the shadow tables stand: the last event flushed (null: none). */
  readonly checkpoint: string | null;
  readonly events: number;
  readonly parked: number;
  /**
   * False when a flush failed on the data (a row PostgreSQL refuses): it is rolled back, and the rest
   * of the log, from `checkpoint`, is the batch-by-batch catch-up's, which finds the events at fault.
   */
  readonly complete: boolean;
}

/**
 * A rebuild's first pass over the log, into the fresh, empty shadow tables: one read of the log, each
 * event folded into its case in memory (ReplayWorkingSet), and the rows written in bulk at each
 * flush, in one transaction with the checkpoint and the dead letters. A flush comes when the working
 * set is full and writes the cases that leave it; the others' changes are held back (a case still in
 * progress would otherwise be written again at every flush), so its checkpoint stays before the
 * earliest of them: whatever goes on from it (the catch-up) skips what was written, as a batch skips
 * a replay. The last flush, and any with dead letters, writes everything. Nothing is read per batch:
 * a case's rows are in memory, or (revision 0) it has none yet, or it was flushed and left memory
 * and is read back. The dead letters are tracked in memory as well (the shadow's table starts empty):
 * an event the domain or a projection throws on is parked, and the case's later events behind it, as
 * the live projector does. With a second connection, each flush is written while the next events
 * are folded: the database and the fold overlap.
 */
export async function replayIntoShadow(
  db: SqlClient,
  store: EventStore,
  applier: BatchApplier,
  schema: string,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const replay = new ShadowReplay(db, applier, schema, options);
  for await (const page of eventPages(store, null, options.batchSize)) {
    await replay.apply(page);
    if (replay.due) await replay.flush();
    if (replay.refused) return replay.result();
  }
  await replay.flush(true);
  await replay.settle();
  return replay.result();
}

class ShadowReplay {
  private readonly logger = new Logger('ProjectionsRebuild');
  private readonly cases: ReplayWorkingSet;
  private readonly flushDb: SqlClient;
  /** Cases with a parked event: their later events are parked behind it. */
  private readonly blocked = new Set<string>();
  private letters: DeadLetter[] = [];
  /** The last event read. */
  private at: LogPoint = { position: null, events: 0 };
  /** What the last committed flush covers. */
  private flushed = { position: null as string | null, events: 0, parked: 0 };
  /** The flush being written, if any: true once committed, false if PostgreSQL refused its data. */
  private inFlight: Promise<boolean> | undefined;
  /** A flush was refused (see ReplayResult.complete): the replay stops there. */
  refused = false;

  constructor(
    private readonly db: SqlClient,
    private readonly applier: BatchApplier,
    private readonly schema: string,
    options: ReplayOptions,
  ) {
    this.cases = new ReplayWorkingSet(schema, applier.projectedTables, options.workingSetCases);
    this.flushDb = options.flushDb ?? db;
  }

  /** Time for a flush: too many cases in memory. */
  get due(): boolean {
    return this.cases.full;
  }

  async apply(page: readonly RecordedEvent[]): Promise<void> {
    // Committed by an earlier flush than the one in flight (whose cases are still in memory): read back
    // on the first connection while the flush goes on, on the second.
    await this.cases.load(this.db, this.flushedCasesOf(page));
    for (const recorded of page) {
      this.applyOne(recorded, this.at);
      this.at = { position: recorded.position, events: this.at.events + 1 };
    }
  }

  /**
   * Starts writing the changes taken (`final`: all of them), the dead letters and the checkpoint in
   * one transaction, once the flush before has committed. On the first connection it is awaited; on a
   * second one it runs on while the fold goes on (`settle` awaits it).
   */
  async flush(final = false): Promise<void> {
    await this.settle();
    if (this.refused || this.at.position === null) return;
    // Dead letters go with every change before them: the catch-up from a checkpoint must not find a
    // parked event again (it would park it anew).
    const { writes, heldSince } = this.cases.takeWrites(final || this.letters.length > 0);
    const written = this.write(writes, this.letters, heldSince ?? this.at);
    this.letters = [];
    // Awaited by `settle`; until then its failure must not count as unhandled.
    written.catch(() => undefined);
    this.inFlight = written;
    if (this.flushDb === this.db) await this.settle();
  }

  /** Waits for the flush in flight, if any; `refused` says whether PostgreSQL took its data. */
  async settle(): Promise<void> {
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    if (inFlight && !(await inFlight)) this.refused = true;
  }

  result(): ReplayResult {
    const { position, events, parked } = this.flushed;
    return { checkpoint: position, events, parked, complete: !this.refused };
  }

  /**
   * One flush's transaction: the shadow tables then hold every event up to `upTo`. False when
   * PostgreSQL refused the data (rolled back).
   */
  private async write(writes: FlushWrites, letters: DeadLetter[], upTo: LogPoint): Promise<boolean> {
    const db = this.flushDb;
    const { position, events } = upTo;
    try {
      await inTransaction(db, async () => {
        await claimCheckpoint(db, this.schema, this.flushed.position);
        await ReplayWorkingSet.write(db, writes);
        await parkEvents(db, this.schema, letters);
        // Null: a change from the very first event is held back; the checkpoint stays where it was.
        if (position !== null) await saveCheckpoint(db, this.schema, position);
      });
    } catch (error) {
      if (error instanceof CheckpointMoved || !isEventFailure(error)) throw error;
      this.logger.warn('rebuild: a flush was refused; the replay goes on batch by batch to find the event');
      return false;
    }
    reportParked(this.logger, letters);
    this.flushed = { position, events, parked: this.flushed.parked + letters.length };
    return true;
  }

  /** `before`: where the log stood before the event. */
  private applyOne(recorded: RecordedEvent, before: LogPoint): void {
    const caseId = caseOfEvent(recorded);
    if (this.blocked.has(caseId)) {
      this.letters.push(deadLetterOf(recorded, 'blocked', null));
      return;
    }
    const caseRows = this.cases.get(caseId);
    let folded: FoldedEvent | undefined;
    try {
      folded = this.fold(recorded, caseRows);
    } catch (error) {
      // The fold is in memory and deterministic: a failure is the event's, and would repeat.
      if (!isEventFailure(error)) throw error;
      this.letters.push(deadLetterOf(recorded, 'parked', describeFailure(error)));
      this.blocked.add(caseId);
      return;
    }
    if (folded) this.cases.record(caseRows, folded, before);
  }

  /** Undefined for an event at or below the case's revision: a replay, skipped as a batch skips it. */
  private fold(recorded: RecordedEvent, caseRows: CaseRows): FoldedEvent | undefined {
    const caseEvent = toCaseEvent(recorded);
    if (caseRows.state && caseEvent.revision <= caseRows.state.revision) return undefined;
    return this.applier.fold(caseEvent, caseRows.state, (index) => caseRows.tables[index].values());
  }

  /**
   * The page's cases whose rows an earlier flush wrote and that have since left memory: those whose
   * first event here is not their stream's first (revision 0: a case new to the shadow has no rows).
   */
  private flushedCasesOf(page: readonly RecordedEvent[]): string[] {
    const first = new Map<string, bigint>();
    for (const recorded of page) {
      const caseId = caseOfEvent(recorded);
      if (!first.has(caseId)) first.set(caseId, recorded.revision);
    }
    return [...first]
      .filter(([caseId, revision]) => revision > 0n && !this.cases.has(caseId) && !this.blocked.has(caseId))
      .map(([caseId]) => caseId);
  }
}
