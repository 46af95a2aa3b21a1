import * as z from 'zod/mini';
import { count } from './limits';

/** Shows a value the way a person wrote it, short. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : typeof v;
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** A scenario's own identifier: 1–64 letters, digits, `_`, `-`, `.`. */
export const name = () =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined ? 'required: a name' : `expected a name, got ${show(iss.input)}`,
    })
    .check(
      z.regex(NAME_RE, {
        error: (iss) => `expected a name of 1–64 letters, digits, "_", "-" or ".", got ${show(iss.input)}`,
      }),
    );

export const bool = () =>
  z.optional(z.boolean({ error: (iss) => `expected true or false, got ${show(iss.input)}` }));

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(iss.input)}`,
  });
}

/** Text of at most `max` characters (docs/limits.md). */
export const text = (what: string, max: number) =>
  z.string({ error: (iss) => `expected ${what} (text), got ${show(iss.input)}` }).check(
    z.maxLength(max, {
      error: (iss) =>
        `${what} of ${typeof iss.input === 'string' ? count(iss.input.length) : 'too many'} characters; at most ${count(max)} (docs/limits.md)`,
    }),
  );

/**
 * A list of at most `max` items (docs/limits.md). zod checks the length
 * before it looks at any item, so a list of a billion holes costs nothing.
 */
export const list = <T extends z.core.SomeType>(item: T, what: string, max: number) =>
  z.array(item, { error: (iss) => `expected a list of ${what}, got ${show(iss.input)}` }).check(
    z.maxLength(max, {
      error: (iss) =>
        `${Array.isArray(iss.input) ? count(iss.input.length) : 'too many'} ${what}; at most ${count(max)} (docs/limits.md)`,
    }),
  );

export const seconds = (min: number, max: number) =>
  z
    .number({ error: (iss) => `expected a number of seconds, got ${show(iss.input)}` })
    .check(
      z.int({ error: 'expected a whole number of seconds' }),
      z.gte(min, { error: `expected at least ${min} seconds` }),
      z.lte(max, { error: `expected at most ${max} seconds` }),
    );
