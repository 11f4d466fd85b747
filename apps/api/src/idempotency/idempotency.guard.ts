import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from '@ehcp/auth';
import { idempotencyKeyOf } from '../http/command-headers';
import { pathOf, requestFingerprint } from '../http/request-fingerprint';
import { ApiProblem } from '../problem-details/api-problem';
import { holdClaim } from './held-claim';
import { IdempotentReplay } from './idempotent-replay';
import { IdempotencyRepository, type IdempotencyScope } from './idempotency.repository';

interface Claim {
  readonly method: string;
  readonly path: string;
  readonly requestHash: string;
}

/**
 * Idempotency-Key on commands (API.md). The key is claimed first (a row with a unique key), in a guard
 * so that it happens before the body is validated: a different request under the same key is refused
 * (409) even while the first is in flight, and even when its body is invalid. A repeat of a request
 * that succeeded gets the stored status and body (IdempotentReplay). A repeat that arrives while the
 * first is still running is executed too: the command's ids and event ids derive from the key, so the
 * event store recognises the second append as the same one, writes nothing, and both answer alike.
 * The command's answer stores its response (AnswersCommand); a failure frees the key
 * (CommandExceptionFilter). Requests without a key pass at once.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly repository: IdempotencyRepository) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const key = idempotencyKeyOf(request);
    if (key === undefined || !request.user) return true;
    return this.claim(request, { userId: request.user.id, key }).then(() => true);
  }

  private async claim(request: Request, scope: IdempotencyScope): Promise<void> {
    const claim: Claim = {
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
    if (record.response) throw new IdempotentReplay(record.response.status, record.response.body);
    holdClaim(request, {
      complete: (status, body) => this.store(scope, claim, status, body),
      release: () => (record.claimed ? this.repository.release(scope, claim.requestHash) : Promise.resolve()),
    });
  }

  /** The command already took effect: failing to remember its response must not turn it into an error. */
  private async store(scope: IdempotencyScope, claim: Claim, status: number, body: unknown): Promise<void> {
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
