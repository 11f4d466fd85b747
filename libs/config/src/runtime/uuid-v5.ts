import { createHash } from 'node:crypto';

/**
 * RFC 9562 UUID v5: the SHA-1 name-based UUID of `name` (UTF-8) in `namespace` (a UUID). Derived ids
 * make a retried request produce the ids it produced the first time.
 */
export function uuidV5(namespace: string, name: string): string {
  const space = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  // Buffer.from stops at the first character that is not hex: a typo would silently change every id.
  if (space.length !== 16) throw new Error(`UUID v5 namespace is not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(space).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
