/**
 * A pure function of one key remembered for up to `kept` keys, then forgotten all at once: for the
 * values a rebuild works out again on every event (the same date strings, the same deadline ids), one
 * shared value is less garbage than a new one each time. Same results as `work`, only cheaper.
 */
export function boundedMemo<Key, Value>(kept: number, work: (key: Key) => Value): (key: Key) => Value {
  const known = new Map<Key, Value>();
  return (key) => {
    const remembered = known.get(key);
    if (remembered !== undefined || known.has(key)) return remembered as Value;
    const value = work(key);
    if (known.size >= kept) known.clear();
    known.set(key, value);
    return value;
  };
}
