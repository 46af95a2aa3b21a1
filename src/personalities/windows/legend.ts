import type { LegendSection } from '../legendTypes';

/** The Windows graph's shapes, badges and edges, in WinDbg's words. */
export const WINDOWS_LEGEND: readonly LegendSection[] = [
  {
    title: 'Objects',
    entries: [
      {
        sample: { kind: 'card', tone: 'neutral', text: 'DRIVER' },
        meaning: 'A driver object (\\Driver\\X): PnP or legacy, with or without Unload.',
      },
      {
        sample: { kind: 'card', tone: 'neutral', text: 'FDO' },
        meaning:
          'A device object: PDO (bus), FDO (function), FiDO (filter) or CDO (control); its driver under its name.',
      },
      {
        sample: { kind: 'frame' },
        meaning: 'A device stack: one unit, top of the stack at the top. IRPs enter at the top.',
      },
      {
        sample: { kind: 'chip', tone: 'info', text: 'HANDLE' },
        meaning: 'An open handle (a file object) on the device it points at.',
      },
      { sample: { kind: 'chip', tone: 'pending', text: 'IRP' }, meaning: 'An IRP pending at a device.' },
      {
        sample: { kind: 'chip', tone: 'pending', text: 'PNP REG' },
        meaning: 'A PnP notification registration of a driver.',
      },
      {
        sample: { kind: 'chip', tone: 'info', text: 'OBREF' },
        meaning: 'An object reference (ObReferenceObject) on a device.',
      },
    ],
  },
  {
    title: 'Badges',
    entries: [
      {
        sample: { kind: 'badge', tone: 'pending', text: 'RefCount 1' },
        meaning: 'ReferenceCount: files open on the device.',
      },
      {
        sample: { kind: 'badge', tone: 'pending', text: 'DOE_UNLOAD_PENDING' },
        meaning: 'An ExtensionFlags bit, by its DOE_ name.',
      },
      {
        sample: { kind: 'badge', tone: 'danger', text: 'stuck: no Unload' },
        meaning: 'What keeps a driver from ever unloading.',
      },
    ],
  },
  {
    title: 'Lines',
    entries: [
      {
        sample: { kind: 'edge', edge: 'attach' },
        meaning: 'Attached: the upper device sits on the lower one.',
      },
      { sample: { kind: 'edge', edge: 'own' }, meaning: 'Owns: the driver created this device object.' },
      {
        sample: { kind: 'edge', edge: 'depends' },
        meaning: 'Child devnode: a bus driver enumerated this PDO; removing the parent removes it first.',
      },
      { sample: { kind: 'edge', edge: 'info' }, meaning: 'A handle to the device it is open on.' },
      { sample: { kind: 'edge', edge: 'pending' }, meaning: 'An IRP or registration to where it waits.' },
      { sample: { kind: 'edge', edge: 'reference' }, meaning: 'An object reference to its device.' },
    ],
  },
];
