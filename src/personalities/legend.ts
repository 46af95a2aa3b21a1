import type { Os } from '../kernel/core';
import { SVR5_LEGEND } from './svr5/legend';
import { WINDOWS_LEGEND } from './windows/legend';
import type { LegendSection } from './legendTypes';

export type { LegendSample, LegendSection } from './legendTypes';

/** What both OSes draw alike: borders, animation. */
const COMMON: readonly LegendSection[] = [
  {
    title: 'Borders',
    entries: [
      { sample: { kind: 'card', tone: 'ok', text: 'loaded' }, meaning: 'Solid green: loaded and running.' },
      {
        sample: { kind: 'card', tone: 'pending', text: 'pending' },
        meaning: 'Thick amber: waiting (Unload Pending, remove pending, a candidate).',
      },
      { sample: { kind: 'card', tone: 'danger', text: 'failed' }, meaning: 'Red: failed, refused or stuck.' },
      { sample: { kind: 'card', tone: 'ghost', text: 'gone' }, meaning: 'Dashed grey: unloaded or gone.' },
    ],
  },
  {
    title: 'Animation',
    entries: [
      {
        sample: { kind: 'token', text: 'READ' },
        meaning: 'A request travelling, device to device, in order.',
      },
      {
        sample: { kind: 'ring', text: 'Unload called' },
        meaning: 'A state change at that object, with what changed.',
      },
    ],
  },
];

const BY_OS: { readonly [O in Os]: readonly LegendSection[] } = {
  windows: WINDOWS_LEGEND,
  svr5: SVR5_LEGEND,
};

export function legendOf(os: Os): readonly LegendSection[] {
  return [...BY_OS[os], ...COMMON];
}
