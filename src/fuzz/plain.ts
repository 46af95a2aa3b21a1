/**
 * Checks that a value is plain data, as JSON.parse would give it: strings,
 * finite numbers, booleans, null, arrays and objects with the usual
 * prototypes, data properties only. A parser's checked copy must be such
 * data, whatever it was given (no getter, proxy or prototype of the
 * caller's survives into it). Answers the first thing that is not.
 */
export function notPlain(v: unknown, maxString: number, path = '', seen = new Set<object>()): string | null {
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : `${path}: ${v}`;
  if (typeof v === 'string') return v.length <= maxString ? null : `${path}: a string of ${v.length}`;
  if (typeof v !== 'object') return `${path}: a ${typeof v}`;
  if (seen.has(v)) return `${path}: shared or cyclic`;
  seen.add(v);
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== (Array.isArray(v) ? Array.prototype : Object.prototype))
    return `${path}: an unusual prototype`;
  for (const key of Reflect.ownKeys(v)) {
    if (typeof key === 'symbol') return `${path}: a symbol key`;
    if (Array.isArray(v) && key === 'length') continue;
    const d = Object.getOwnPropertyDescriptor(v, key);
    if (!d || !('value' in d)) return `${path}.${key}: an accessor`;
    const bad = notPlain(d.value, maxString, `${path}.${key}`, seen);
    if (bad) return bad;
  }
  return null;
}
