import type { VisualizerState } from '../store';
import type { AddressParams } from './address';
import { scenarioParam } from './makeLink';

/**
 * What the app's address says about a visualizer: its scenario and step,
 * so the address is always a link to the view (`?os=` gives way to the
 * scenario it opened). The scenario is worked out again only when the
 * session changed, not on every step in time.
 */
export function appAddress(): (s: VisualizerState) => AddressParams {
  let last: { entries: unknown; initial: unknown; title: string; param: string } | null = null;
  return (s) => {
    if (!last || last.entries !== s.entries || last.initial !== s.initial || last.title !== s.title) {
      last = { entries: s.entries, initial: s.initial, title: s.title, param: scenarioParam(s) };
    }
    return { scenario: last.param, step: String(s.cursor), os: null };
  };
}
