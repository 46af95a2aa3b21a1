import { parseScenario, type Os, type Scenario } from '../kernel';
import { BUILT_IN_SCENARIOS, DEFAULT_SCENARIO, type BuiltInScenarioId } from '.';

/** A built-in scenario, validated (they are tested to be valid; a failure here is a bug, said loudly). */
export function builtInScenario(id: BuiltInScenarioId): Scenario {
  const r = parseScenario(BUILT_IN_SCENARIOS[id]);
  if (!r.ok)
    throw new Error(
      `built-in scenario ${id} is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return r.scenario;
}

export function defaultScenario(os: Os): Scenario {
  return builtInScenario(DEFAULT_SCENARIO[os]);
}

/** The default scenario of an OS as it is stored, unchecked: the door validates it and says what is wrong. */
export function defaultScenarioSource(os: Os): unknown {
  return BUILT_IN_SCENARIOS[DEFAULT_SCENARIO[os]];
}
