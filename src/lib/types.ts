import type { Scenario } from '../kernel/core';
import type { BuiltInScenarioId } from '../scenarios';
import type { ActionArgsMap, ActionId } from '../store/create';

export type { BuiltInScenarioId } from '../scenarios';
export type { ActionArgsMap, ActionId } from '../store/create';

/**
 * What `scenario` takes (the component's prop, the element's attribute, a frame's `load`):
 * a built-in id, a packed scenario from a link (`~1.…`), a scenario file's JSON text, or a
 * scenario object (the format of docs/scenario-format.md).
 */
export type ScenarioInput = BuiltInScenarioId | `~${string}` | (string & {}) | Scenario;

/** The arguments after an action's id: none, optional or required, as the action takes them. */
export type ActionArgs<K extends ActionId> = [ActionArgsMap[K]] extends [void]
  ? [args?: undefined]
  : object extends ActionArgsMap[K]
    ? [args?: ActionArgsMap[K]]
    : [args: ActionArgsMap[K]];
