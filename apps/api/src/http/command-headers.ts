import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import type { RevisionPrecondition } from '@ehcp/event-store';
import { ValidationProblem } from '../problem-details/api-problem';
import { ApiProblemResponse } from '../problem-details/problem-document';

export const IF_MATCH = 'If-Match';
export const IDEMPOTENCY_KEY = 'Idempotency-Key';

const QUOTED_REVISION = /^"(\d{1,15})"$/;
const VISIBLE_ASCII = /^[\x20-\x7e]{1,200}$/;

/**
 * `If-Match: "<revision>"` as the ETag a command or GET returned: the case must be at that revision.
 * `If-Match: *` (RFC 9110: "any current representation"): the case must exist, at any revision, so
 * on a case not yet created it is a 412 like a stale revision. Anything else is a 400: a client that
 * meant to pin a revision must not silently get "any".
 */
export function expectedRevisionOf(request: Request): RevisionPrecondition | undefined {
  const value = request.headers['if-match'];
  if (value === undefined) return undefined;
  if (value.trim() === '*') return 'stream_exists';
  const match = QUOTED_REVISION.exec(value.trim());
  if (!match) throw ValidationProblem.of(IF_MATCH, 'must be a revision in quotes, as in the ETag: "3", or *');
  return BigInt(match[1]);
}

/** If-Match in a command's OpenAPI description: the header as expectedRevisionOf reads it, and its 412. */
export function ApiIfMatch(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: IF_MATCH,
      required: false,
      description:
        'Apply only if the case is still at this revision: the ETag of your last command or of ' +
        'GET /cases/{caseId} or GET /cases/{caseId}/events. `*`: only if the case exists, at any revision.',
      schema: { type: 'string', pattern: '^("[0-9]+"|\\*)$', example: '"3"' },
    }),
    ApiProblemResponse(
      412,
      'If-Match named a revision the case is no longer at, or was `*` and there is no such case ' +
        '(REVISION_MISMATCH); nothing was appended',
    ),
  );
}

/** The client's Idempotency-Key: 1-200 visible ASCII characters, or undefined when not sent. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !VISIBLE_ASCII.test(value) || value.trim() === '')
    throw ValidationProblem.of(IDEMPOTENCY_KEY, 'must be 1-200 visible ASCII characters');
  return value;
}
