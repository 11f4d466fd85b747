import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { heldClaimOf } from '../idempotency/held-claim';
import { IDEMPOTENT_REPLAYED_HEADER, IdempotentReplay } from '../idempotency/idempotent-replay';
import { ProblemDetailsFilter } from '../problem-details/problem-details.filter';
import { setRevisionEtag } from './etag.header';

/**
 * A command route's exception path. A repeat of a request that succeeded is answered with the stored
 * status and body (Idempotent-Replayed, and the ETag that body implies). Any other failure, in the
 * guards, the validation or the handler, first frees the Idempotency-Key the request claimed, so that
 * the client may correct the request and retry under the same key, and then becomes a problem document.
 */
@Catch()
export class CommandExceptionFilter extends ProblemDetailsFilter {
  override async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    if (error instanceof IdempotentReplay) return replay(http.getResponse<Response>(), error);
    // A key left claimed only refuses a corrected retry (409); the client must still hear the failure.
    await heldClaimOf(http.getRequest<Request>())
      ?.release()
      .catch(() => undefined);
    super.catch(error, host);
  }
}

function replay(response: Response, { status, body }: IdempotentReplay): void {
  response.status(status);
  response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  setRevisionEtag(response, body);
  response.json(body);
}
