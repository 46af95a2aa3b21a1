import fc from 'fast-check';

/**
 * Hostile inputs for the fuzz tests: values no well-meaning caller sends.
 * Keys that name Object.prototype's machinery, huge strings, deep nesting,
 * getters that throw or answer differently on each read, proxies that
 * throw on every question, holes in lists of a billion items, symbols,
 * functions, bigints, class instances.
 */

export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
] as const;

/** A key: mostly short words, often a prototype key, sometimes a huge one. */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('k'.repeat(100_000), 'd'.repeat(65)) },
);

/** `fc.anything` with every kind of value it can make (boxed, typed arrays, null prototypes…). */
export const EVERY_KIND = {
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
} as const;

/** Strings over every cap, made anew for each test that asks (no state shared between tests). */
export function hugeStrings(): readonly string[] {
  const huge = [
    'x'.repeat(100_000),
    'q'.repeat(4_000_000),
    '0,'.repeat(1_100_000),
    '['.repeat(1_000_000),
    '\u0000\uffff\ud800'.repeat(200_000),
    'line\n'.repeat(300_000),
    'é'.repeat(2_000_001),
  ];
  // Flattened now (String.repeat makes a rope; its first read would be charged to the surface).
  for (const s of huge) s.charCodeAt(s.length >> 1);
  return huge;
}

/** Arrays or objects nested `depth` deep (made in a loop, not by recursion). */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** An object whose `key` throws when read. */
function throwingGetter(key: string): object {
  return Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error('a hostile getter');
    },
  });
}

/** An object whose `key` answers `first`, then `later` on every read after. */
function flippingGetter(key: string, first: unknown, later: unknown): object {
  let reads = 0;
  return Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      return reads++ === 0 ? first : later;
    },
  });
}

/** A proxy that throws on every question asked of it. */
function hostileProxy(): object {
  const fail = () => {
    throw new Error('a hostile proxy');
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail },
  );
}

/** A value that throws when made into text (`${v}`, String(v), JSON.stringify(v)). */
function unprintable(): object {
  const fail = () => {
    throw new Error('an unprintable value');
  };
  return { toString: fail, valueOf: fail, toJSON: fail, [Symbol.toPrimitive]: fail };
}

/** Sets `key` as an own property, the way JSON.parse does, even when it is `__proto__`. */
export function own(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Makes a value when called. Hostile values are made inside the property,
 * not by the arbitrary: fast-check looks into the values it generates, and
 * a proxy that throws would break fast-check instead of the surface; a
 * getter that changes its answer starts afresh at each call.
 */
export type Make = () => unknown;

const made =
  (v: unknown): Make =>
  () =>
    v;

/** Any hostile value, scalar or not; `huge` strings too unless told not (they cost time to make into text). */
export const hostile = ({ huge = true } = {}): fc.Arbitrary<Make> => {
  // This arbitrary's huge strings, made the first time it draws one and then shared by its values.
  let strings: readonly string[] | null = null;
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.anything({ ...EVERY_KIND, key: keyArb, maxDepth: 3 }).map(made),
    },
    ...(huge
      ? [
          {
            weight: 1,
            arbitrary: fc.integer({ min: 0, max: 6 }).map((i) => made((strings ??= hugeStrings())[i])),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const))
        .map(
          ([d, k]) =>
            () =>
              nested(d, k),
        ),
    },
    { weight: 1, arbitrary: keyArb.map((k) => () => throwingGetter(k)) },
    {
      weight: 1,
      arbitrary: fc.tuple(keyArb, fc.anything(), fc.anything()).map(
        ([k, a, b]) =>
          () =>
            flippingGetter(k, a, b),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Make>(
        hostileProxy,
        unprintable,
        () => new Array<unknown>(1e9),
        () => Symbol('s'),
        () => () => 0,
        () => Object.create(null) as unknown,
        () => 10n ** 30n,
        () => new Error('an error object'),
        () => NaN,
        () => -0,
        () => Infinity,
      ),
    },
  );
};

export const hostileArb = hostile();
