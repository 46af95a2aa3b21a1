import { kernelOf, type ObjectKind, type Os } from '../kernel/core';
import type { FieldUi, KernelActionUi } from '../personalities';

/**
 * A form field, derived: its type, options, optionality and default come
 * from the kernel's schema and defaults table (one source); its label and
 * which objects fit it from the OS's action UI.
 */
type FieldKind =
  /** An existing object; `candidates` lists fitting names, most relevant first. */
  | { type: 'ref'; of: ObjectKind }
  /** A new object's name; a free one is proposed. */
  | { type: 'new'; of: ObjectKind; prefix: string }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'bool' }
  | { type: 'number'; min?: number; max?: number }
  /** A name or status, typed freely. */
  | { type: 'text' }
  /** A comma-separated list of names. */
  | { type: 'names' };

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** Optional fields may be left empty: the kernel applies its default. */
  readonly optional: boolean;
  /** The kernel's default for an optional field, or the UI's starting suggestion for a required one. */
  readonly default?: unknown;
  readonly ui: FieldUi;
}

/** A zod/mini schema, as far as a form needs to read it. */
interface SchemaNode {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly innerType?: SchemaNode;
      readonly entries?: Record<string, string>;
      readonly options?: readonly SchemaNode[];
      readonly values?: readonly unknown[];
      readonly checks?: readonly { readonly _zod: { readonly def: Record<string, unknown> } }[];
    };
  };
}

/** Enum options in their natural order ("4, 5, 5mp, … 7.1, 8mp"): an object's integer-like keys lose theirs. */
function natural(options: string[]): string[] {
  return [...options].sort((a, b) => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function enumOptions(node: SchemaNode): string[] {
  const keys = Object.values(node._zod.def.entries ?? {});
  return keys.some((k) => /^\d/.test(k)) ? natural(keys) : keys;
}

/** Every value a union of literals and enums admits, as text ("0", "EBUSY", …). */
function unionOptions(node: SchemaNode): string[] | null {
  const out: string[] = [];
  for (const o of node._zod.def.options ?? []) {
    const t = o._zod.def.type;
    if (t === 'literal') out.push(...(o._zod.def.values ?? []).map(String));
    else if (t === 'enum') out.push(...enumOptions(o));
    else return null;
  }
  return [...new Set(out)];
}

function bound(node: SchemaNode, check: string): number | undefined {
  const c = node._zod.def.checks?.find((x) => x._zod.def.check === check);
  return typeof c?._zod.def.value === 'number' ? c._zod.def.value : undefined;
}

function kindOf(node: SchemaNode, ui: FieldUi): FieldKind {
  if (ui.ref) return { type: 'ref', of: ui.ref.of };
  if (ui.new) return { type: 'new', ...ui.new };
  const d = node._zod.def;
  switch (d.type) {
    case 'boolean':
      return { type: 'bool' };
    case 'enum':
      return { type: 'enum', options: enumOptions(node) };
    case 'union': {
      const options = unionOptions(node);
      return options ? { type: 'enum', options } : { type: 'text' };
    }
    case 'number':
      return { type: 'number', min: bound(node, 'greater_than'), max: bound(node, 'less_than') };
    case 'array':
      return { type: 'names' };
    default:
      return { type: 'text' };
  }
}

/**
 * The fields of one kernel action, in the schema's order. A schema field
 * the UI gives no words for still gets a field (named by its key), so a
 * field the kernel gains is never silently missing from the forms.
 */
export function fieldsOf(os: Os, def: KernelActionUi): FieldSpec[] {
  const k = kernelOf(os);
  const shape = (k.actions[def.id] ?? {}) as Record<string, SchemaNode>;
  const defaults = (k.actionDefaults as Record<string, Record<string, unknown> | undefined>)[def.id] ?? {};
  return Object.entries(shape).map(([name, schema]) => {
    const optional = schema._zod.def.type === 'optional';
    const inner = optional && schema._zod.def.innerType ? schema._zod.def.innerType : schema;
    const ui = def.fields[name] ?? { label: name };
    const fallback = optional ? defaults[name] : ui.start;
    return {
      name,
      kind: kindOf(inner, ui),
      optional,
      ...(fallback === undefined ? {} : { default: fallback }),
      ui,
    };
  });
}
