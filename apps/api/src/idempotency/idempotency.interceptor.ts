import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '@ehcp/auth';
import { idempotencyKeyOf } from '../http/command-headers';
import { pathOf, requestFingerprint } from '../http/request-fingerprint';
import { ApiProblem } from '../problem-details/api-problem';
import { IdempotencyRepository } from './idempotency.repository';
import { SHOWN_ONCE_FIELDS } from './shown-once.decorator';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Idempotency-Key on commands (API.md). The key is claimed first (a row with a unique key), so a
 * different request under the same key is refused even while the first is in flight. A repeat of a
 * request that succeeded gets the stored status and body (the ETag follows from the body). A repeat
 * that arrives while the first is still running is executed too: the command's ids and event ids
 * derive from the key, so the event store recognises the second append as the same one, writes
 * nothing, and both answer alike. Failures store nothing and free the key. Fields a route marks
 * @ShownOnce() (a secret shown once) are stored as null.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly repository: IdempotencyRepository,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthenticatedUser }>();
    const response = http.getResponse<Response>();
    const key = idempotencyKeyOf(request);
    if (key === undefined || !request.user) return next.handle();

    const scope = { userId: request.user.id, key };
    const claim = {
      method: request.method,
      path: pathOf(request),
      requestHash: requestFingerprint(request, scope.userId),
    };
    const record = await this.repository.claim(scope, claim.method, claim.path, claim.requestHash);
    if (record.requestHash !== claim.requestHash)
      throw new ApiProblem(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      );
    if (record.response) {
      response.status(record.response.status);
      response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(record.response.body);
    }
    const shownOnce = this.reflector.get<string[] | undefined>(SHOWN_ONCE_FIELDS, context.getHandler()) ?? [];
    return next.handle().pipe(
      mergeMap((body) =>
        from(this.store(scope, claim, response.statusCode, withoutFields(body, shownOnce)).then(() => body)),
      ),
      catchError((error: unknown) =>
        from(
          (record.claimed ? this.repository.release(scope, claim.requestHash) : Promise.resolve()).then(
            () => Promise.reject(error),
            () => Promise.reject(error),
          ),
        ),
      ),
    );
  }

  /** The command already took effect: failing to remember its response must not turn it into an error. */
  private async store(
    scope: { userId: string; key: string },
    claim: { method: string; path: string; requestHash: string },
    status: number,
    body: unknown,
  ): Promise<void> {
    try {
      await this.repository.complete(scope, claim, status, body);
    } catch (error) {
      this.logger.warn(
        { err: error },
        'could not store an idempotent response; a repeat will be replayed from the event store',
      );
    }
  }
}

/** The body as kept: each shown-once field null. */
function withoutFields(body: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0 || typeof body !== 'object' || body === null) return body;
  return { ...body, ...Object.fromEntries(fields.map((field) => [field, null])) };
}
