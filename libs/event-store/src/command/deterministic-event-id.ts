import { createHash, randomUUID } from 'node:crypto';

/** This library's UUID v5 namespace (any fixed UUID would do; it must never change). */
const NAMESPACE = Buffer.from('6f1c3e52a0b94d7e9b5e2c8f41d7a3b6', 'hex');

/**
 * UUID v5 (RFC 9562) of stream, idempotency key and index: a retried command produces the same event
 * ids, so the store and the runner recognise it. Without a key every event gets a random id.
 */
export function eventIdFor(streamName: string, idempotencyKey: string | undefined, index: number): string {
  if (idempotencyKey === undefined) return randomUUID();
  const hash = createHash('sha1')
    .update(NAMESPACE)
    .update(`${streamName}\n${idempotencyKey}\n${index}`, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
