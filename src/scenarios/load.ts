import { parseScenario, type Os, type Scenario } from '../kernel/core';
import { DEFAULT_FILES, DEFAULT_SCENARIO } from './builtIn';

/** The default scenario of an OS, validated (they are tested to be valid; a failure here is a bug, said loudly). */
export function defaultScenario(os: Os): Scenario {
  const id = DEFAULT_SCENARIO[os];
  const r = parseScenario(DEFAULT_FILES[id]);
  if (!r.ok)
    throw new Error(
      `built-in scenario ${id} is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return r.scenario;
}

/** The default scenario of an OS as it is stored, unchecked: the door validates it and says what is wrong. */
export function defaultScenarioSource(os: Os): unknown {
  return DEFAULT_FILES[DEFAULT_SCENARIO[os]];
}
