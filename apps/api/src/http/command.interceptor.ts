import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { setRevisionEtag } from './etag.header';

/**
 * A command route's one interceptor: Idempotency-Key inside (claim, replay, store), then the ETag of
 * the body it answers with, replayed or not. One, not two: Nest wraps each interceptor of a route in
 * an AsyncResource and observables of its own, work every request pays for (issue 18's profiles).
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyInterceptor) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const response = context.switchToHttp().getResponse<Response>();
    const handled = await this.idempotency.intercept(context, next);
    return handled.pipe(
      map((body: unknown) => {
        setRevisionEtag(response, body);
        return body;
      }),
    );
  }
}
