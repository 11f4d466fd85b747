import type { Request } from 'express';

/** An Idempotency-Key the command's guard claimed (or found in flight), until the command's answer. */
export interface HeldClaim {
  /** Stores the response a repeat of the request will be given. */
  complete(status: number, body: unknown): Promise<void>;
  /** Frees the key after a failure, if this request claimed it: the client may correct it and retry. */
  release(): Promise<void>;
}

const HELD_CLAIM = Symbol('ehcp:idempotency-claim');

type WithClaim = Request & { [HELD_CLAIM]?: HeldClaim };

export function holdClaim(request: Request, claim: HeldClaim): void {
  (request as WithClaim)[HELD_CLAIM] = claim;
}

/** The claim of a request sent with an Idempotency-Key; undefined without one. */
export function heldClaimOf(request: Request): HeldClaim | undefined {
  return (request as WithClaim)[HELD_CLAIM];
}
