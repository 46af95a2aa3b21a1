import type { CommandDef } from '../actions/types';
import type { VisualizerState } from '../store/state';

/**
 * The projector's own commands, kept apart from the lesson's stepping: in
 * presenter mode the side panels (narration, question, checklist, log) fold
 * away so the graph takes the whole stage, and come back with the same key.
 * An open question stays on screen either way (the class must read it).
 */
export const PROJECTOR_COMMANDS = [
  {
    kind: 'command',
    id: 'togglePanels',
    label: 'Fold the side panels',
    keys: ['h'],
    help: 'Presenter mode: hide or show the panels beside the graph (an open question stays)',
    available: (s: VisualizerState) =>
      s.classroom.presenter ? { enabled: true } : { enabled: false, reason: 'only in presenter mode' },
    perform: (s: VisualizerState) => ({
      ...s,
      classroom: { ...s.classroom, panelsHidden: !s.classroom.panelsHidden },
    }),
  } satisfies CommandDef,
] as const;
