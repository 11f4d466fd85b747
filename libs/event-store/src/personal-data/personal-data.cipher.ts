import { createCipheriv, createDecipheriv } from 'node:crypto';
import { RandomBytesPool } from './random-bytes.pool';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const random = new RandomBytesPool();

/** How `data.personal` is stored: only the case's data key (while it exists) can open it. */
export interface EncryptedPersonalData {
  readonly enc: typeof ALGORITHM;
  readonly keyId: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

export function isEncryptedPersonalData(value: unknown): value is EncryptedPersonalData {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EncryptedPersonalData>;
  return (
    candidate.enc === ALGORITHM &&
    typeof candidate.keyId === 'string' &&
    typeof candidate.ciphertext === 'string'
  );
}

export function newDataKey(): Buffer {
  return random.take(KEY_BYTES);
}

/** The key id is authenticated data: a ciphertext moved under another key's id fails to open. */
export function encryptPersonalData(personal: unknown, key: Buffer, keyId: string): EncryptedPersonalData {
  const { iv, tag, ciphertext } = seal(Buffer.from(JSON.stringify(personal), 'utf8'), key, keyId);
  return {
    enc: ALGORITHM,
    keyId,
    iv: iv.toString('base64'),
    tag: tag.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export function decryptPersonalData(envelope: EncryptedPersonalData, key: Buffer): unknown {
  const plaintext = open(
    Buffer.from(envelope.iv, 'base64'),
    Buffer.from(envelope.tag, 'base64'),
    Buffer.from(envelope.ciphertext, 'base64'),
    key,
    envelope.keyId,
  );
  return JSON.parse(plaintext.toString('utf8')) as unknown;
}

/** Wraps a data key with the master key (AES-256-GCM); stored as iv | tag | ciphertext. */
export function wrapDataKey(dataKey: Buffer, masterKey: Buffer, keyId: string): Buffer {
  const { iv, tag, ciphertext } = seal(dataKey, masterKey, wrapContext(keyId));
  return Buffer.concat([iv, tag, ciphertext]);
}

export function unwrapDataKey(wrapped: Buffer, masterKey: Buffer, keyId: string): Buffer {
  return open(
    wrapped.subarray(0, IV_BYTES),
    wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    wrapped.subarray(IV_BYTES + TAG_BYTES),
    masterKey,
    wrapContext(keyId),
  );
}

/** Binds a wrapped key to its id, so rows cannot be swapped between cases. */
function wrapContext(keyId: string): string {
  return `ehcp.personal-data-key.${keyId}`;
}

function seal(plaintext: Buffer, key: Buffer, additionalData: string) {
  const iv = random.take(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(additionalData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function open(iv: Buffer, tag: Buffer, ciphertext: Buffer, key: Buffer, additionalData: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv);
  decipher.setAAD(Buffer.from(additionalData, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
