import { decisiveEvent, describeEvent, isSuccess, type KernelEvent } from '../kernel/core';
import { scenarioFromParam, sourceOf, type ScenarioSource } from '../share/source';
import type { Outcome } from '../actions/types';
import { loadLessons } from '../lessons/catalogue';
import type { Visualizer } from '../store';
import { loadFor } from '../store/loadFor';
import { actionFaultText } from './faultText';
import { runHostRequest } from './hostRequests';
import type { Origins } from './params';
import {
  MAX_ID,
  PROTOCOL_VERSION,
  SOURCE,
  parseHostMessage,
  type ErrorReply,
  type FrameMessage,
  type HostMessage,
  type OkReply,
  type ThemeChoice,
} from './protocol';
import { stateReport, watchReports } from './report';

type Unsourced<M> = M extends unknown ? Omit<M, 'source'> : never;
export type Out = Unsourced<FrameMessage>;
/** The one answer every host message gets. */
export type Reply = OkReply | ErrorReply;

export interface HostLink {
  /** The page around the frame (`window.parent`). */
  readonly host: Window;
  /** The frame's own window, where messages arrive. */
  readonly self: Window;
  readonly origins: Origins;
  /** The host chose a theme (`auto`: the reader's system setting). */
  readonly setTheme: (theme: ThemeChoice) => void;
  /** Messages that arrived before the bridge listened (holdMessages in params.ts): answered after `ready`, in order. */
  readonly early?: readonly MessageEvent[];
  /** Parameters of the frame's address it could not use: in `ready`, and each as an `error` (`cause: "address"`). */
  readonly notices?: readonly string[];
  /** A page the frame does not allow (`origins=`) sent it a message: called once per origin, to say so. */
  readonly forbidden?: (origin: string) => void;
}

/**
 * A scenario as a host may give it: a built-in id, a packed one (`~1.…`,
 * whose unpacker loads only then), JSON text or an object.
 */
export async function scenarioSource(scenario: unknown): Promise<ScenarioSource> {
  const found = await sourceOf(scenario, scenarioFromParam);
  // Its OS's kernel, before the door makes a world of it.
  if (found.ok) await loadFor({ scenario: found.source });
  return found;
}

/** Runs `fn` as one change a host hears about (a `load` at a step is one state, not the latest first). */
export type Batch = <T>(fn: () => T) => T;
const unbatched: Batch = (fn) => fn();

const LOAD_NEEDS =
  'load: "scenario" is missing; give a built-in id like "windows-default", a lesson id, a packed "~1.…", JSON text or a scenario object';

/** One host message, through the visualizer's door (never evaluated: data in, a command out). */
export async function perform(
  v: Visualizer,
  m: HostMessage,
  setTheme: (t: ThemeChoice) => void,
  batch: Batch = unbatched,
): Promise<Outcome> {
  switch (m.type) {
    case 'load': {
      if (m.scenario === undefined) return { ok: false, error: LOAD_NEEDS };
      const found = await scenarioSource(m.scenario);
      if (!found.ok) return found;
      return batch(() => {
        const r = v.run('loadScenario', { scenario: found.source }, 'embed');
        return r.ok && m.step !== undefined ? runHostRequest(v, 'goto', { step: m.step }) : r;
      });
    }
    case 'goto':
    case 'step':
    case 'play':
    case 'pause':
      // The moves every host adapter shares: one table (hostRequests.ts).
      return runHostRequest(v, m.type, m as never);
    case 'dispatch': {
      const { do: id, ...args } = m.action;
      // A lesson's file loads on demand; the door itself is synchronous. A step with a question opens with it
      // asked, as the lesson's address does (issue 17), unless the host says `ask: false`.
      if (id === 'openLesson') {
        await loadLessons();
        return batch(() => v.run(id, { ask: true, ...args }, 'embed'));
      }
      // `loadScenario` takes what `load` takes: a built-in id or a packed one as well as a scenario.
      if (id === 'loadScenario' && typeof args.scenario === 'string') {
        const found = await scenarioSource(args.scenario);
        if (!found.ok) return { ok: false, error: `loadScenario: ${found.error}` };
        return v.run(id, { ...args, scenario: found.source }, 'embed');
      }
      await loadFor(args);
      return batch(() => v.run(id, args, 'embed'));
    }
    case 'setTheme':
      setTheme(m.theme);
      return { ok: true, events: [] };
    case 'getState':
      return { ok: true, events: [] };
  }
}

