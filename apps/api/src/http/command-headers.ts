import type { Request } from 'express';
import { ValidationProblem } from '../problem-details/api-problem';

export const IF_MATCH = 'If-Match';
export const IDEMPOTENCY_KEY = 'Idempotency-Key';

const QUOTED_REVISION = /^"(\d{1,15})"$/;
const VISIBLE_ASCII = /^[\x20-\x7e]{1,200}$/;

/**
 * `If-Match: "<revision>"` as the ETag a command returned; `*` (any current revision) pins nothing.
 * Anything else is a 400: a client that meant to pin a revision must not silently get "any".
 */
export function expectedRevisionOf(request: Request): bigint | undefined {
  const value = request.headers['if-match'];
  if (value === undefined || value.trim() === '*') return undefined;
  const match = QUOTED_REVISION.exec(value.trim());
  if (!match) throw ValidationProblem.of(IF_MATCH, 'must be a revision in quotes, as in the ETag: "3"');
  return BigInt(match[1]);
}

/** The client's Idempotency-Key: 1-200 visible ASCII characters, or undefined when not sent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !VISIBLE_ASCII.test(value) || value.trim() === '')
    throw ValidationProblem.of(IDEMPOTENCY_KEY, 'must be 1-200 visible ASCII characters');
  return value;
}
