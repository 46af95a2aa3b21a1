import type { ObjectRef, Os, World, WorldOf } from '../kernel/core';
import type { Inspection } from '../panels/inspector/parts';
import { inspectSvr5 } from './svr5/inspector';
import { inspectWindows } from './windows/inspector';

/**
 * Each OS's inspector rows: the selected object's fields by the OS's own
 * names (`!devobj`, `!drvobj`… for Windows). Listed apart from
 * `APP_PERSONALITIES`, like the node components, so a page without an
 * inspector (an embed) does not load them.
 */
const INSPECTORS: { readonly [O in Os]: (world: WorldOf<O>, ref: ObjectRef) => Inspection | null } = {
  windows: (world, ref) => inspectWindows(world, ref.kind, ref.name),
  svr5: (world, ref) => inspectSvr5(world, ref.kind, ref.name),
};

/** The selected object's fields in a world of any OS, or null when it does not exist there. */
export function inspectorOf(world: World): (world: World, ref: ObjectRef) => Inspection | null {
  return INSPECTORS[world.os] as (world: World, ref: ObjectRef) => Inspection | null;
}
