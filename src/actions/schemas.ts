import * as z from 'zod/mini';
import { showValue as show, type ObjectRef } from '../kernel/core';

/**
 * The pieces commands' argument schemas are made of, with the same schema
 * library as kernel actions and host messages (zod/mini). A command declares
 * `args: schema`; the door checks what a caller sent against it and answers
 * what is wrong, in words, with where (`goTo: step: expected a whole number,
 * got "x"`). Nothing here throws.
 */

/** The arguments object; `expected` says its whole shape, for a caller that sent something else. */
export const argsOf = <S extends z.core.$ZodLooseShape>(shape: S, expected: string) =>
  z.object(shape, { error: (iss) => `expected ${expected}, got ${show(iss.input)}` });

/** A whole number, from `min` to `max` when given; `hint` follows "a whole number" in the error. */
export function whole(hint = '', min?: number, max?: number) {
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : '';
  const error = (iss: { input?: unknown }) =>
    `expected a whole number${range}${hint}, got ${show(iss.input)}`;
  const checks = [
    z.int({ error }),
    ...(min === undefined ? [] : [z.gte(min, { error })]),
    ...(max === undefined ? [] : [z.lte(max, { error })]),
  ];
  return z.number({ error }).check(...checks);
}

/** A number from `min` to `max`. */
export const between = (min: number, max: number, hint = '') => {
  const error = (iss: { input?: unknown }) =>
    `expected a number from ${min} to ${max}${hint}, got ${show(iss.input)}`;
  return z.number({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
};

export const text = (what = 'text') =>
  z.string({ error: (iss) => `expected ${what}, got ${show(iss.input)}` });

export const flag = () => z.boolean({ error: (iss) => `expected true or false, got ${show(iss.input)}` });

export function oneOf<const T extends string>(values: readonly T[]) {
  return z.enum(values as unknown as readonly [T, ...T[]], {
    error: (iss) => `expected ${values.map((v) => JSON.stringify(v)).join(' or ')}, got ${show(iss.input)}`,
  });
}

/** Every kind of object a command may name: a kind the kernel adds and this table lacks does not compile. */
const REF_KINDS = {
  driver: true,
  device: true,
  handle: true,
  irp: true,
  registration: true,
  reference: true,
  module: true,
  channel: true,
} satisfies Record<ObjectRef['kind'], true>;
const kinds = Object.keys(REF_KINDS) as ObjectRef['kind'][];

/** An object of the world: `{ kind, name }`. */
export const objectRef = z.object(
  { kind: oneOf(kinds), name: text('a name') },
  { error: (iss) => `expected { kind, name }, got ${show(iss.input)}` },
);

/**
 * Checks `input` against a command's schema: the value, or every problem in one sentence, each with where
 * it is (`refs[1].kind: …`).
 */
export function checkArgs<A>(
  schema: z.core.$ZodType<A>,
  input: unknown,
): { ok: true; value: A } | { ok: false; error: string } {
  const r = z.safeParse(schema, input);
  if (r.success) return { ok: true, value: r.data };
  const error = r.error.issues
    .slice(0, 4)
    .map((i) => {
      const at = i.path
        .map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n > 0 ? '.' : ''}${String(p)}`))
        .join('');
      return at ? `${at}: ${i.message}` : i.message;
    })
    .join('; ');
  return { ok: false, error };
}

export { z };
