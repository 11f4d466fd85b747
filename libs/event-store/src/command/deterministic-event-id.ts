import { randomUUID } from 'node:crypto';
import { uuidV5 } from '@ehcp/config';

/** This library's UUID v5 namespace (any fixed UUID would do; it must never change). */
const NAMESPACE = '6f1c3e52-a0b9-4d7e-9b5e-2c8f41d7a3b6';

/**
 * UUID v5 (RFC 9562) of stream, idempotency key and index: a retried command produces the same event
 * ids, so the store and the runner recognise it. Without a key every event gets a random id.
 */
export function eventIdFor(streamName: string, idempotencyKey: string | undefined, index: number): string {
  if (idempotencyKey === undefined) return randomUUID();
  return uuidV5(NAMESPACE, `${streamName}\n${idempotencyKey}\n${index}`);
}
