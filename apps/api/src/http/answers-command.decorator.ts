import { Req } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { heldClaimOf } from '../idempotency/held-claim';
import { setRevisionEtag } from './etag.header';

type Handler = (...args: unknown[]) => unknown;

/**
 * A command's answer, where its handler returns it: the ETag of the revision it reports, and under an
 * Idempotency-Key the response a repeat will be given (each of `shownOnce`, a secret answered once, kept
 * as null), stored before it is sent. A wrapper of the route's method rather than an interceptor: Nest
 * gives every route with an interceptor rxjs and async-hooks plumbing per request, about a fifth of a
 * command's CPU (issue 18), key or not. The request reaches the wrapper as one more argument, after the
 * handler's own. Metadata set on the method before this decorator moves to the wrapper with it.
 */
export function AnswersCommand(shownOnce: readonly string[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handle = descriptor.value as unknown as Handler;
    const requestAt = nextArgumentIndex(target, key, handle);
    Req()(target, key, requestAt);
    const answer = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const body = await handle.apply(this, args);
      const request = args[requestAt] as Request;
      const response = request.res as Response;
      await heldClaimOf(request)?.complete(response.statusCode, withoutFields(body, shownOnce));
      setRevisionEtag(response, body);
      return body;
    };
    for (const name of Reflect.getOwnMetadataKeys(handle) as unknown[])
      Reflect.defineMetadata(name, Reflect.getOwnMetadata(name, handle), answer);
    (descriptor as PropertyDescriptor).value = answer;
  };
}

/** The index after every parameter the method declares or a decorator of it describes. */
function nextArgumentIndex(target: object, key: string | symbol, handle: Handler): number {
  const described = (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? {}) as Record<
    string,
    { index: number }
  >;
  return Math.max(handle.length, ...Object.values(described).map(({ index }) => index + 1));
}

/** The body as kept: each shown-once field null. */
function withoutFields(body: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0 || typeof body !== 'object' || body === null) return body;
  return { ...body, ...Object.fromEntries(fields.map((field) => [field, null])) };
}