/** The step a move asked for, when it is not one the session has (the door clamps it). */
function askedStep(m: HostMessage, cursor: number): { asked: number; what: string } | undefined {
  if (m.type === 'goto') return { asked: m.step, what: `step ${m.step}` };
  if (m.type === 'load' && m.step !== undefined) return { asked: m.step, what: `step ${m.step}` };
  if (m.type === 'step') {
    const d = m.delta ?? 1;
    return { asked: cursor + d, what: `delta ${d} from step ${cursor}` };
  }
  if (m.type === 'dispatch') {
    const a = m.action;
    if ((a.do === 'goTo' || a.do === 'openLesson') && Number.isInteger(a.step)) {
      const step = a.step as number;
      return { asked: step, what: `step ${step}` };
    }
    if (a.do === 'stepBy') {
      const d = Number.isInteger(a.delta) ? (a.delta as number) : 1;
      return { asked: cursor + d, what: `delta ${d} from step ${cursor}` };
    }
  }
  return undefined;
}

/** Why the kernel refused a step, in its own words. */
function refusal(events: readonly KernelEvent[], status: string): string {
  const e = decisiveEvent(events) ?? events[0];
  if (!e) return `the kernel answered ${status}`;
  return e.type === 'refused' && e.reason ? e.reason : describeEvent(e);
}

/** Characters of an error answer: a scenario's problems are listed up to here. */
const MAX_ANSWER = 10_000;
const bounded = (text: string) => (text.length > MAX_ANSWER ? `${text.slice(0, MAX_ANSWER)}…` : text);

/** The `id` of what a host sent, when it is one a reply can repeat. */
function idOf(data: unknown): { id?: string | number } {
  try {
    const id = (data as { id?: unknown } | null)?.id;
    return (typeof id === 'string' && id.length <= MAX_ID) || (typeof id === 'number' && Number.isFinite(id))
      ? { id }
      : {};
  } catch {
    return {};
  }
}

/**
 * A host's message, checked, then performed through the door, and its one
 * reply: `ok` with the state it left (and a `note` when a step past either
 * end was clamped), or `error` with the reason — a message that does not
 * check or cannot be done (`cause: "message"`), or a kernel action the
 * kernel refused (`cause: "refused"`, with its status and reason; the
 * refused call is a step of the session, as when a reader clicks it).
 * Never rejects: whatever goes wrong is the answer.
 */
export async function respond(
  v: Visualizer,
  data: unknown,
  setTheme: (t: ThemeChoice) => void,
  batch: Batch = unbatched,
): Promise<Reply> {
  const id = idOf(data);
  try {
    const parsed = parseHostMessage(data);
    if (!parsed.ok) return { type: 'error', cause: 'message', message: parsed.error, ...id };
    const m = parsed.message;
    const to = { to: m.type, ...id };
    const before = v.getState();
    const out = await perform(v, m, setTheme, batch);
    if (!out.ok)
      return { type: 'error', cause: 'message', message: bounded(`${m.type}: ${out.error}`), ...to };
    const state = stateReport(v.getState());
    if (out.status !== undefined && !isSuccess(out.status)) {
      const reason = refusal(out.events, out.status);
      return {
        type: 'error',
        cause: 'refused',
        message: bounded(`${m.type === 'dispatch' ? m.action.do : m.type}: ${out.status}: ${reason}`),
        status: out.status,
        reason,
        state,
        ...to,
      };
    }
    const asked = askedStep(m, before.cursor);
    // A lesson opened at a question step shows the step before it, the question asked: that is the step asked for.
    const note =
      asked && asked.asked !== state.step && asked.asked !== state.question?.step
        ? `${asked.what} is not a step of this session (0 to ${state.steps}); showing step ${state.step}${
            state.question ? `, step ${state.question.step}’s question asked` : ''
          }`
        : undefined;
    return { type: 'ok', state, ...to, ...(note === undefined ? {} : { note }) };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return {
      type: 'error',
      cause: 'message',
      message: `the message could not be handled: ${text.slice(0, 200)}`,
      ...id,
    };
  }
}

