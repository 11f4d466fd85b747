import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/** `ETag: "<revision>"` on every response whose body carries the case's revision (API.md). */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const revision = (body as { revision?: unknown } | null)?.revision;
        if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 0)
          response.setHeader('ETag', etagOf(revision));
        return body;
      }),
    );
  }
}
