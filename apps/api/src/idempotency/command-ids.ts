import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CommandRequestContext } from '../http/command-context.decorator';

/** Fixed namespace of the api's derived ids (UUID v5); it must never change. */
const NAMESPACE = Buffer.from('0c9e4f6ab3d14a0e8f2b7d5c1e3a9b64', 'hex');

/** RFC 9562 UUID v5 of the given parts. */
export function uuidV5(...parts: string[]): string {
  const bytes = createHash('sha1')
    .update(NAMESPACE)
    .update(parts.join('\n'), 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Ids the client left out (caseId, adviceId, ...). Random, except under an Idempotency-Key: then
 * derived from user, key and field, so a retried request names the same case and sub-resources.
 */
@Injectable()
export class CommandIds {
  idFor(context: CommandRequestContext, field: string, given?: string | null): string {
    if (given) return given;
    if (context.idempotencyKey === undefined) return randomUUID();
    return uuidV5(context.user.id, context.idempotencyKey, field);
  }
}
