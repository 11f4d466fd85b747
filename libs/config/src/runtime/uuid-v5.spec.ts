import { uuidV5 } from './uuid-v5';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector (appendix A.4)', () => {
    expect(uuidV5(DNS_NAMESPACE, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is a version 5, RFC variant UUID, the same for the same name and namespace', () => {
    const id = uuidV5(DNS_NAMESPACE, 'a name');
    expect(id).toMatch(UUID_V5);
    expect(uuidV5(DNS_NAMESPACE, 'a name')).toBe(id);
  });

  it('differs by name and by namespace', () => {
    const other = '6f1c3e52-a0b9-4d7e-9b5e-2c8f41d7a3b6';
    const ids = [uuidV5(DNS_NAMESPACE, 'a'), uuidV5(DNS_NAMESPACE, 'b'), uuidV5(other, 'a')];
    expect(new Set(ids).size).toBe(3);
  });

  it('takes the namespace with or without hyphens, and refuses one that is not a UUID', () => {
    expect(uuidV5(DNS_NAMESPACE.replace(/-/g, ''), 'x')).toBe(uuidV5(DNS_NAMESPACE, 'x'));
    expect(() => uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430cx', 'x')).toThrow(/not a UUID/);
  });
});
