import { createHmac } from 'node:crypto';
import { unwrapDataKey, wrapDataKey } from './personal-data.cipher';

const MASTER_KEY_BYTES = 32;

/** A master key and its public id: a fingerprint that names the key without revealing it. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/** A per-case key row as stored: `masterKeyId` null for rows wrapped before ids were recorded. */
export interface WrappedDataKey {
  readonly keyId: string;
  readonly wrappedKey: Buffer;
  readonly masterKeyId: string | null;
}

/** A wrapped key that no configured master key opens: a configuration error, never a data error. */
export class UnknownMasterKey extends Error {
  constructor(keyId: string, masterKeyId: string | null) {
    super(
      `personal data key ${keyId} is wrapped by master key ${masterKeyId ?? '(unrecorded)'}, ` +
        'which is neither DATA_MASTER_KEY nor DATA_MASTER_KEY_PREVIOUS',
    );
    this.name = 'UnknownMasterKey';
  }
}

/** An HMAC of a constant under the key: stable, short, and useless for recovering the key. */
export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('ehcp.master-key-id').digest('hex').slice(0, 16);
}

function masterKeyFrom(base64: string, variable: string): MasterKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== MASTER_KEY_BYTES) throw new RangeError(`${variable} must be 32 bytes, base64-encoded`);
  return { id: masterKeyId(key), key };
}

/**
 * DATA_MASTER_KEY wraps every new per-case key; during a rotation DATA_MASTER_KEY_PREVIOUS still opens
 * the keys it wrapped, so reads never stop while `npm run keys:rotate` re-wraps them.
 */
export class MasterKeyRing {
  private constructor(
    readonly current: MasterKey,
    private readonly previous: MasterKey | undefined,
  ) {}

  /** Both base64 of 32 bytes, as validated by @ehcp/config. */
  static fromBase64(current: string, previous?: string): MasterKeyRing {
    return new MasterKeyRing(
      masterKeyFrom(current, 'DATA_MASTER_KEY'),
      previous === undefined ? undefined : masterKeyFrom(previous, 'DATA_MASTER_KEY_PREVIOUS'),
    );
  }

  wrap(dataKey: Buffer, keyId: string): Buffer {
    return wrapDataKey(dataKey, this.current.key, keyId);
  }

  unwrap(row: WrappedDataKey): Buffer {
    for (const candidate of this.candidatesFor(row.masterKeyId)) {
      try {
        return unwrapDataKey(row.wrappedKey, candidate.key, row.keyId);
      } catch {
        // GCM refuses a wrong key: try the next configured one.
      }
    }
    throw new UnknownMasterKey(row.keyId, row.masterKeyId);
  }

  /** A recorded id names its key; an unrecorded one (rows older than rotation) may be either. */
  private candidatesFor(masterKeyId: string | null): MasterKey[] {
    const configured = this.previous ? [this.current, this.previous] : [this.current];
    return masterKeyId === null ? configured : configured.filter((key) => key.id === masterKeyId);
  }
}
