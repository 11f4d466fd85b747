import { createHash } from 'node:crypto';
import type { Request } from 'express';

const FINGERPRINT = Symbol('ehcp:request-fingerprint');

/** JSON with object keys sorted: the same body always hashes the same, however its keys were ordered. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Path without the query string. */
export function pathOf(request: Request): string {
  return (request.originalUrl ?? request.url).split('?')[0];
}

/**
 * SHA-256 of who asked for what: user, method, path and body. Two requests with one Idempotency-Key
 * are "the same request" exactly when their fingerprints match.
 */
export function requestFingerprint(request: Request, userId: string): string {
  const cached = (request as unknown as Record<symbol, string | undefined>)[FINGERPRINT];
  if (cached) return cached;
  const fingerprint = createHash('sha256')
    .update(`${userId}\n${request.method}\n${pathOf(request)}\n${canonicalJson(request.body ?? {})}`, 'utf8')
    .digest('hex');
  (request as unknown as Record<symbol, string>)[FINGERPRINT] = fingerprint;
  return fingerprint;
}
