import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ArgsOf, CommandArgs } from '../actions/commands';
import type { DEBUGGER_COMMANDS } from '../debugger/commands';
import { transition } from '../actions/execute';
import { findAction, osOfAction } from '../actions/registry';
import type { CommandDef, KernelArgs, Outcome, Registry } from '../actions/types';
import { DEFAULT_OS, kernelOf, loadOs, type Os } from '../kernel/core';
import { notLoadedFor } from './loadFor';
import { emptySession } from './session';
import { branchAfterAct, CLASSROOM_DEFAULTS } from '../lessons/state';
import type { ActionSource, Theme, VisualizerState } from './state';
import { TYPING_DEFAULTS } from '../lessons/typing';

/** Every action id with the arguments it takes: app commands and the kernel actions of every OS. */
export type ActionArgsMap = CommandArgs & ArgsOf<typeof DEBUGGER_COMMANDS> & KernelArgs;
export type ActionId = keyof ActionArgsMap;

/** `execute`'s arguments after the id: optional when the action needs none. */
export type ExecuteRest<K extends ActionId> = [ActionArgsMap[K]] extends [void]
  ? [args?: undefined, source?: ActionSource]
  : object extends ActionArgsMap[K]
    ? [args?: ActionArgsMap[K], source?: ActionSource]
    : [args: ActionArgsMap[K], source?: ActionSource];

/** One visualizer: its own store and its own door. Two on a page never share anything. */
export interface Visualizer {
  readonly store: StoreApi<VisualizerState>;
  /** The door, typed: an action id and its arguments; answers the kernel's status and events, or an error. */
  execute<K extends ActionId>(this: void, id: K, ...rest: ExecuteRest<K>): Outcome;
  /** The same door for callers whose input is not typed (a host page's message, a key): checked the same way. */
  run(this: void, id: string, args?: unknown, source?: ActionSource): Outcome;
  getState(this: void): VisualizerState;
  /** Hears every fault the door caught (an action that threw); returns the unsubscribe. */
  onFault(this: void, listener: (fault: Fault) => void): () => void;
}

/** An action that threw inside the door: which one, and its message (the door answered `ok: false`). */
export interface Fault {
  readonly id: string;
  readonly error: string;
}

export interface VisualizerOptions {
  /** The OS to start on (when no scenario is given). */
  readonly os?: Os;
  /** A scenario to load (an object or JSON text); it is validated, and a bad one leaves the empty session. */
  readonly scenario?: unknown;
  readonly theme?: Theme;
  readonly speed?: number;
  readonly instant?: boolean;
  readonly paletteOpen?: boolean;
  /** Commands of features this visualizer runs (the debugger reader: src/debugger/commands.ts), beside every visualizer's own. */
  readonly commands?: readonly CommandDef<unknown>[];
}

/** The state of a new visualizer, before any scenario. */
function initialState(o: VisualizerOptions = {}): VisualizerState {
  const os = o.os ?? DEFAULT_OS;
  return {
    os,
    ...emptySession(os),
    stash: {},
    playing: null,
    counter: 0,
    imported: null,
    animating: null,
    selection: null,
    highlight: [],
    hoverBase: null,
    theme: o.theme ?? 'light',
    speed: o.speed ?? 1,
    instant: o.instant ?? false,
    paletteOpen: o.paletteOpen ?? false,
    helpOpen: false,
    typing: TYPING_DEFAULTS,
    classroom: CLASSROOM_DEFAULTS,
  };
}

/**
 * A new visualizer on zustand's vanilla store (no React needed: tests and
 * host pages drive it directly). With `scenario`, that scenario is loaded
 * through the door; `loaded` says whether it went.
 */
export function createVisualizer(options: VisualizerOptions = {}): Visualizer & { readonly loaded: Outcome } {
  const store = createStore<VisualizerState>()(() => initialState(options));
  const faultListeners = new Set<(fault: Fault) => void>();
  // The door's registry: every visualizer's commands, the features this one runs, and what they do
  // when a person acts. Composed here, so the door and the store core import no feature.
  const registry: Registry = {
    find: (id, os) => findAction(id, os, options.commands),
    osOf: osOfAction,
    afterAct: branchAfterAct,
  };
  const run = (id: string, args?: unknown, source: ActionSource = 'button'): Outcome => {
    // A command that would make a world of an OS whose kernel has not loaded (src/kernel/os.ts): the
    // kernel loads, then the command runs. Callers that need its answer await `loadFor(args)` first.
    const waiting = notLoadedFor(args);
    if (waiting) {
      const name = kernelOf(waiting).vocabulary.name;
      loadOs(waiting).then(
        () => run(id, args, source),
        (e: unknown) =>
          faultListeners.forEach((l) =>
            l({
              id,
              error: `the ${name} kernel could not load (${e instanceof Error ? e.message : String(e)})`,
            }),
          ),
      );
      return { ok: false, error: `${id}: the ${name} kernel is loading; it runs once it has loaded` };
    }
    const { state, outcome } = transition(store.getState(), id, args, source, registry);
    if (state !== store.getState()) store.setState(state, true);
    if (!outcome.ok && outcome.fault) faultListeners.forEach((l) => l({ id, error: outcome.error }));
    return outcome;
  };
  const onFault = (listener: (fault: Fault) => void) => {
    faultListeners.add(listener);
    return () => void faultListeners.delete(listener);
  };
  const execute = <K extends ActionId>(id: K, ...rest: ExecuteRest<K>): Outcome =>
    run(String(id), rest[0], rest[1]);
  const loaded: Outcome =
    options.scenario === undefined
      ? { ok: true, events: [] }
      : run('loadScenario', { scenario: options.scenario }, 'scenario');
  return { store, execute, run, getState: store.getState, onFault, loaded };
}
