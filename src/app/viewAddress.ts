import { addressOf } from '../lessons/address';
import type { AddressParams } from '../share/address';
import { appAddress } from '../share/appAddress';
import type { VisualizerState } from '../store';

/**
 * What the app's address says about the view, one writer for both kinds:
 * a built-in lesson as `?lesson=…&step=…` (the lesson's own step on a
 * branch), anything else as a link, `?scenario=…&step=…`.
 */
export function viewAddress(): (s: VisualizerState) => AddressParams {
  const scenarioAddress = appAddress();
  return (s): AddressParams => {
    const at = addressOf(s);
    return at
      ? { lesson: at.id, step: String(at.step), scenario: null, os: null }
      : { ...scenarioAddress(s), lesson: null };
  };
}
