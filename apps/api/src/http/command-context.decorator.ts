import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from '@ehcp/auth';
import type { RevisionPrecondition } from '@ehcp/event-store';
import { expectedRevisionOf, idempotencyKeyOf } from './command-headers';
import { requestFingerprint } from './request-fingerprint';

/** Who sent a command and how: recorded in every event's metadata, and the concurrency controls. */
export interface CommandRequestContext {
  readonly user: AuthenticatedUser;
  /** x-correlation-id (the logger echoes it on the response), else generated. */
  readonly correlationId: string;
  readonly idempotencyKey?: string;
  /** Hash of user, method, path and body; set with idempotencyKey. */
  readonly fingerprint?: string;
  /** From If-Match: apply only at this revision (no retries), or only if the case exists (`*`). */
  readonly expectedRevision?: RevisionPrecondition;
}

export function commandContextOf(request: Request & { user?: AuthenticatedUser }): CommandRequestContext {
  const user = request.user;
  // Only a @Public() route has no user: a programming error, never a client's.
  if (!user) throw new Error('command route reached without an authenticated user');
  const idempotencyKey = idempotencyKeyOf(request);
  return {
    user,
    correlationId: correlationIdOf(request),
    expectedRevision: expectedRevisionOf(request),
    ...(idempotencyKey === undefined
      ? {}
      : { idempotencyKey, fingerprint: requestFingerprint(request, user.id) }),
  };
}

function correlationIdOf(request: Request): string {
  // pino-http (LoggerModule) has set request.id from x-correlation-id, or generated one.
  if (typeof request.id === 'string' && request.id !== '') return request.id;
  return randomUUID();
}

/** `@CommandContext() context: CommandRequestContext` in a command controller. */
export const CommandContext = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  commandContextOf(context.switchToHttp().getRequest()),
);
