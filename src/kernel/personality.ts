import type * as z from 'zod/mini';
import type { UnloadExplanation } from './checklist';
import type { EventType, ObjectRef } from './events';
import type { ActionOf, OptionsOf, Os, WorldOf } from './osTypes';
import type { StepResult } from './types';

/** The kinds of object a world holds (graph nodes, checklist blockers, form fields). */
export type ObjectKind = ObjectRef['kind'];

/** How an OS names its own things, for every sentence that is not about one OS in particular. */
export interface Vocabulary {
  /** "Windows". */
  readonly name: string;
  /** "Windows (WDM)": the OS switch, titles. */
  readonly longName: string;
  /** "a Windows", "an SVR5": "… is a Windows action". */
  readonly article: string;
  /** What unloads: "driver" or "module". */
  readonly owner: string;
  readonly owners: string;
  /** The kind of object that unloads. */
  readonly ownerKind: ObjectKind;
  /** An owner as the OS prints it: `\Driver\Beep`, `asyc`. */
  ownerTitle(this: void, name: string): string;
  /** What the checklist says when there is nothing to show: "No driver is loaded yet." */
  readonly noOwners: string;
}

/**
 * What is known of an OS before its kernel has loaded (os.ts `loadOs`): its
 * names, its success status and its scenario format (actions, options,
 * events, kinds), so that the OS switch, `isOs`, `isSuccess`, menus and the
 * scenario parser serve every OS on every page.
 */
export interface OsLight<O extends Os> {
  readonly os: O;
  readonly vocabulary: Vocabulary;
  /** The status of a step that went through (`STATUS_SUCCESS`, `0`). */
  readonly successStatus: string;
  /** The scenario format's actions: one zod shape per `do`, the single source of their fields. */
  readonly actions: Readonly<Record<string, z.core.$ZodShape>>;
  readonly actionNames: readonly ActionOf<O>['do'][];
  /** What each optional field means when a step leaves it out (the kernel and the forms read the same table). */
  readonly actionDefaults: Readonly<Partial<Record<ActionOf<O>['do'], Readonly<Record<string, unknown>>>>>;
  /** The scenario's `options`: their shape and defaults. */
  readonly options: z.core.$ZodShape;
  readonly defaultOptions: OptionsOf<O>;
  /** Every event type this OS emits (scenario `expect` checks against them). */
  readonly eventTypes: readonly EventType[];
  /** The kinds of object its worlds hold. */
  readonly kinds: readonly ObjectKind[];
}

/**
 * One OS, as the kernel knows it: its world, its step, its checklist, its
 * names and its scenario schemas. Every OS is one such object, in its own
 * folder, listed once in `PERSONALITIES` (os.ts); code outside those folders
 * asks the personality instead of asking which OS it is. Its light part
 * (`OsLight`) is on every page; the rest (the world and its step) loads when
 * a world of that OS is first wanted (`loadOs`).
 *
 * Methods (not function-valued properties) on purpose: a personality of one
 * OS then serves where `KernelPersonality<Os>` is expected (see `kernelFor`).
 */
export interface KernelPersonality<O extends Os> extends OsLight<O> {
  /** An empty world: nothing loaded, clock at 0. */
  createWorld(options?: Partial<OptionsOf<O>>): WorldOf<O>;
  /** (world, action) → { world, status, events }. Pure. */
  step(world: WorldOf<O>, action: ActionOf<O>): StepResult<WorldOf<O>>;
  /** The live unload checklist of one driver or module. */
  explain(world: WorldOf<O>, owner: string): UnloadExplanation;
  /** Every driver or module, in the order it appeared. */
  owners(world: WorldOf<O>): string[];
  /** The driver or module an object belongs to (the checklist to show for it). */
  ownerOf(world: WorldOf<O>, ref: ObjectRef): string | null;
  /** The names in use for one kind of object. */
  namesOf(world: WorldOf<O>, kind: ObjectKind): string[];
}
