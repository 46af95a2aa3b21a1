/**
 * A link's parameters, read without unpacking anything: `scenario` names a
 * built-in scenario by id, or a packed one (`~1.…`, which unpack.ts reads;
 * a page that wants a small first load imports that only when it meets
 * one); `step` is a step number.
 *
 * Nothing here loads a scenario or the unpacker, so link.ts and unpack.ts
 * read them without a circle through source.ts.
 */

export type ScenarioSource = { ok: true; source: unknown } | { ok: false; error: string };

/** Marks a packed scenario; a built-in id never starts with it. */
export const PACK_MARK = '~';

export function isPacked(value: string): boolean {
  return value.startsWith(PACK_MARK);
}

/** Reads `step`: a whole number from 0; `null` when absent; a problem in words when it is not a step. */
export function stepFromParam(value: string | null): { step: number | null; problem?: string } {
  if (value === null || value === '') return { step: null };
  if (!/^\d{1,9}$/.test(value.trim())) {
    return {
      step: null,
      problem: `step=${value.slice(0, 40)} is not a step number (0, 1, 2…); showing the latest step.`,
    };
  }
  return { step: Number(value.trim()) };
}
