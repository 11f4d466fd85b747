import { holdAfterMs, rateLimitStateOf, retryAfterMs } from './rate-limit.headers';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the api rate limit headers', () => {
  it('reads the X-RateLimit-* headers the api sends, and the RateLimit-* ones of the IETF draft', () => {
    expect(rateLimitStateOf(headers({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '41' }))).toEqual({
      remaining: 3,
      resetSeconds: 41,
    });
    expect(rateLimitStateOf(headers({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '7' }))).toEqual({
      remaining: 0,
      resetSeconds: 7,
    });
    expect(rateLimitStateOf(headers({ 'X-RateLimit-Remaining': '3' }))).toBeUndefined();
    expect(
      rateLimitStateOf(headers({ 'X-RateLimit-Remaining': 'many', 'X-RateLimit-Reset': '4' })),
    ).toBeUndefined();
  });

  it('holds back until the reset once fewer calls are left than requests on their way', () => {
    const answer = headers({ 'X-RateLimit-Remaining': '2', 'X-RateLimit-Reset': '30' });
    expect(holdAfterMs(answer, 2)).toBe(0);
    expect(holdAfterMs(answer, 3)).toBe(30_000);
    expect(holdAfterMs(headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '5' }), 1)).toBe(5_000);
    expect(holdAfterMs(headers({}), 16)).toBe(0);
  });

  it('waits a 429 out for its Retry-After in seconds or as a date, else until the reset; never past two minutes', () => {
    expect(retryAfterMs(headers({ 'Retry-After': '12' }))).toBe(12_000);
    expect(
      retryAfterMs(
        headers({ 'Retry-After': 'Wed, 21 Oct 2026 07:28:10 GMT' }),
        Date.parse('2026-10-21T07:28:00Z'),
      ),
    ).toBe(10_000);
    expect(retryAfterMs(headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '9' }))).toBe(9_000);
    expect(retryAfterMs(headers({ 'Retry-After': '86400' }))).toBe(120_000);
    expect(retryAfterMs(headers({}))).toBeUndefined();
  });
});
