import {
  PROTOCOL_VERSION,
  SOURCE,
  type ErrorReply,
  type FrameMessage,
  type HostMessage,
  type MessageId,
  type StateReport,
  type ThemeChoice,
} from './messages';
// Types only: erased from the SDK's few hundred bytes of code.
import type { ActionArgs, ActionId, ScenarioInput } from '../lib/types';

export type { ActionArgs, ActionId, ScenarioInput } from '../lib/types';
export type {
  AskedQuestion,
  ChecklistLine,
  DispatchAction,
  ErrorReply,
  FrameMessage,
  HostMessage,
  MessageId,
  OkReply,
  StateReport,
  ThemeChoice,
} from './messages';

/**
 * A promise API for an Unload Lens frame (`embed.html`), on its postMessage
 * control API (docs/embed.md): each call sends one message with an `id` and
 * settles with its one reply. No dependency, no code of the visualizer.
 *
 * ```js
 * const lens = connect(document.querySelector('iframe'));
 * await lens.ready;
 * const s = await lens.goto(3); // s.step, s.status, s.checklist
 * lens.on('state', (s) => console.log(s.step));
 * ```
 */

export interface ConnectOptions {
  /** The frame's origin (where `embed.html` is served); by default that of the frame's `src`. */
  readonly origin?: string;
  /** Milliseconds to wait for `ready` and for each reply before failing with a `timeout` error; 10 000 by default. */
  readonly timeout?: number;
  /** Sizes the frame to the height its content needs (`height` messages); true by default. */
  readonly autosize?: boolean;
}

/** Where the visualizer stands after a call, with `note` when it did the call its own way (a step past either end: clamped). */
export type Result = StateReport & { readonly note?: string };

/** What `ready` gives: the state, the protocol's version and what the frame's address asked that it could not do. */
export type Ready = StateReport & { readonly version: number; readonly notices: readonly string[] };

/** Why a call failed: the frame's `error` reply (`message`, `refused`, `address`), or no answer (`timeout`), or `destroy()` (`destroyed`). */
export class LensError extends Error {
  override readonly name = 'LensError';
  constructor(
    message: string,
    /** The reply's `cause`, or `timeout`, or `destroyed`. */
    readonly kind: ErrorReply['cause'] | 'timeout' | 'destroyed',
    /** The reply, when the frame sent one: `status`, `reason`, `state` of a refused kernel action. */
    readonly reply?: Omit<ErrorReply, 'source'>,
  ) {
    super(message);
  }
  get status(): string | undefined {
    return this.reply?.status;
  }
  get state(): StateReport | undefined {
    return this.reply?.state;
  }
}

interface Events {
  state: StateReport;
  height: number;
  /** Errors no call of this connection asked for: a parameter of the frame's address it could not use, another host's message. */
  error: LensError;
}

/** An object the visualizer can select: a graph id like `"driver:Beep"`, `{ kind, name }`, or null to clear. */
export type Selectable = string | { readonly kind: string; readonly name: string } | null;

export interface Lens {
  /** Settles when the frame listens (at once if it already does), with its state. */
  readonly ready: Promise<Ready>;
  /** The last state heard, or null before any. */
  readonly state: StateReport | null;
  goto(step: number): Promise<Result>;
  step(delta?: number): Promise<Result>;
  play(): Promise<Result>;
  pause(): Promise<Result>;
  /** A built-in id (`"svr5-default"`, a lesson's id), a packed `"~1.…"`, JSON text or a scenario object; at `step`, or the latest. */
  load(scenario: ScenarioInput, step?: number): Promise<Result>;
  /**
   * Any action of the scenario format or app command, as a click would: `dispatch("closeHandle", { handle: "h1" })`.
   * Typed: an unknown id, or an action's missing or wrong arguments, fail to compile (plain JS is checked by the frame).
   */
  dispatch<K extends ActionId>(action: K, ...args: ActionArgs<K>): Promise<Result>;
  select(object: Selectable): Promise<Result>;
  /**
   * Opens a built-in lesson by id (e.g. `"leaked-handle"`) at `step` (0 by default). A step with a
   * question opens with it asked, as the lesson's address does (the step before it shown, `state.question`
   * set; `dispatch("next")` reveals it); `{ ask: false }` shows the step itself, answered.
   */
  openLesson(id: string, step?: number, options?: { readonly ask?: boolean }): Promise<Result>;
  setTheme(theme: ThemeChoice): Promise<Result>;
  getState(): Promise<Result>;
  /** Listens; returns the function that stops listening. */
  on<K extends keyof Events>(event: K, listener: (value: Events[K]) => void): () => void;
  /** Stops listening to the frame; calls waiting for a reply fail with `destroyed`. */
  destroy(): void;
}

type Send = HostMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

const toRef = (o: Selectable) => {
  if (typeof o !== 'string') return o;
  const at = o.indexOf(':');
  return { kind: o.slice(0, at), name: o.slice(at + 1) };
};

