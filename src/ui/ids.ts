import type { ObjectRef } from '../kernel/core';

/** React Flow node ids: `kind:name`, so an ObjectRef and a node id map both ways. */
export function nodeId(ref: ObjectRef): string {
  return `${ref.kind}:${ref.name}`;
}

export function refOf(id: string): ObjectRef | null {
  const i = id.indexOf(':');
  if (i < 0) return null;
  const kind = id.slice(0, i) as ObjectRef['kind'];
  return { kind, name: id.slice(i + 1) };
}
