import type { VisualizerState } from '../store';
import type { AddressParams } from './address';
import { scenarioParam } from './makeLink';

/**
 * What the app's address says about a visualizer: its scenario and step,
 * so the address is always a link to the view (`?os=` gives way to the
 * scenario it opened). The scenario is worked out again only when the
 * session changed, not on every step in time (scenarioParam keeps it).
 */
export function appAddress(): (s: VisualizerState) => AddressParams {
  return (s) => ({ scenario: scenarioParam(s), step: String(s.cursor), os: null });
}
