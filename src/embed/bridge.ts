import { scenarioFromParam, sourceOf, type ScenarioSource } from '../share/source';
import type { Outcome } from '../actions/types';
import { loadLessons } from '../lessons/catalogue';
import type { Visualizer } from '../store';
import type { Origins } from './params';
import {
  MAX_ID,
  PROTOCOL_VERSION,
  SOURCE,
  parseHostMessage,
  type FrameMessage,
  type HostMessage,
  type ThemeChoice,
} from './protocol';
import { stateReport, watchReports } from './report';

export type Out = FrameMessage extends infer M ? (M extends unknown ? Omit<M, 'source'> : never) : never;

export interface HostLink {
  /** The page around the frame (`window.parent`). */
  readonly host: Window;
  /** The frame's own window, where messages arrive. */
  readonly self: Window;
  readonly origins: Origins;
  /** The host chose a theme (`auto`: the reader's system setting). */
  readonly setTheme: (theme: ThemeChoice) => void;
}

/**
 * A scenario as a host may give it: a built-in id, a packed one (`~1.…`,
 * whose unpacker loads only then), JSON text or an object.
 */
export async function scenarioSource(scenario: unknown): Promise<ScenarioSource> {
  return sourceOf(scenario, scenarioFromParam);
}

/** One host message, through the visualizer's door (never evaluated: data in, a command out). */
export async function perform(
  v: Visualizer,
  m: HostMessage,
  setTheme: (t: ThemeChoice) => void,
): Promise<Outcome> {
  switch (m.type) {
    case 'load': {
      const found = await scenarioSource(m.scenario);
      if (!found.ok) return found;
      const r = v.run('loadScenario', { scenario: found.source }, 'embed');
      return r.ok && m.step !== undefined ? v.run('goTo', { step: m.step }, 'embed') : r;
    }
    case 'goto':
      return v.run('goTo', { step: m.step }, 'embed');
    case 'step':
      return v.run('stepBy', { delta: m.delta ?? 1 }, 'embed');
    case 'play':
      return v.run('play', undefined, 'embed');
    case 'pause':
      return v.run('pause', undefined, 'embed');
    case 'dispatch': {
      const { do: id, ...args } = m.action;
      // A lesson's file loads on demand; the door itself is synchronous.
      if (id === 'openLesson') await loadLessons();
      return v.run(id, args, 'embed');
    }
    case 'setTheme':
      setTheme(m.theme);
      return { ok: true, events: [] };
    case 'getState':
      return { ok: true, events: [] };
  }
}

/** Characters of an error answer: a scenario's problems are listed up to here. */
const MAX_ANSWER = 10_000;
const bounded = (text: string) => (text.length > MAX_ANSWER ? `${text.slice(0, MAX_ANSWER)}…` : text);

/**
 * A host's message, checked, then performed through the door: the answer
 * to send back (`error`, or `state` for getState), or nothing when it went
 * through quietly. Never rejects: whatever goes wrong is the answer. Our
 * own messages (`source: "unload-lens"`) are ignored.
 */
export async function respond(
  v: Visualizer,
  data: unknown,
  setTheme: (t: ThemeChoice) => void,
): Promise<Out | undefined> {
  try {
    if ((data as { source?: unknown } | null)?.source === SOURCE) return undefined;
    const parsed = parseHostMessage(data);
    if (!parsed.ok) {
      const id = (data as { id?: unknown } | null)?.id;
      return {
        type: 'error',
        message: parsed.error,
        ...((typeof id === 'string' && id.length <= MAX_ID) || typeof id === 'number' ? { id } : {}),
      };
    }
    const m = parsed.message;
    const out = await perform(v, m, setTheme);
    const id = m.id === undefined ? {} : { id: m.id };
    if (!out.ok) return { type: 'error', message: bounded(`${m.type}: ${out.error}`), ...id };
    return m.type === 'getState' ? { type: 'state', ...stateReport(v.getState()) } : undefined;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { type: 'error', message: `the message could not be handled: ${text.slice(0, 200)}` };
  }
}

/**
 * Connects a frame's visualizer to the page around it: host messages from
 * an allowed origin go through the door (others are ignored, unanswered);
 * a message that does not check, or a command that fails, is answered with
 * `error`; `ready` once, then `state` after every change, and `height`
 * whenever `postHeight` is told a new one.
 */
export function connectHost(
  v: Visualizer,
  link: HostLink,
): { postHeight(height: number): void; dispose(): void } {
  const { host, self, origins } = link;
  const allowed = (origin: string) => origins.any || origins.list.includes(origin);
  // To the host, whichever allowed origin it has: the browser delivers only to the one that matches.
  const broadcast = (m: Out) => {
    const data = { source: SOURCE, ...m };
    for (const target of origins.any ? ['*'] : origins.list) host.postMessage(data, target);
  };

  const onMessage = async (e: MessageEvent) => {
    // Not from a page allowed to drive this frame, or our own kind: ignored, never answered.
    if (e.source === self || !allowed(e.origin)) return;
    const out = await respond(v, e.data, link.setTheme);
    if (!out) return;
    const target = (e.source as Window | null) ?? host;
    try {
      target.postMessage({ source: SOURCE, ...out }, e.origin);
    } catch {
      // An origin the browser cannot answer (an opaque "null"): there is no one to tell.
    }
  };
  const listener = (e: MessageEvent) => void onMessage(e);
  self.addEventListener('message', listener);

  const unsubscribe = watchReports(v, (report) => broadcast({ type: 'state', ...report }));
  broadcast({ type: 'ready', version: PROTOCOL_VERSION, ...stateReport(v.getState()) });

  let lastHeight = -1;
  return {
    postHeight(height) {
      const h = Math.ceil(height);
      if (h === lastHeight) return;
      lastHeight = h;
      broadcast({ type: 'height', height: h });
    },
    dispose() {
      self.removeEventListener('message', listener);
      unsubscribe();
    },
  };
}
