import type { AppPersonality } from '../types';
import { WINDOWS_ACTIONS } from './actions';
import { windowsFlow, windowsHasLane, windowsStructure, windowsStructureSince } from './flow';
import { DRIVER_STATE } from './vocabulary';

/** Windows, as the app draws and offers it. */
export const windowsApp: AppPersonality<'windows'> = {
  os: 'windows',
  actions: WINDOWS_ACTIONS,
  structure: windowsStructure,
  structureSince: windowsStructureSince,
  hasLane: windowsHasLane,
  flow: windowsFlow,
  ownerState(world, name) {
    const d = world.drivers.get(name);
    if (!d) return { state: 'not loaded', tone: 'ghost' };
    if (world.bugCheck?.driver === name) return { state: 'bug check', tone: 'danger' };
    if (d.stuck) return { state: 'stuck', tone: 'danger' };
    return { state: DRIVER_STATE[d.state].word, tone: DRIVER_STATE[d.state].tone };
  },
  halted(world) {
    const b = world.bugCheck;
    if (!b) return null;
    return {
      title: `Bug check ${b.code}: ${b.name}`,
      lines: [
        ...(b.parameter1 ? [`Parameter 1: ${b.parameter1}`] : []),
        `Driver: ${b.driver}.sys`,
        b.reason,
        'The system has stopped: nothing runs until a reboot.',
      ],
    };
  },
  conditionFact(world, name, c) {
    const d = world.drivers.get(name);
    // A legacy driver's Unload deletes its own devices: say it is not a condition, not just "Not required".
    if (c.id === 'noDeviceObjects' && d?.model === 'legacy')
      return 'No device objects needed: a legacy driver';
    // The request line tells what sc stop or the PnP manager would do: held back, its state stays.
    if (c.id !== 'unloadRequested') return undefined;
    if (d?.state === 'entryFailed') return 'Never loaded: DriverEntry failed';
    return c.met ? 'Unload Pending: the unload has started' : 'Not Unload Pending';
  },
};
