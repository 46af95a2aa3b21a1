import { addressOf } from '../lessons/address';
import { openQuestion } from '../lessons/question';
import type { AddressParams } from '../share/address';
import type { LinkWriter } from './work/saved';
import type { VisualizerState } from '../store';

/**
 * What the app's address says about the view, one writer for both kinds,
 * so the address is always a link to it: a built-in lesson as
 * `?lesson=…&step=…` (the lesson's own step on a branch), anything else as
 * `?scenario=…&step=…` (`?os=` gives way to the scenario it opened). The
 * scenario is packed once per session change, not per step (scenarioParam
 * keeps it), by the link writer the page loaded after its first view. While a
 * lesson's question is open, the step that asks it: opened, that address asks
 * it again (issue 17: a reload comes back AT the question).
 */
export function viewAddress(s: VisualizerState, { scenarioParam }: LinkWriter): AddressParams {
  const at = addressOf(s);
  return at
    ? { lesson: at.id, step: String(at.step), scenario: null, os: null }
    : { scenario: scenarioParam(s), step: String(openQuestion(s) ?? s.cursor), os: null, lesson: null };
}
