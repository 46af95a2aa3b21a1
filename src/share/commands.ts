import { argsOf, oneOf } from '../actions/schemas';
import type { CommandDef, Effect, Outcome } from '../actions/types';
import type { VisualizerState } from '../store/state';
import { fileNameFor, scenarioFileText } from './files';
import { sessionScenario } from './scenario';

/**
 * Share, export and image as commands: pure like every other, each answers
 * what it would do as data (`effect`: the file to save with its name and
 * text, the image to draw with its title, the link to copy) and the page
 * that ran it does that (the Share menu, src/share/ShareMenu.tsx) — the
 * clipboard, a download and the drawn graph are the page's, not the store's.
 */

const always = () => ({ enabled: true }) as const;
const effect = (s: VisualizerState, e: Effect) => ({
  state: s,
  outcome: { ok: true, events: [], effect: e } as Outcome,
});

export const SHARE_COMMANDS = [
  {
    kind: 'command',
    id: 'copyLink',
    label: 'Copy link',
    help: 'Copies a link to the step shown; a lesson’s link keeps the lesson and asks its questions again',
    available: always,
    perform: (s) => effect(s, { type: 'copyLink' }),
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'exportJson',
    label: 'Export JSON',
    help: 'Saves the session as a scenario file, to import again or share',
    available: always,
    perform: (s) => {
      const scenario = sessionScenario(s);
      return effect(s, {
        type: 'download',
        name: fileNameFor(scenario.title, 'json'),
        text: scenarioFileText(scenario),
        mime: 'application/json',
        done: 'Scenario saved as JSON.',
      });
    },
  } satisfies CommandDef,
  {
    kind: 'command',
    id: 'exportImage',
    label: 'Export image',
    help: 'Saves the graph as drawn at this step, 1920×1080, as PNG or SVG',
    args: argsOf({ kind: oneOf(['png', 'svg']) }, '{ kind: "png" | "svg" }'),
    available: always,
    perform: (s, a) => {
      const status = s.entries[s.cursor - 1]?.status;
      return effect(s, {
        type: 'image',
        kind: a.kind,
        name: fileNameFor(`${s.title} step ${s.cursor}`, a.kind),
        title: s.title || 'Unload Lens',
        detail: `step ${s.cursor} / ${s.entries.length}${status ? ` · ${status}` : ''}`,
      });
    },
  } satisfies CommandDef<{ kind: 'png' | 'svg' }>,
] as const;
