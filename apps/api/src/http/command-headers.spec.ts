import type { Request } from 'express';
import { expectedRevisionOf, idempotencyKeyOf } from './command-headers';
import { canonicalJson, requestFingerprint } from './request-fingerprint';

const requestWith = (headers: Record<string, string>, body: unknown = {}): Request =>
  ({ headers, body, method: 'POST', originalUrl: '/cases/1/draft-plan?x=1', url: '' }) as unknown as Request;

describe('command headers', () => {
  it.each([
    [undefined, undefined],
    ['*', 'stream_exists'],
    [' * ', 'stream_exists'],
    ['"0"', 0n],
    [' "42" ', 42n],
  ])('If-Match %s -> %s', (value, expected) => {
    expect(expectedRevisionOf(requestWith(value === undefined ? {} : { 'if-match': value }))).toBe(expected);
  });

  it.each(['3', 'W/"3"', '"3", "4"', '"-1"', '""', '"1e3"'])('If-Match %s is refused', (value) => {
    expect(() => expectedRevisionOf(requestWith({ 'if-match': value }))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'If-Match' })],
      }),
    );
  });

  it('Idempotency-Key: 1-200 visible ASCII characters', () => {
    expect(idempotencyKeyOf(requestWith({}))).toBeUndefined();
    expect(idempotencyKeyOf(requestWith({ 'idempotency-key': 'k'.repeat(200) }))).toHaveLength(200);
    for (const bad of ['', '   ', 'k'.repeat(201), 'clé'])
      expect(() => idempotencyKeyOf(requestWith({ 'idempotency-key': bad }))).toThrow();
  });
});

describe('request fingerprint', () => {
  it('ignores key order and the query string, but not the user, path or values', () => {
    const a = requestFingerprint(requestWith({}, { b: 1, a: { y: [1, 2], x: null } }), 'u1');
    expect(requestFingerprint(requestWith({}, { a: { x: null, y: [1, 2] }, b: 1 }), 'u1')).toBe(a);
    expect(requestFingerprint(requestWith({}, { a: { x: null, y: [2, 1] }, b: 1 }), 'u1')).not.toBe(a);
    expect(requestFingerprint(requestWith({}, { b: 1, a: { y: [1, 2], x: null } }), 'u2')).not.toBe(a);
  });

  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: [{ d: 1, c: undefined, a: 2 }], a: 'x' })).toBe(
      '{"a":"x","b":[{"a":2,"d":1}]}',
    );
  });
});
