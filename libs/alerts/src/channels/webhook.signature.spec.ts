import { createHmac } from 'node:crypto';
import { isValidWebhookSignature, signWebhookBody } from './webhook.signature';

describe('webhook signature', () => {
  const secret = 'a-shared-secret-of-the-council';
  const body = Buffer.from('{"id":"n-1","kind":"overdue"}');

  it('is the hex HMAC-SHA256 of the raw body, prefixed sha256=', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(signWebhookBody(body, secret)).toBe(`sha256=${hex}`);
  });

  it('verifies only the exact bytes with the right secret', () => {
    const signature = signWebhookBody(body, secret);
    expect(isValidWebhookSignature(body, signature, secret)).toBe(true);
    expect(isValidWebhookSignature(Buffer.from('{"id":"n-1", "kind":"overdue"}'), signature, secret)).toBe(
      false,
    );
    expect(isValidWebhookSignature(body, signature, 'another-secret-entirely')).toBe(false);
    expect(isValidWebhookSignature(body, undefined, secret)).toBe(false);
    expect(isValidWebhookSignature(body, 'sha256=00', secret)).toBe(false);
  });
});
