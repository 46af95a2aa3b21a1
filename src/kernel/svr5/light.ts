import { SVR5_EVENT_TYPES } from '../events';
import type { OsLight } from '../personality';
import {
  DEFAULT_SVR5_OPTIONS,
  SVR5_ACTION_DEFAULTS,
  SVR5_ACTION_NAMES,
  svr5Actions,
  svr5Options,
} from './actions';

/**
 * SVR5 (UnixWare 7 / OpenServer 6 DDI): shared/domain/svr5.md, as every page knows it before its kernel
 * has loaded (src/kernel/os.ts `loadOs`): its names and its scenario format.
 */
export const svr5Light: OsLight<'svr5'> = {
  os: 'svr5',
  vocabulary: {
    name: 'SVR5',
    longName: 'SVR5 (DDI)',
    article: 'an SVR5',
    owner: 'module',
    owners: 'modules',
    ownerKind: 'module',
    ownerTitle: (name) => name,
    noOwners: 'No module is configured yet.',
  },
  successStatus: '0',
  actions: svr5Actions,
  actionNames: SVR5_ACTION_NAMES,
  actionDefaults: SVR5_ACTION_DEFAULTS,
  options: svr5Options,
  defaultOptions: DEFAULT_SVR5_OPTIONS,
  eventTypes: SVR5_EVENT_TYPES,
  kinds: ['module', 'device', 'channel'],
};
