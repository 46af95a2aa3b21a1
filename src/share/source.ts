import { BUILT_IN_IDS, builtInFile } from '../scenarios/builtIn';
import { isPacked, type ScenarioSource } from './param';

/**
 * Where a scenario a page is given comes from: itself, a built-in file, or a
 * packed link (whose unpacker, link.ts, loads only when one is met).
 */

export { PACK_MARK, isPacked, stepFromParam, type ScenarioSource } from './param';

/**
 * A scenario as a page or a host gives it: an object or JSON text is the
 * scenario itself (validated when it loads); any other text is a
 * `scenario` parameter, read by `fromParam`.
 */
export function sourceOf<R extends ScenarioSource | Promise<ScenarioSource>>(
  scenario: unknown,
  fromParam: (value: string) => R,
): R | ScenarioSource {
  if (typeof scenario !== 'string' || scenario.trim().startsWith('{')) return { ok: true, source: scenario };
  return fromParam(scenario.trim());
}

/**
 * What a page's `scenario` parameter names: a built-in scenario's file (a
 * lesson's loads then) or a packed one, whose unpacker (link.ts, with its
 * decompressor) loads only for such a link. Still to be validated.
 */
export async function scenarioFromParam(value: string): Promise<ScenarioSource> {
  if (!isPacked(value)) return builtInSource(value);
  const { readScenarioParam } = await import('./link');
  return readScenarioParam(value, (id) => builtInMissing(id, BUILT_IN_IDS));
}

/** A built-in scenario's file by id (its file name without `.json`), loading a lesson's when need be, or which ids there are. */
export async function builtInSource(id: string): Promise<ScenarioSource> {
  const file = await builtInFile(id);
  if (file !== undefined) return { ok: true, source: file };
  return builtInMissing(id, BUILT_IN_IDS);
}

/** The same from a table a page already holds (the library build has every file at hand). */
export function builtInSourceIn(files: Readonly<Record<string, unknown>>, id: string): ScenarioSource {
  return Object.hasOwn(files, id) ? { ok: true, source: files[id] } : builtInMissing(id, Object.keys(files));
}

function builtInMissing(id: string, ids: readonly string[]): ScenarioSource {
  const shown = ids.slice(0, 12).join(', ') + (ids.length > 12 ? ', …' : '');
  return {
    ok: false,
    error: `there is no built-in scenario "${id.slice(0, 80)}" (this build has ${shown}); a scenario someone made travels packed, starting with "~".`,
  };
}
