import { describe, it } from 'vitest';
import { kernelOf, type Os } from '../os';
import { createWorld, step, type World } from '../world';
import type { Action } from '../scenario/actions';
import { check, runProperty, snapshot } from './harness';
import { svr5RunArb } from './svr5Arbs';
import { windowsRunArb } from './windowsArbs';

/**
 * The defaults table is the one source of what an omitted field means: a
 * step with every default written out does exactly what the step without
 * them does. (The forms start from the same table.)
 */
function withDefaults(os: Os, action: Action): Action {
  const defaults = (kernelOf(os).actionDefaults as Record<string, object | undefined>)[action.do];
  return { ...defaults, ...action };
}

function sameWithDefaults(c: { before: World; action: Action; result: { world: World; status: string } }) {
  const explicit = step(c.before, withDefaults(c.before.os, c.action));
  check(
    explicit.status === c.result.status && snapshot(explicit.world) === snapshot(c.result.world),
    () => `${c.action.do}: writing out its defaults changed what it does`,
  );
}

describe('the action defaults table', () => {
  it('means for Windows exactly what an omitted field means', () => {
    runProperty(
      windowsRunArb(),
      (o) => createWorld('windows', o),
      sameWithDefaults,
      () => {},
      300,
      false,
    );
  });
  it('means for SVR5 exactly what an omitted field means', () => {
    runProperty(
      svr5RunArb(),
      (o) => createWorld('svr5', o),
      sameWithDefaults,
      () => {},
      300,
      false,
    );
  });
});