/**
 * Connects a frame's visualizer to the page around it: host messages from
 * an allowed origin go through the door, one at a time and in order, each
 * answered once (`ok` or `error`, with its `id`); others are not answered,
 * but `forbidden` is told. `ready` once (then the messages that came
 * before it, answered), `state` after every change, `height` whenever
 * `postHeight` is told a new one.
 */
export function connectHost(
  v: Visualizer,
  link: HostLink,
): { postHeight(height: number): void; fault(message: string): void; dispose(): void } {
  const { host, self, origins } = link;
  const allowed = (origin: string) => origins.any || origins.list.includes(origin);
  // To the host, whichever allowed origin it has: the browser delivers only to the one that matches.
  const broadcast = (m: Out) => {
    const data = { source: SOURCE, ...m };
    for (const target of origins.any ? ['*'] : origins.list) host.postMessage(data, target);
  };

  // While a host's command runs, the states it passes through are one change: the last is sent.
  let holding = false;
  let pending: Out | undefined;
  const batch: Batch = (fn) => {
    holding = true;
    try {
      return fn();
    } finally {
      holding = false;
      if (pending) broadcast(pending);
      pending = undefined;
    }
  };

  const told = new Set<string>();
  const handle = async (e: MessageEvent) => {
    if (!allowed(e.origin)) {
      if (!told.has(e.origin)) {
        told.add(e.origin);
        link.forbidden?.(e.origin);
      }
      return;
    }
    const out = await respond(v, e.data, link.setTheme, batch);
    const target = (e.source as Window | null) ?? host;
    try {
      target.postMessage({ source: SOURCE, ...out }, e.origin);
    } catch {
      // An origin the browser cannot answer (an opaque "null"): there is no one to tell.
    }
  };
  // One at a time, in the order sent: a reply never overtakes the one before.
  let queue = Promise.resolve();
  const enqueue = (e: MessageEvent) => {
    // Our own messages (a frame inside this one) are not for us.
    if (e.source === self) return;
    queue = queue.then(() => handle(e));
  };
  self.addEventListener('message', enqueue);

  const unsubscribe = watchReports(v, (report) => {
    const m: Out = { type: 'state', ...report };
    if (holding) pending = m;
    else broadcast(m);
  });
  const notices = link.notices ?? [];
  broadcast({ type: 'ready', version: PROTOCOL_VERSION, notices, ...stateReport(v.getState()) });
  for (const message of notices) broadcast({ type: 'error', cause: 'address', message });
  for (const e of link.early ?? []) enqueue(e);
  // An action that threw inside the door (a bug, whoever ran it): the host hears it as it happens.
  const stopFaults = v.onFault((f) =>
    broadcast({ type: 'error', cause: 'fault', message: bounded(actionFaultText(f)) }),
  );

  let lastHeight = -1;
  return {
    postHeight(height) {
      const h = Math.ceil(height);
      if (h === lastHeight) return;
      lastHeight = h;
      broadcast({ type: 'height', height: h });
    },
    /** A part of the frame that could not be drawn (its own box says so in the frame). */
    fault(message) {
      broadcast({ type: 'error', cause: 'fault', message: bounded(message) });
    },
    dispose() {
      self.removeEventListener('message', enqueue);
      unsubscribe();
      stopFaults();
    },
  };
}
