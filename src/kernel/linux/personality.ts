import type { Vocabulary } from '../personality';
import {
  DEFAULT_LINUX_OPTIONS,
  LINUX_ACTION_DEFAULTS,
  LINUX_ACTION_NAMES,
  linuxActions,
  linuxOptions,
  type LinuxAction,
  type LinuxOptions,
} from './actions';
import { LINUX_EVENT_TYPES, type LinuxRef } from './events';
import { explainLinux } from './explain';
import type { LinuxWorld } from './model';
import { createLinuxWorld, linuxStep } from './step';

/** The types of the Linux personality, for `OsTypes` once it is registered. */
export interface LinuxTypes {
  world: LinuxWorld;
  action: LinuxAction;
  options: LinuxOptions;
}

const LINUX = new Set<string>(LINUX_ACTION_NAMES);
const KINDS: readonly LinuxRef['kind'][] = ['module', 'device', 'file', 'reference', 'kobject'];

/**
 * Linux (reference 6.12 LTS), as the kernel knows it: docs/domain/linux.md.
 * The members of `KernelPersonality` (src/kernel/personality.ts), typed
 * against Linux's own events, rules and object kinds until the OS is
 * registered in `OsTypes` / `PERSONALITIES` (issue 24's app side).
 */
export const linuxKernel = {
  os: 'linux',
  vocabulary: {
    name: 'Linux',
    longName: 'Linux (6.12)',
    article: 'a Linux',
    owner: 'module',
    owners: 'modules',
    ownerKind: 'module',
    ownerTitle: (name: string) => name,
    noOwners: 'No module is loaded yet.',
  } satisfies Vocabulary,
  successStatus: '0',
  actions: linuxActions,
  actionNames: LINUX_ACTION_NAMES,
  actionDefaults: LINUX_ACTION_DEFAULTS,
  options: linuxOptions,
  defaultOptions: DEFAULT_LINUX_OPTIONS,
  eventTypes: LINUX_EVENT_TYPES,
  kinds: KINDS,

  createWorld: createLinuxWorld,
  step(world: LinuxWorld, action: LinuxAction) {
    // A programming error, not user input: scenarios are validated before they get here.
    if (!LINUX.has(action.do)) throw new TypeError(`"${action.do}" is not a Linux action`);
    return linuxStep(world, action);
  },
  explain: explainLinux,
  owners: (world: LinuxWorld) => [...world.modules.keys()],
  ownerOf,
  namesOf,
} as const;

function ownerOf(world: LinuxWorld, ref: LinuxRef): string | null {
  switch (ref.kind) {
    case 'module':
      return world.modules.has(ref.name) ? ref.name : null;
    case 'device': {
      const d = world.devices.get(ref.name);
      return d ? (d.boundTo ?? d.driver) : null;
    }
    case 'file':
      return world.files.get(ref.name)?.module ?? null;
    case 'reference':
      return world.refs.get(ref.name)?.module ?? null;
    case 'kobject':
      return world.kobjects.get(ref.name)?.module ?? null;
  }
}

function namesOf(world: LinuxWorld, kind: LinuxRef['kind']): string[] {
  switch (kind) {
    case 'module':
      return [...world.modules.keys()];
    case 'device':
      return [...world.devices.keys()];
    case 'file':
      return [...world.files.keys()];
    case 'reference':
      return [...world.refs.keys()];
    case 'kobject':
      return [...world.kobjects.keys()];
  }
}
