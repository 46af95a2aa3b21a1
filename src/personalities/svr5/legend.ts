import type { LegendSection } from '../legendTypes';

/** The SVR5 graph's shapes, badges and edges, in the DDI's words. */
export const SVR5_LEGEND: readonly LegendSection[] = [
  {
    title: 'Objects',
    entries: [
      {
        sample: { kind: 'card', tone: 'neutral', text: 'MODULE' },
        meaning: 'A loadable module (a driver): its DDI version, how it was loaded.',
      },
      {
        sample: { kind: 'card', tone: 'neutral', text: 'INSTANCE' },
        meaning: 'A configured device instance of its module (CFG_ADD).',
      },
      {
        sample: { kind: 'chip', tone: 'info', text: 'CHANNEL' },
        meaning: 'An open channel: open(2) on that instance.',
      },
    ],
  },
  {
    title: 'Badges',
    entries: [
      {
        sample: { kind: 'badge', tone: 'ok', text: 'loaded (auto)' },
        meaning: 'Loaded, and how: auto (first open), demand (modadmin -l) or as a dependency.',
      },
      {
        sample: { kind: 'badge', tone: 'pending', text: 'hold 1' },
        meaning: 'What holds the module: open channels and dependents.',
      },
      {
        sample: { kind: 'badge', tone: 'info', text: 'idle 30 s' },
        meaning: 'Idle time, the auto-unload daemon’s clock.',
      },
      {
        sample: { kind: 'badge', tone: 'info', text: 'auto-unload candidate' },
        meaning: 'The daemon may unload it once idle long enough.',
      },
      {
        sample: { kind: 'badge', tone: 'danger', text: '_unload → EIO' },
        meaning: 'What its _load or _unload last returned, when not 0.',
      },
    ],
  },
  {
    title: 'Lines',
    entries: [
      { sample: { kind: 'edge', edge: 'own' }, meaning: 'Drives: the module and its instance.' },
      {
        sample: { kind: 'edge', edge: 'depends' },
        meaning: 'Depends on: loading it loads the other first; the other stays busy.',
      },
      { sample: { kind: 'edge', edge: 'info' }, meaning: 'A channel to the instance it is open on.' },
    ],
  },
];
