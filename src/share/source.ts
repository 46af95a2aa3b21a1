import { BUILT_IN_SCENARIOS } from '../scenarios';

/**
 * A link's parameters, read without unpacking anything: `scenario` names a
 * built-in scenario by id, or a packed one (`~1.…`, which unpack.ts reads;
 * a page that wants a small first load imports that only when it meets
 * one); `step` is a step number.
 */

export type ScenarioSource = { ok: true; source: unknown } | { ok: false; error: string };

/** Marks a packed scenario; a built-in id never starts with it. */
export const PACK_MARK = '~';

export function isPacked(value: string): boolean {
  return value.startsWith(PACK_MARK);
}

/**
 * A scenario as a page or a host gives it: an object or JSON text is the
 * scenario itself (validated when it loads); any other text is a
 * `scenario` parameter, read by `fromParam`.
 */
export function sourceOf(scenario: unknown, fromParam: (value: string) => ScenarioSource): ScenarioSource {
  if (typeof scenario !== 'string' || scenario.trim().startsWith('{')) return { ok: true, source: scenario };
  return fromParam(scenario.trim());
}

/** A built-in scenario's file by id (its file name without `.json`), or which ids there are. */
export function builtInSource(id: string): ScenarioSource {
  const builtIns = BUILT_IN_SCENARIOS as Readonly<Record<string, unknown>>;
  if (Object.hasOwn(builtIns, id)) return { ok: true, source: builtIns[id] };
  const ids = Object.keys(builtIns);
  const shown = ids.slice(0, 12).join(', ') + (ids.length > 12 ? ', …' : '');
  return {
    ok: false,
    error: `there is no built-in scenario "${id.slice(0, 80)}" (this build has ${shown}); a scenario someone made travels packed, starting with "~".`,
  };
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
