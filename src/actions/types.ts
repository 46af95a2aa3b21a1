import type { ObjectRef, Os, World } from '../kernel';
import type { ActionSource, AppState } from '../store';

export type ObjectKind = ObjectRef['kind'];

/** How a field of an action gets its value in a form. */
export type FieldKind =
  /** An existing object; `candidates` lists fitting names, most relevant first. */
  | { type: 'ref'; of: ObjectKind; candidates?: (world: World, subject: ObjectRef | null) => string[] }
  /** A new object's name; a free one is proposed. */
  | { type: 'new'; of: ObjectKind; prefix: string }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'bool' }
  | { type: 'number'; min: number; max: number; step?: number }
  /** A status or errno name, typed freely. */
  | { type: 'text'; placeholder?: string }
  /** A comma-separated list of names. */
  | { type: 'names' };

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Optional fields may be left empty; the kernel applies its default. */
  readonly optional?: boolean;
  readonly default?: string | number | boolean;
  readonly help?: string;
}

/** A kernel action as the UI offers it (the kernel decides what it does). */
export interface KernelActionDef {
  readonly kind: 'kernel';
  /** The scenario format's `do`. */
  readonly id: string;
  readonly os: Os;
  readonly label: string;
  /** What it models, in the OS's terms. */
  readonly help: string;
  readonly group: string;
  readonly fields: readonly FieldSpec[];
  /** Offered on a selected object of this kind, filling this field with its name. */
  readonly subject?: { readonly kind: ObjectKind; readonly field: string };
  /** Values to start from when offered on a selected object. */
  readonly prefill?: (world: World, subject: ObjectRef | null) => ActionArgs;
}

/** An app command (undo, theme…), in the same registry so keys, buttons and tests share one door. */
export interface CommandDef {
  readonly kind: 'command';
  readonly id: string;
  readonly label: string;
  /** Keys, as `mod+z`, `shift+?`, `ArrowRight`. */
  readonly keys?: readonly string[];
  readonly help?: string;
  readonly available: (s: AppState) => Availability;
  readonly perform: (s: AppState) => void;
}

export type ActionDef = KernelActionDef | CommandDef;

/** `refused`: the kernel would answer with a refusal (worth trying, to see it); otherwise it cannot be sent at all. */
export type Availability = { enabled: true } | { enabled: false; reason: string; refused?: boolean };

export type ActionArgs = Record<string, unknown>;

export type ExecuteResult = { ok: true; status?: string } | { ok: false; error: string };

export type { ActionSource };
