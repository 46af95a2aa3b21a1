import type { ObjectRef } from '../../kernel/core';

/**
 * An inspector value: text with links, like WinDbg's DML output where an
 * object's name can be clicked to inspect it.
 */
export type Part = string | { readonly text: string; readonly ref: ObjectRef } | Consequence;

/**
 * What a fact means for what comes next ("yes" + ": never unloaded", "closing"
 * + ": IRP_MJ_CLOSE when its IRPs complete"): a consequence, not a fact of
 * the world as shown. In front of a class, while the screen holds back
 * (src/lessons/question.ts `holdsBack`: step 0, a question open or one press
 * away), the inspector leaves it out, as the checklist leaves out the part
 * of a line after its fact (issue 17: nothing on screen answers an open
 * question).
 */
export interface Consequence {
  readonly consequence: string;
}

/** A consequence after a fact, held back while the class predicts (see `Consequence`). */
export const consequence = (text: string): Consequence => ({ consequence: text });

export interface InspectorRow {
  /** The field's name as the debugger prints it (`RefCount`, `AttachedTo (Lower)`). */
  readonly label: string;
  readonly value: readonly Part[];
  /** What the field means, for a tooltip. */
  readonly hint?: string;
  /** Multi-line, aligned (a `!devstack` or `!irp` listing). */
  readonly pre?: boolean;
}

export interface Inspection {
  /** What kind of object, in words ("device object", "module"). */
  readonly kind: string;
  readonly name: string;
  /** The debugger command that prints these fields, when there is one. */
  readonly command: string | null;
  readonly rows: readonly InspectorRow[];
}

export const NONE = '(none)';

export function link(kind: ObjectRef['kind'], name: string, text = name): Part {
  return { text, ref: { kind, name } };
}

/** Names as links separated by commas, or "(none)". */
export function links(kind: ObjectRef['kind'], names: Iterable<string>, empty = NONE): Part[] {
  const out: Part[] = [];
  for (const n of names) {
    if (out.length > 0) out.push(', ');
    out.push(link(kind, n));
  }
  return out.length > 0 ? out : [empty];
}

export function row(label: string, value: Part | readonly Part[], hint?: string): InspectorRow {
  const v = typeof value === 'string' || !Array.isArray(value) ? [value as Part] : (value as Part[]);
  return hint === undefined ? { label, value: v } : { label, value: v, hint };
}

/** The value as plain text; `heldBack`: without its consequences (see `Consequence`). */
export function textOf(parts: readonly Part[], heldBack = false): string {
  return parts
    .map((p) => (typeof p === 'string' ? p : 'consequence' in p ? (heldBack ? '' : p.consequence) : p.text))
    .join('');
}

/** `0x1` style, as the debugger prints flag words (without leading zeros). */
function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** Flags as hex followed by their names: "0x1 DOE_UNLOAD_PENDING". */
export function flagWord(n: number, names: readonly string[]): string {
  return names.length > 0 ? `${hex(n)} ${names.join(', ')}` : hex(n);
}

export const yesNo = (b: boolean, yes = 'yes', no = 'no') => (b ? yes : no);
