// One copy of the strings a manifest tree repeats in every document: keys (`apiVersion`,
// `metadata`, `pathType`), short values (`Ingress`, `Prefix`, `nginx`) and field paths
// (`spec.rules[0].http.paths[0].backend`). A tree of 10,000 Ingresses otherwise holds a fresh
// copy of each per node, and every copy is kept, copied by the garbage collector and marked.
// The tables are bounded: past their size they start again (a copy then stays a copy). No I/O.

/** How many entries a table holds before it starts again. */
export const LIMIT = 1 << 16;

let strings = new Map<string, string>();

/** The one copy of s (s itself the first time). */
export function intern(s: string): string {
  const hit = strings.get(s);
  if (hit !== undefined) return hit;
  if (strings.size >= LIMIT) strings = new Map();
  strings.set(s, s);
  return s;
}

/** Scalars up to this length (keys, kinds, enum values) share one copy; longer ones are mostly unique. */
export const SHORT = 24;

/** intern() for the text of a scalar: only short ones, which repeat. */
export function internScalar(s: string): string {
  return s.length <= SHORT ? intern(s) : s;
}

let children = new Map<string, Map<string, string>>();
let childCount = 0;

/** `parent.key` (or `key` at the root), one copy per path: found without building the string again. */
export function internChildPath(parent: string, key: string): string {
  let byKey = children.get(parent);
  if (!byKey) {
    if (childCount >= LIMIT) { children = new Map(); childCount = 0; }
    children.set(parent, (byKey = new Map()));
  }
  let path = byKey.get(key);
  if (path === undefined) {
    byKey.set(key, (path = parent === '' ? key : `${parent}.${key}`));
    childCount++;
  }
  return path;
}

let items = new Map<string, string[]>();

/** `parent[index]`, one copy per path. */
export function internIndexPath(parent: string, index: number): string {
  let byIndex = items.get(parent);
  if (!byIndex) {
    if (items.size >= LIMIT) items = new Map();
    items.set(parent, (byIndex = []));
  }
  return (byIndex[index] ??= `${parent}[${index}]`);
}
