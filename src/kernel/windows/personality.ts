import type { ObjectRef } from '../events';
import type { KernelPersonality, ObjectKind } from '../personality';
import { WINDOWS_ACTION_NAMES } from './actions';
import { windowsLight } from './light';
import { explainWindows } from './explain';
import type { WindowsWorld } from './model';
import { createWindowsWorld, windowsStep } from './step';

const WINDOWS = new Set<string>(WINDOWS_ACTION_NAMES);

/** Windows (WDM/PnP), as the kernel knows it: shared/domain/windows.md. */
export const windowsKernel: KernelPersonality<'windows'> = {
  ...windowsLight,
  createWorld: createWindowsWorld,
  step(world, action) {
    // A programming error, not user input: scenarios are validated before they get here.
    if (!WINDOWS.has(action.do)) throw new TypeError(`"${action.do}" is not a Windows action`);
    return windowsStep(world, action);
  },
  explain: explainWindows,
  owners: (world) => [...world.drivers.keys()],
  ownerOf,
  namesOf,
};

function ownerOf(world: WindowsWorld, ref: ObjectRef): string | null {
  switch (ref.kind) {
    case 'driver':
      return ref.name;
    case 'device':
      return world.devices.get(ref.name)?.driver ?? null;
    case 'handle': {
      const h = world.handles.get(ref.name);
      return h ? (world.devices.get(h.device)?.driver ?? null) : null;
    }
    case 'irp': {
      const irp = world.irps.get(ref.name);
      const at = irp?.path[irp.path.length - 1];
      return at ? (world.devices.get(at)?.driver ?? null) : null;
    }
    case 'registration':
      // An application's registration (RegisterDeviceNotification) belongs to no driver.
      return world.registrations.get(ref.name)?.driver || null;
    case 'reference': {
      const r = world.references.get(ref.name);
      return r ? (world.devices.get(r.device)?.driver ?? null) : null;
    }
    default:
      return null;
  }
}

function namesOf(world: WindowsWorld, kind: ObjectKind): string[] {
  switch (kind) {
    case 'driver':
      return [...world.drivers.keys()];
    case 'device':
      return [...world.devices.keys()];
    case 'handle':
      return [...world.handles.keys()];
    case 'irp':
      return [...world.irps.keys()];
    case 'registration':
      return [...world.registrations.keys()];
    case 'reference':
      return [...world.references.keys()];
    default:
      return [];
  }
}
