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
    const cache = new StreamStateCache({ streams: 10 });
    const kept = entry(3n);
    cache.remember('s', kept);
    expect(cache.get('s', { ...fold })).toBe(kept);
    expect(cache.get('s', { ...fold, evolve: () => undefined })).toBeUndefined();
    expect(cache.get('other', fold)).toBeUndefined();
  });

  it('keeps the later revision when two outcomes arrive out of order', () => {
    const cache = new StreamStateCache({ streams: 10 });
    const later = entry(5n);
    cache.remember('s', later);
    cache.remember('s', entry(4n));
    expect(cache.get('s', fold)).toBe(later);
  });

  it('forgets an entry found stale, but not a newer one cached meanwhile', () => {
    const cache = new StreamStateCache({ streams: 10 });
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
    const cache = new StreamStateCache({ streams: 2 });
    cache.remember('a', entry(0n));
    cache.remember('b', entry(0n));
    cache.get('a', fold);
    cache.remember('c', entry(0n));
    expect(cache.get('b', fold)).toBeUndefined();
    expect(cache.get('a', fold)).toBeDefined();
    expect(cache.get('c', fold)).toBeDefined();
  });

  it('evicts the least recently used streams while the events their states fold exceed the bound', () => {
    const cache = new StreamStateCache({ streams: 10, events: 10 });
    cache.remember('a', entry(3n)); // 4 events
    cache.remember('b', entry(3n));
    cache.remember('a', entry(4n)); // a replaces its own 4 with 5: 9 in all
    expect(cache.get('b', fold)).toBeDefined();
    cache.remember('c', entry(1n)); // 11: the least recently used (a) goes
    expect(cache.get('a', fold)).toBeUndefined();
    expect(cache.get('b', fold)).toBeDefined();
    expect(cache.get('c', fold)).toBeDefined();
    cache.remember('long', entry(10n)); // 11 events alone: never kept, and nothing evicted for it
    expect(cache.get('long', fold)).toBeUndefined();
    expect(cache.get('b', fold)).toBeDefined();
  });

  it('keeps nothing with a bound of 0, nor a stream that does not exist', () => {
    const none = new StreamStateCache({ streams: 0 });
    none.remember('s', entry(0n));
    expect(none.get('s', fold)).toBeUndefined();
    const cache = new StreamStateCache({ streams: 10 });
    cache.remember('s', entry(-1n));
    expect(cache.get('s', fold)).toBeUndefined();
  });
});
