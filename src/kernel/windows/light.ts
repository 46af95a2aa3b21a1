import { WINDOWS_EVENT_TYPES } from '../events';
import type { OsLight } from '../personality';
import {
  DEFAULT_WINDOWS_OPTIONS,
  WINDOWS_ACTION_DEFAULTS,
  WINDOWS_ACTION_NAMES,
  windowsActions,
  windowsOptions,
} from './actions';

/**
 * Windows (WDM/PnP): shared/domain/windows.md, as every page knows it before its kernel
 * has loaded (src/kernel/os.ts `loadOs`): its names and its scenario format.
 */
export const windowsLight: OsLight<'windows'> = {
  os: 'windows',
  vocabulary: {
    name: 'Windows',
    longName: 'Windows (WDM)',
    article: 'a Windows',
    owner: 'driver',
    owners: 'drivers',
    ownerKind: 'driver',
    ownerTitle: (name) => `\\Driver\\${name}`,
    noOwners: 'No driver is loaded yet.',
  },
  successStatus: 'STATUS_SUCCESS',
  actions: windowsActions,
  actionNames: WINDOWS_ACTION_NAMES,
  actionDefaults: WINDOWS_ACTION_DEFAULTS,
  options: windowsOptions,
  defaultOptions: DEFAULT_WINDOWS_OPTIONS,
  eventTypes: WINDOWS_EVENT_TYPES,
  kinds: ['driver', 'device', 'handle', 'irp', 'registration', 'reference'],
};
