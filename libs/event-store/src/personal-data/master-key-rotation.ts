import type { PersonalDataKeyRepository } from './personal-data-key.repository';

export interface MasterKeyRotationOptions {
  /** Keys re-wrapped per transaction (default 100): short transactions, short row locks. */
  readonly batchSize?: number;
  /** Stop after this many batches (default: none); a later run carries on where this one stopped. */
  readonly maxBatches?: number;
  /** Called after each committed batch. */
  readonly onProgress?: (progress: MasterKeyRotationProgress) => void;
}

export interface MasterKeyRotationProgress {
  readonly rewrapped: number;
  readonly total: number;
}

export interface MasterKeyRotationSummary {
  /** Fingerprint of DATA_MASTER_KEY, now recorded beside every key this run re-wrapped. */
  readonly masterKeyId: string;
  readonly rewrapped: number;
  readonly batches: number;
  /** Keys still not wrapped by DATA_MASTER_KEY: stopped early, or rows locked by another transaction. */
  readonly remaining: number;
}

const DEFAULT_BATCH_SIZE = 100;

/**
 * Re-wraps every per-case key still wrapped by DATA_MASTER_KEY_PREVIOUS (or unrecorded) with
 * DATA_MASTER_KEY, one committed batch at a time: safe while the apps run (they open either key), and
 * resumable after a kill because finished rows carry the new key's id and are never selected again.
 * The data keys themselves do not change, so no event is re-encrypted, and an erased key stays erased.
 */
export async function rotateMasterKey(
  keys: PersonalDataKeyRepository,
  options: MasterKeyRotationOptions = {},
): Promise<MasterKeyRotationSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const total = await keys.countNotWrappedByCurrentKey();
  let rewrapped = 0;
  let batches = 0;
  let after = '';
  while (options.maxBatches === undefined || batches < options.maxBatches) {
    const batch = await keys.rewrapBatch(batchSize, after);
    if (batch.lastStreamId === undefined) break;
    batches += 1;
    rewrapped += batch.rewrapped;
    after = batch.lastStreamId;
    options.onProgress?.({ rewrapped, total });
  }
  return {
    masterKeyId: keys.currentMasterKeyId,
    rewrapped,
    batches,
    remaining: await keys.countNotWrappedByCurrentKey(),
  };
}