/** Connects to an Unload Lens frame on this page. */
export function connect(frame: HTMLIFrameElement, options: ConnectOptions = {}): Lens {
  const page = frame.ownerDocument.defaultView ?? window;
  const origin = options.origin ?? new URL(frame.src, page.location.href).origin;
  const wait = options.timeout ?? 10_000;
  const prefix = `lens-${Math.random().toString(36).slice(2, 8)}-`;
  let count = 0;
  let live = true;
  let state: StateReport | null = null;
  const pending = new Map<MessageId, { ok(r: Result): void; fail(e: LensError): void; timer: number }>();
  const listeners: { [K in keyof Events]: Set<(v: Events[K]) => void> } = {
    state: new Set(),
    height: new Set(),
    error: new Set(),
  };
  const emit = <K extends keyof Events>(k: K, v: Events[K]) => {
    for (const l of listeners[k]) l(v);
  };
  const noAnswer = (what: string) =>
    new LensError(
      `Unload Lens at ${origin} did not answer ${what} within ${wait} ms: check the frame's src, and that its origins= names this page (${page.location.origin})`,
      'timeout',
    );

  let isReady = false;
  let becomeReady!: (r: Ready) => void;
  const ready = new Promise<Ready>((resolve, reject) => {
    becomeReady = (r) => {
      isReady = true;
      resolve(r);
      // What was asked before the frame listened goes now (a frame still loading drops messages).
      for (const f of queued.splice(0)) f();
    };
    page.setTimeout(() => {
      if (!isReady && live) reject(noAnswer('"ready"'));
    }, wait);
  });
  // Awaiting it is up to the caller; an unawaited timeout is not an unhandled rejection.
  ready.catch(() => undefined);
  const queued: (() => void)[] = [];

  const post = (m: HostMessage) => frame.contentWindow?.postMessage(m, origin);
  const request = (m: Send): Promise<Result> =>
    new Promise((ok, fail) => {
      if (!live) return fail(new LensError('this connection was destroyed', 'destroyed'));
      const id = prefix + String(++count);
      const timer = page.setTimeout(() => {
        pending.delete(id);
        fail(noAnswer(`"${m.type}"`));
      }, wait);
      pending.set(id, { ok, fail, timer });
      const send = () => post({ ...m, id });
      if (isReady) send();
      else queued.push(send);
    });

  // A frame that was ready before we connected answers this; one still loading, the `load` event's.
  const probe = () => {
    if (isReady || !live) return;
    const id = `${prefix}ready`;
    pending.set(id, {
      ok: (r) => {
        if (!isReady) becomeReady({ ...r, version: PROTOCOL_VERSION, notices: [] });
      },
      fail: () => undefined,
      timer: 0,
    });
    post({ type: 'getState', id });
  };
  frame.addEventListener('load', probe);

  const onMessage = (e: MessageEvent) => {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    const m = e.data as FrameMessage | null;
    if (!m || m.source !== SOURCE) return;
    if (m.type === 'ready') {
      state = m;
      if (!isReady) becomeReady(m);
    } else if (m.type === 'state') {
      state = m;
      emit('state', m);
    } else if (m.type === 'height') {
      if (options.autosize !== false) frame.style.height = `${m.height}px`;
      emit('height', m.height);
    } else {
      const id = m.id;
      const waiting = id === undefined ? undefined : pending.get(id);
      if (id === undefined || !waiting) {
        if (m.type === 'error') emit('error', new LensError(m.message, m.cause, m));
        return;
      }
      pending.delete(id);
      page.clearTimeout(waiting.timer);
      if (m.type === 'ok') {
        state = m.state;
        waiting.ok(m.note === undefined ? m.state : { ...m.state, note: m.note });
      } else waiting.fail(new LensError(m.message, m.cause, m));
    }
  };
  page.addEventListener('message', onMessage);
  probe();

  return {
    ready,
    get state() {
      return state;
    },
    goto: (step) => request({ type: 'goto', step }),
    step: (delta = 1) => request({ type: 'step', delta }),
    play: () => request({ type: 'play' }),
    pause: () => request({ type: 'pause' }),
    load: (scenario, step) =>
      request(step === undefined ? { type: 'load', scenario } : { type: 'load', scenario, step }),
    dispatch: (action, ...args) => request({ type: 'dispatch', action: { ...(args[0] ?? {}), do: action } }),
    select: (object) => request({ type: 'dispatch', action: { do: 'select', ref: toRef(object) } }),
    openLesson: (id, step = 0, options = {}) =>
      request({
        type: 'dispatch',
        action: { do: 'openLesson', id, step, ...(options.ask === undefined ? {} : { ask: options.ask }) },
      }),
    setTheme: (theme) => request({ type: 'setTheme', theme }),
    getState: () => request({ type: 'getState' }),
    on(event, listener) {
      listeners[event].add(listener);
      return () => void listeners[event].delete(listener);
    },
    destroy() {
      live = false;
      page.removeEventListener('message', onMessage);
      frame.removeEventListener('load', probe);
      for (const [, w] of pending) {
        page.clearTimeout(w.timer);
        w.fail(new LensError('this connection was destroyed', 'destroyed'));
      }
      pending.clear();
    },
  };
}
