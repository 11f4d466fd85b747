import type { ActualRevision, ExpectedRevision } from './event-store.port';

/** The stream was not where the caller expected it: a concurrent writer won, or the caller's view is stale. */
export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';

  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The event store did not answer within the application-level deadline. */
export class EventStoreTimeout extends Error {
  override readonly name = 'EventStoreTimeout';

  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`Event store ${operation} did not answer within ${timeoutMs} ms`);
  }
}

/** A position string this adapter did not issue (e.g. a malformed `minPosition` query parameter). */
export class InvalidPosition extends Error {
  override readonly name = 'InvalidPosition';

  constructor(readonly position: string) {
    super(`Not an event store position: ${JSON.stringify(position)}`);
  }
}

/** An Idempotency-Key was repeated with a different request (API.md: 409 IDEMPOTENCY_KEY_REUSED). */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(
    readonly streamName: string,
    readonly idempotencyKey: string,
  ) {
    super(
      `Idempotency key ${JSON.stringify(idempotencyKey)} was already used for a different request on ${streamName}`,
    );
  }
}
