import { StreamStateCache, type FoldIdentity } from './stream-state.cache';

const evolve = () => undefined;
const fold: FoldIdentity = { evolve, initialState: {}, decode: undefined };
const entry = (revision: bigint, foldedBy = fold) => ({
  state: { revision },
  revision,
  position: `p${revision}`,
  foldedBy,
});

describe('StreamStateCache', () => {
  it('returns what it was given, only to the same fold', () => {
    const cache = new StreamStateCache(10);
    const kept = entry(3n);
    cache.remember('s', kept);
    expect(cache.get('s', { ...fold })).toBe(kept);
    expect(cache.get('s', { ...fold, evolve: () => undefined })).toBeUndefined();
    expect(cache.get('other', fold)).toBeUndefined();
  });

  it('keeps the later revision when two outcomes arrive out of order', () => {
    const cache = new StreamStateCache(10);
    const later = entry(5n);
    cache.remember('s', later);
    cache.remember('s', entry(4n));
    expect(cache.get('s', fold)).toBe(later);
  });

  it('forgets an entry found stale, but not a newer one cached meanwhile', () => {
    const cache = new StreamStateCache(10);
    const stale = entry(1n);
    cache.remember('s', stale);
    const newer = entry(2n);
    cache.remember('s', newer);
    cache.forget('s', stale);
    expect(cache.get('s', fold)).toBe(newer);
    cache.forget('s', newer);
    expect(cache.get('s', fold)).toBeUndefined();
  });

  it('evicts the least recently used stream beyond its bound', () => {
    const cache = new StreamStateCache(2);
    cache.remember('a', entry(0n));
    cache.remember('b', entry(0n));
    cache.get('a', fold);
    cache.remember('c', entry(0n));
    expect(cache.get('b', fold)).toBeUndefined();
    expect(cache.get('a', fold)).toBeDefined();
    expect(cache.get('c', fold)).toBeDefined();
  });

  it('keeps nothing with a bound of 0, nor a stream that does not exist', () => {
    const none = new StreamStateCache(0);
    none.remember('s', entry(0n));
    expect(none.get('s', fold)).toBeUndefined();
    const cache = new StreamStateCache(10);
    cache.remember('s', entry(-1n));
    expect(cache.get('s', fold)).toBeUndefined();
  });
});
