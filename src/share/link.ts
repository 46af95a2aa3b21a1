import { isPacked, type ScenarioSource } from './param';
import { unpackScenario } from './unpack';

/**
 * Reading links to any step: `?scenario=…&step=…` (makeLink.ts writes
 * them). The scenario is a built-in id (a built-in file's name without
 * `.json`, e.g. `windows-default`) or a packed one (`~1.…`); `step` is the
 * step as the app shows it ("step 3 / 9" is 3; 0 is before the first).
 */

export type { ScenarioSource };
export { stepFromParam } from './param';

/** What a `scenario` parameter names, built-ins looked up by `builtIn`; a packed one is unpacked (still to be validated). */
export function readScenarioParam(value: string, builtIn: (id: string) => ScenarioSource): ScenarioSource {
  if (!isPacked(value)) return builtIn(value);
  const u = unpackScenario(value);
  return u.ok ? { ok: true, source: u.scenario } : u;
}
