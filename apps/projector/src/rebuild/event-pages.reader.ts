import type { EventStore, RecordedEvent } from '@ehcp/event-store';
import { CASE_STREAMS } from '../engine/batch.applier';

/** Rows per query of the log: each query pays for the visibility horizon and the filter once. */
const READ_PAGE = 2_000;

/**
 * The case events after `from` (null: from the start) up to the end of the log as it was when called,
 * in pages of `size`, from one readAll (one query for the end of the log, not one per page). The next
 * page is read while the caller works on the current one: the database and the fold overlap.
 */
export function eventPages(
  store: EventStore,
  from: string | null,
  size: number,
): AsyncGenerator<readonly RecordedEvent[]> {
  return readAhead(
    pagesOf(store.readAll({ from: from ?? undefined, filter: CASE_STREAMS, pageSize: READ_PAGE }), size),
  );
}

async function* pagesOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<readonly T[]> {
  let page: T[] = [];
  for await (const item of items) {
    page.push(item);
    if (page.length < size) continue;
    yield page;
    page = [];
  }
  if (page.length > 0) yield page;
}

/** Asks `source` for its next item as soon as the current one is handed out. */
async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = source.next();
      // Awaited on the next turn; until then its failure must not count as unhandled.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // A caller that stops early: the read in flight settles first, then the source closes.
    await next.catch(() => undefined);
    await source.return(undefined);
  }
}
