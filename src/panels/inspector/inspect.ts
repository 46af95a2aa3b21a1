import type { ObjectRef, World } from '../../kernel/core';
import { textOf, type Inspection } from './parts';
import { inspectorOf } from '../../personalities/inspectors';

export type { Inspection } from './parts';
/** The selected object's fields, or null when it does not exist in this world (undone, deleted). */
export function inspect(world: World, ref: ObjectRef): Inspection | null {
  return inspectorOf(world)(world, ref);
}

/** The rows as plain text (for tests and copying): `{ label, value }`; `heldBack`: without consequences. */
export function inspectorRows(
  world: World,
  ref: ObjectRef,
  heldBack = false,
): { label: string; value: string }[] {
  return inspect(world, ref)?.rows.map((r) => ({ label: r.label, value: textOf(r.value, heldBack) })) ?? [];
}
