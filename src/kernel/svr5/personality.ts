import { SVR5_EVENT_TYPES, type ObjectRef } from '../events';
import type { KernelPersonality, ObjectKind } from '../personality';
import {
  DEFAULT_SVR5_OPTIONS,
  SVR5_ACTION_DEFAULTS,
  SVR5_ACTION_NAMES,
  svr5Actions,
  svr5Options,
  type Svr5Action,
  type Svr5Options,
} from './actions';
import { explainSvr5 } from './explain';
import type { Svr5World } from './model';
import { createSvr5World, svr5Step } from './step';

const SVR5 = new Set<string>(SVR5_ACTION_NAMES);

/** SVR5 (UnixWare 7 / OpenServer 6 DDI), as the kernel knows it: shared/domain/svr5.md. */
export const svr5Kernel: KernelPersonality<'svr5'> = {
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

  createWorld: createSvr5World,
  step(world, action) {
    // A programming error, not user input: scenarios are validated before they get here.
    if (!SVR5.has(action.do)) throw new TypeError(`"${action.do}" is not an SVR5 action`);
    return svr5Step(world, action);
  },
  explain: explainSvr5,
  owners: (world) => [...world.modules.keys()],
  ownerOf,
  namesOf,
};

function ownerOf(world: Svr5World, ref: ObjectRef): string | null {
  switch (ref.kind) {
    case 'module':
      return ref.name;
    case 'device':
      return world.devices.get(ref.name)?.module ?? null;
    case 'channel': {
      const c = world.channels.get(ref.name);
      return c ? (world.devices.get(c.device)?.module ?? null) : null;
    }
    default:
      return null;
  }
}

function namesOf(world: Svr5World, kind: ObjectKind): string[] {
  switch (kind) {
    case 'module':
      return [...world.modules.keys()];
    case 'device':
      return [...world.devices.keys()];
    case 'channel':
      return [...world.channels.keys()];
    default:
      return [];
  }
}
