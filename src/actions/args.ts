import { kernelFor, kernelOf, step, type Action, type ObjectRef, type World } from '../kernel/core';
import { fieldsOf, type FieldSpec } from './fields';
import type { Availability, KernelActionDef } from './types';

/** A form's values by field name, as the inputs hold them (text, booleans, numbers). */
export type ActionArgs = Record<string, unknown>;

/** The first free name `prefix1`, `prefix2`, … */
export function nextName(world: World, kind: ObjectRef['kind'], prefix: string): string {
  const used = new Set(kernelFor(world).namesOf(world, kind));
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** The existing objects that fit a field, most relevant first. */
export function candidatesFor(f: FieldSpec, world: World, subject: ObjectRef | null): string[] {
  const ref = f.ui.ref;
  if (!ref) return [];
  return ref.candidates ? ref.candidates(world, subject) : kernelFor(world).namesOf(world, ref.of);
}

/** What a form or a selected object starts from: subject, prefill, defaults, proposed names, first candidates. */
export function defaultArgs(def: KernelActionDef, world: World, subject: ObjectRef | null): ActionArgs {
  const args: ActionArgs = {};
  for (const f of fieldsOf(def.os, def)) {
    const v = defaultFor(f, world, subject);
    if (v !== undefined) args[f.name] = v;
  }
  if (def.subject && subject?.kind === def.subject.kind) args[def.subject.field] = subject.name;
  return { ...args, ...def.prefill?.(world, subject) };
}

function defaultFor(f: FieldSpec, world: World, subject: ObjectRef | null): unknown {
  if (f.default !== undefined) return f.default;
  if (f.optional) return undefined;
  switch (f.kind.type) {
    case 'new':
      return nextName(world, f.kind.of, f.kind.prefix);
    case 'ref':
      return candidatesFor(f, world, subject)[0];
    case 'enum':
      return f.kind.options[0];
    default:
      return undefined;
  }
}

/** Builds the kernel action from form values: empty optional fields are left out, lists are split. */
export function toAction(def: KernelActionDef, args: ActionArgs): Action {
  const out: Record<string, unknown> = { do: def.id };
  for (const f of fieldsOf(def.os, def)) {
    const v = args[f.name];
    if (v === undefined || v === '' || v === null) continue;
    if (f.kind.type === 'names' && typeof v === 'string') {
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length > 0) out[f.name] = list;
    } else if (f.kind.type === 'number' && typeof v === 'string') {
      out[f.name] = Number(v);
    } else {
      out[f.name] = v;
    }
  }
  return out as Action;
}

/** Missing required values, in words. */
function missingFields(def: KernelActionDef, args: ActionArgs): FieldSpec[] {
  return fieldsOf(def.os, def).filter(
    (f) => !f.optional && (args[f.name] === undefined || args[f.name] === ''),
  );
}

/**
 * Whether the action would go through now, and if not, why — in the kernel's
 * own words: the UI asks the kernel (a dry run) instead of restating its rules.
 */
export function availability(def: KernelActionDef, world: World, args: ActionArgs): Availability {
  if (def.os !== world.os) return { enabled: false, reason: `${kernelOf(def.os).vocabulary.article} action` };
  const missing = missingFields(def, args);
  const first = missing[0];
  if (first) {
    const none =
      first.kind.type === 'ref'
        ? `no ${first.kind.of} to choose yet`
        : `${missing.map((f) => f.ui.label).join(', ')} needed`;
    return { enabled: false, reason: none };
  }
  try {
    const r = step(world, toAction(def, args));
    const refused = r.events.find((e) => e.type === 'refused');
    if (refused)
      return { enabled: false, refused: true, reason: `${r.status}: ${refused.reason ?? 'refused'}` };
    return { enabled: true };
  } catch (e) {
    return { enabled: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
