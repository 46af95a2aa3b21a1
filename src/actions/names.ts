import type { World } from '../kernel';
import type { ObjectKind } from './types';

/** The names in use for one kind of object in a world. */
export function namesOf(world: World, kind: ObjectKind): string[] {
  if (world.os === 'windows') {
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

/** The first free name `prefix1`, `prefix2`, … */
export function nextName(world: World, kind: ObjectKind, prefix: string): string {
  const used = new Set(namesOf(world, kind));
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}
