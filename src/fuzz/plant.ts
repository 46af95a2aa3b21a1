import fc from 'fast-check';
import { keyArb, own, type Make } from './hostile';

/**
 * Valid inputs with hostile values planted in them: a scenario whose third
 * step's `ask` is a proxy, whose `__proto__` is a list, whose title is
 * 4 MB. Planting copies only the objects along the path, so the base is
 * never changed and a plant costs little.
 */

type Path = readonly string[];

function isContainer(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The paths of every plain object and array in `v` (own data properties only), the root first. */
function containers(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (!isContainer(v) || out.length > 500 || path.length > 8) return out;
  out.push(path);
  for (const key of keysOf(v)) {
    const d = descriptor(v, key);
    if (d && 'value' in d) containers(d.value, [...path, key], out);
  }
  return out;
}

/** Own keys, or none for a value that throws when asked (a planted proxy). */
function keysOf(v: unknown): string[] {
  try {
    return isContainer(v) ? Object.keys(v) : [];
  } catch {
    return [];
  }
}

function descriptor(v: object, key: string): PropertyDescriptor | undefined {
  try {
    return Object.getOwnPropertyDescriptor(v, key);
  } catch {
    return undefined;
  }
}

function get(v: unknown, key: string): unknown {
  if (!isContainer(v)) return undefined;
  const d = descriptor(v, key);
  return d && 'value' in d ? d.value : undefined;
}

/** A copy of `base` with `value` at `path`, set as an own property (even `__proto__`). */
function plant(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key = '', ...rest] = path;
  // Copied key by key: a list of a billion holes stays a list of a billion holes, made at once.
  const copy = (Array.isArray(base) ? new Array<unknown>(base.length) : {}) as Record<string, unknown>;
  try {
    for (const k of keysOf(base)) own(copy, k, get(base, k));
    return own(copy, key, plant(get(base, key), rest, value));
  } catch {
    return copy; // a key an array refuses (its `length` set to a symbol): left as it was
  }
}

interface Seed {
  readonly pick: number;
  readonly existing: boolean;
  readonly key: string;
  readonly value: Make;
}

/** A base from `bases` with one to three values from `values` planted at existing or new keys (made when called). */
export function plantedArb(bases: readonly unknown[], values: fc.Arbitrary<Make>): fc.Arbitrary<Make> {
  const seed: fc.Arbitrary<Seed> = fc.record({
    pick: fc.nat(),
    existing: fc.boolean(),
    key: keyArb,
    value: values,
  });
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(seed, { minLength: 1, maxLength: 3 }))
    .map(([base, seeds]) => () => {
      let v = base;
      for (const s of seeds) {
        const all = containers(v);
        const at = all[s.pick % all.length] ?? [];
        const container = at.reduce<unknown>((o, k) => get(o, k), v);
        const keys = keysOf(container);
        const key = s.existing && keys.length > 0 ? (keys[s.pick % keys.length] ?? s.key) : s.key;
        v = plant(v, [...at, key], s.value());
      }
      return v;
    });
}
