import type { ObjectRef } from '../events';
import type { KernelPersonality, ObjectKind } from '../personality';
import { SVR5_ACTION_NAMES } from './actions';
import { svr5Light } from './light';
import { explainSvr5 } from './explain';
import type { Svr5World } from './model';
import { createSvr5World, svr5Step } from './step';

const SVR5 = new Set<string>(SVR5_ACTION_NAMES);

/** SVR5 (UnixWare 7 / OpenServer 6 DDI), as the kernel knows it: shared/domain/svr5.md. */
export const svr5Kernel: KernelPersonality<'svr5'> = {
  ...svr5Light,
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
