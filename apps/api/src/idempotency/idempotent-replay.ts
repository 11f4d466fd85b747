export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * A repeat of a request that succeeded: answered with the stored status and body instead of running
 * again. Thrown by the guard (before validation) and answered by the command routes' exception filter,
 * the one way out of a guard that still sends a response of our choosing.
 */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('a repeat of a request that succeeded: answered with its stored response');
  }
}
