// One result per input object, kept as long as the input lives (the objects array of one
// analysis run, one route table), so the four conflict rules share one table and analysis.
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const v = compute(key);
    cache.set(key, v);
    return v;
  };
}
