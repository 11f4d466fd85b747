import { randomBytes, randomUUID } from 'node:crypto';
import { MasterKeyRing, masterKeyId, UnknownMasterKey } from './master-key-ring';
import { newDataKey, wrapDataKey } from './personal-data.cipher';

const base64 = () => randomBytes(32).toString('base64');

describe('master key ring (DATA_MASTER_KEY and, during a rotation, DATA_MASTER_KEY_PREVIOUS)', () => {
  const [current, previous] = [base64(), base64()];
  const dataKey = newDataKey();
  const keyId = randomUUID();
  const wrappedBy = (master: string) => wrapDataKey(dataKey, Buffer.from(master, 'base64'), keyId);
  const idOf = (master: string) => masterKeyId(Buffer.from(master, 'base64'));

  it('names a key by a stable fingerprint that does not contain it', () => {
    expect(idOf(current)).toBe(idOf(current));
    expect(idOf(current)).not.toBe(idOf(previous));
    expect(Buffer.from(current, 'base64').toString('hex')).not.toContain(idOf(current));
  });

  it('wraps with the current key and opens keys wrapped by either configured key', () => {
    const ring = MasterKeyRing.fromBase64(current, previous);
    expect(ring.current.id).toBe(idOf(current));
    const fresh = { keyId, wrappedKey: ring.wrap(dataKey, keyId), masterKeyId: idOf(current) };
    expect(ring.unwrap(fresh).equals(dataKey)).toBe(true);
    const old = { keyId, wrappedKey: wrappedBy(previous), masterKeyId: idOf(previous) };
    expect(ring.unwrap(old).equals(dataKey)).toBe(true);
    // Rows from before key ids were recorded: whichever configured key opens them.
    expect(ring.unwrap({ ...old, masterKeyId: null }).equals(dataKey)).toBe(true);
  });

  it('refuses, naming the key id, a row no configured key wraps', () => {
    const ring = MasterKeyRing.fromBase64(current);
    const old = { keyId, wrappedKey: wrappedBy(previous), masterKeyId: idOf(previous) };
    expect(() => ring.unwrap(old)).toThrow(UnknownMasterKey);
    expect(() => ring.unwrap({ ...old, masterKeyId: null })).toThrow(keyId);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => MasterKeyRing.fromBase64(current, 'c2hvcnQ=')).toThrow('DATA_MASTER_KEY_PREVIOUS');
  });
});
