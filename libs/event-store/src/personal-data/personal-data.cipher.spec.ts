import { randomUUID } from 'node:crypto';
import {
  decryptPersonalData,
  encryptPersonalData,
  isEncryptedPersonalData,
  newDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './personal-data.cipher';

const child = { firstName: 'Zebedee', lastName: 'Quillfeather', dateOfBirth: '2015-03-09' };

describe('personal data cipher', () => {
  it('encrypts to an envelope without the plaintext and decrypts it back', () => {
    const key = newDataKey();
    const envelope = encryptPersonalData(child, key, 'key-1');
    expect(isEncryptedPersonalData(envelope)).toBe(true);
    expect(envelope).toMatchObject({ enc: 'aes-256-gcm', keyId: 'key-1' });
    for (const value of Object.values(child)) expect(JSON.stringify(envelope)).not.toContain(value);
    expect(decryptPersonalData(envelope, key)).toEqual(child);
  });

  it('uses a fresh IV each time', () => {
    const key = newDataKey();
    expect(encryptPersonalData(child, key, 'k').ciphertext).not.toBe(
      encryptPersonalData(child, key, 'k').ciphertext,
    );
  });

  it('refuses another key, another key id, or a tampered ciphertext', () => {
    const key = newDataKey();
    const envelope = encryptPersonalData(child, key, 'key-1');
    expect(() => decryptPersonalData(envelope, newDataKey())).toThrow();
    expect(() => decryptPersonalData({ ...envelope, keyId: 'key-2' }, key)).toThrow();
    const tampered = Buffer.from(envelope.ciphertext, 'base64');
    tampered[0] ^= 1;
    expect(() =>
      decryptPersonalData({ ...envelope, ciphertext: tampered.toString('base64') }, key),
    ).toThrow();
  });

  it('wraps a data key under the master key, bound to its key id', () => {
    const master = newDataKey();
    const dataKey = newDataKey();
    const keyId = randomUUID();
    const wrapped = wrapDataKey(dataKey, master, keyId);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDataKey(wrapped, master, keyId).equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(wrapped, master, randomUUID())).toThrow();
    expect(() => unwrapDataKey(wrapped, newDataKey(), keyId)).toThrow();
  });

  it('recognises only its own envelopes', () => {
    expect(isEncryptedPersonalData(child)).toBe(false);
    expect(isEncryptedPersonalData(null)).toBe(false);
    expect(isEncryptedPersonalData({ enc: 'aes-256-gcm' })).toBe(false);
  });
});
