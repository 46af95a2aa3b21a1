import { parseScenario, type Action, type Os } from '../kernel/core';

/** Validates one action exactly as a scenario step would be; returns the problems in words. */
export function parseStepFor(os: Os, action: Action | Record<string, unknown>): string[] {
  const r = parseScenario({ format: 'unload-scenario/1', title: 'action', os, steps: [action] });
  return r.ok ? [] : r.errors.map((e) => `${e.path.replace(/^steps\[0\]\.?/, '') || 'action'}: ${e.message}`);
}
