import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { uuidV5 } from '@ehcp/config';
import type { CommandRequestContext } from '../http/command-context.decorator';

/** Fixed namespace of the api's derived ids (UUID v5); it must never change. */
const NAMESPACE = '0c9e4f6a-b3d1-4a0e-8f2b-7d5c1e3a9b64';

/** The api's UUID v5 of the given parts (joined by line feeds). */
export function derivedId(...parts: string[]): string {
  return uuidV5(NAMESPACE, parts.join('\n'));
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
    return derivedId(context.user.id, context.idempotencyKey, field);
  }
}
