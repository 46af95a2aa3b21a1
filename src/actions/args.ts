import { step, type Action, type ObjectRef, type World } from '../kernel';
import { nextName } from './names';
import type { ActionArgs, Availability, FieldSpec, KernelActionDef } from './types';

/** What a form or a selected object starts from: subject, prefill, defaults, proposed names, first candidates. */
export function defaultArgs(def: KernelActionDef, world: World, subject: ObjectRef | null): ActionArgs {
  const args: ActionArgs = {};
  for (const f of def.fields) {
    const v = defaultFor(f, world, subject);
    if (v !== undefined) args[f.name] = v;
  }
  if (def.subject && subject?.kind === def.subject.kind) args[def.subject.field] = subject.name;
  return { ...args, ...def.prefill?.(world, subject) };
}

function defaultFor(f: FieldSpec, world: World, subject: ObjectRef | null): unknown {
  if (f.default !== undefined) return f.default;
  switch (f.kind.type) {
    case 'new':
      return f.optional ? undefined : nextName(world, f.kind.of, f.kind.prefix);
    case 'ref':
      return f.optional ? undefined : f.kind.candidates?.(world, subject)[0];
    case 'enum':
      return f.optional ? undefined : f.kind.options[0];
    default:
      return undefined;
  }
}

/** Builds the kernel action from form values: empty optional fields are left out, lists are split. */
export function toAction(def: KernelActionDef, args: ActionArgs): Action {
  const out: Record<string, unknown> = { do: def.id };
  for (const f of def.fields) {
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
export function missingFields(def: KernelActionDef, args: ActionArgs): string[] {
  return def.fields
    .filter((f) => !f.optional && (args[f.name] === undefined || args[f.name] === ''))
    .map((f) => f.label);
}

/**
 * Whether the action would go through now, and if not, why — in the kernel's
 * own words: the UI asks the kernel (a dry run) instead of restating its rules.
 */
export function availability(def: KernelActionDef, world: World, args: ActionArgs): Availability {
  if (def.os !== world.os)
    return { enabled: false, reason: `a ${def.os === 'windows' ? 'Windows' : 'SVR5'} action` };
  const missing = missingFields(def, args);
  if (missing.length > 0) {
    const first = def.fields.find((f) => f.label === missing[0]);
    const none =
      first?.kind.type === 'ref' ? `no ${first.kind.of} to choose yet` : `${missing.join(', ')} needed`;
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
