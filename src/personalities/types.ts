import type { ActionOf, Condition, ObjectKind, ObjectRef, Os, WorldOf } from '../kernel/core';

/** How a state looks: text and border shape carry the meaning, colour only helps. */
export type Tone = 'neutral' | 'pending' | 'danger' | 'ok' | 'ghost' | 'info';

/** Where the layout's structural cards go (store/layout.ts places them). */
export interface StructureSink {
  /** A card on the first row (a driver, a module). */
  top(id: string): void;
  /**
   * A column of cards below the first row, top first (a device stack, a lone
   * device, an instance); `under` names the first-row card it sits beneath, if any.
   */
  column(cards: readonly string[], under?: string): void;
}

/** Where world→graph puts its nodes and edges (graph/toFlow.ts builds them). */
export interface FlowSink {
  /** A structural card, at its place in the layout. */
  card(ref: ObjectRef, type: string, data: object): void;
  /** A small object beside its anchor card, with an edge to it. */
  satellite(ref: ObjectRef, anchor: ObjectRef, type: string, data: object, label: string): void;
  edge(
    kind: string,
    source: ObjectRef,
    target: ObjectRef,
    label: string,
    handles?: { s?: string; t?: string },
  ): void;
  /** A frame drawn behind structural cards that are one unit (a device stack), with a caption. */
  frame(id: string, members: readonly ObjectRef[], label: string): void;
}

/** Which existing objects fit a field, most relevant first (a method: bivariant, see KernelPersonality). */
interface RefField<O extends Os> {
  readonly of: ObjectKind;
  candidates?(world: WorldOf<O>, subject: ObjectRef | null): string[];
}

/** The UI's part of one field of an action; its type, options and default come from the kernel's schema. */
export interface FieldUi<O extends Os = Os> {
  readonly label: string;
  /** A field that names an existing object, and which ones fit. */
  readonly ref?: RefField<O>;
  /** A field that names a new object: a free name is proposed. */
  readonly new?: { readonly of: ObjectKind; readonly prefix: string };
  readonly help?: string;
  /** Where a form starts for a required field (a suggestion; optional fields start from the kernel's default). */
  readonly start?: string | number | boolean;
  /** Text placeholder for a free-text field. */
  readonly placeholder?: string;
}

/** A kernel action as the UI offers it: words and grouping; the kernel decides what it does. */
export interface KernelActionUi<O extends Os = Os> {
  /** The scenario format's `do`. */
  readonly id: ActionOf<O>['do'];
  readonly label: string;
  /** What it models, in the OS's terms. */
  readonly help: string;
  readonly group: string;
  /** Every field of the kernel's schema, in the order a form shows them. */
  readonly fields: Readonly<Record<string, FieldUi<O>>>;
  /** Offered on a selected object of this kind, filling this field with its name. */
  readonly subject?: { readonly kind: ObjectKind; readonly field: string };
  /** Values to start from when offered on a selected object. */
  prefill?(world: WorldOf<O>, subject: ObjectRef | null): Record<string, unknown>;
}

/**
 * One OS, as the app draws and offers it: its actions' words, its layout,
 * world→graph and state words. Each lives in its folder
 * (`personalities/windows`, `personalities/svr5`), listed once in
 * `APP_PERSONALITIES`; outside those folders nothing asks which OS it is.
 * Its node components (React) and inspector rows are listed apart, in
 * `nodeTypes.ts` and `inspectors.ts`.
 */
export interface AppPersonality<O extends Os> {
  readonly os: O;
  /** One entry per kernel action of this OS, in the palette's order. */
  readonly actions: readonly KernelActionUi<O>[];
  /** The structural objects of a world, for the layout (drivers and stacks; modules and instances). Called once per step: one pass, nothing more. */
  structure(world: WorldOf<O>, sink: StructureSink): void;
  /**
   * What `structure` would report of `world` that may differ from what it reported of `before`
   * (the world just before it in a history): at least every first-row card that is new there and
   * every column that is new or changed, in the same words. Costs what the step changed, so
   * laying out a long history is not a walk over every object of every world.
   */
  structureSince(before: WorldOf<O>, world: WorldOf<O>, sink: StructureSink): void;
  /** Whether a structural node keeps a lane at its right for its satellites (else they go below it). */
  hasLane(nodeId: string): boolean;
  /** World → nodes and edges. */
  flow(world: WorldOf<O>, sink: FlowSink): void;
  /** A driver's or module's state in a word or two, and its tone (the checklist's overview). */
  ownerState(world: WorldOf<O>, owner: string): { readonly state: string; readonly tone: Tone };
  /**
   * A checklist line as a bare fact, for when the classroom holds back what
   * is about to happen (src/panels/checklistModel.ts): only where the
   * kernel's line is not "fact: consequence". Undefined: the default applies.
   */
  conditionFact?(world: WorldOf<O>, owner: string, condition: Condition): string | undefined;
  /**
   * The machine has stopped (a Windows bug check): what the graph shows over
   * everything, as the screen of the stopped machine would. Undefined or
   * null: it runs.
   */
  halted?(world: WorldOf<O>): { readonly title: string; readonly lines: readonly string[] } | null;
}
