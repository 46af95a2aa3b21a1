import type * as z from 'zod/mini';
import type { Action, KernelEvent, Os, StepExtras } from '../kernel/core';
import type { KernelActionUi } from '../personalities';
import type { ActionSource, VisualizerState } from '../store/state';

/** `refused`: the kernel would answer with a refusal (worth trying, to see it); otherwise it cannot be sent at all. */
export type Availability = { enabled: true } | { enabled: false; reason: string; refused?: boolean };

/** Work a command leaves to the page that ran it, as data: the store has no clipboard, files or drawn graph. */
export type Effect =
  | { readonly type: 'copyLink' }
  | {
      readonly type: 'download';
      readonly name: string;
      readonly text: string;
      readonly mime: string;
      readonly done: string;
    }
  | {
      readonly type: 'image';
      readonly kind: 'png' | 'svg';
      readonly name: string;
      readonly title: string;
      readonly detail: string;
    };

/** What the door answers: the kernel's status and events for a kernel action; an error in words when it cannot be done. */
export type Outcome =
  | {
      readonly ok: true;
      readonly status?: string;
      readonly events: readonly KernelEvent[];
      /** What the page that ran it should do outside the store (save a file, draw an image, copy a link). */
      readonly effect?: Effect;
    }
  | {
      readonly ok: false;
      readonly error: string;
      /** Set when the action threw (a bug, not a refusal): the door caught it and the page says so. */
      readonly fault?: true;
    };

/** The door itself, as a command sees it: to run other commands through the same path (a scenario's steps). */
export type Run = (
  state: VisualizerState,
  id: string,
  args: unknown,
  source: ActionSource,
) => { state: VisualizerState; outcome: Outcome };

/**
 * An app command (undo, go to a step, load a scenario, theme…), in the same
 * registry as kernel actions so keys, buttons, scenarios, hosts and tests
 * share one door. `perform` is pure: state in, state out.
 */
export interface CommandDef<A = void> {
  readonly kind: 'command';
  /** camelCase. Typed `Uncapitalize<string>` rather than `string` so that each registry's literal ids
   *  survive `satisfies CommandDef` (a plain `string` widens them) and `ActionId` is a real union. */
  readonly id: Uncapitalize<string>;
  readonly label: string;
  /** Keys, as `mod+z`, `shift+?`, `ArrowRight`. */
  readonly keys?: readonly string[];
  readonly help?: string;
  /** After a key runs this command, focus moves to this element of the visualizer (a CSS selector). */
  readonly focuses?: string;
  /**
   * Its arguments' schema (zod/mini, src/actions/schemas.ts): the door checks what a caller sent (a host
   * page, a key, a test) against it and says what is wrong; absent: takes no arguments.
   */
  readonly args?: z.ZodMiniType<A, unknown>;
  /** Whether it can run now, and if not, why (a greyed button shows the reason). */
  available(s: VisualizerState): Availability;
  /** (Methods, not function properties: a command of any argument type fits the one registry.) */
  perform(
    s: VisualizerState,
    args: A,
    run: Run,
  ): VisualizerState | { state: VisualizerState; outcome: Outcome };
}

/** The arguments of each kernel action: its fields, plus what a scenario step may carry. */
export type KernelArgs = {
  [K in Action['do']]: Omit<Extract<Action, { do: K }>, 'do'> & StepExtras;
};

/** A kernel action as the registry lists it: its UI, tagged with its kind and OS. */
export interface KernelActionDef extends KernelActionUi {
  readonly kind: 'kernel';
  readonly os: Os;
}

export type ActionDef = KernelActionDef | CommandDef<unknown>;

/**
 * What the door knows of the visualizer it serves, handed to it by the visualizer (src/store/create.ts
 * composes the features): the store core imports no feature.
 */
export interface Registry {
  /** The action `id` means on this OS: an app command, or one of the OS's kernel actions. */
  find(id: string, os: Os): ActionDef | undefined;
  /** An OS whose kernel action `id` is (to say "this is an SVR5 action"). */
  osOf(id: string): Os | undefined;
  /**
   * After a person's kernel action (not a scenario's step) made a new step at `cursor` (the cursor
   * before it): each feature's part of the state follows (a lesson starts a branch: src/lessons/state.ts).
   */
  afterAct(s: VisualizerState, cursor: number): VisualizerState;
}
