import { builtInSource, isPacked, sourceOf, type ScenarioSource } from '../share/source';
import type { Outcome } from '../actions/types';
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

type Out = FrameMessage extends infer M ? (M extends unknown ? Omit<M, 'source'> : never) : never;

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
  const packed = typeof scenario === 'string' && isPacked(scenario.trim());
  return sourceOf(scenario, packed ? (await import('../share/link')).scenarioFromParam : builtInSource);
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
      return v.run(id, args, 'embed');
    }
    case 'setTheme':
      setTheme(m.theme);
      return { ok: true, events: [] };
    case 'getState':
      return { ok: true, events: [] };
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
    const target = (e.source as Window | null) ?? host;
    const answer = (m: Out) => {
      try {
        target.postMessage({ source: SOURCE, ...m }, e.origin);
      } catch {
        // An origin the browser cannot answer (an opaque "null"): there is no one to tell.
      }
    };
    try {
      await handle(e, answer);
    } catch (err) {
      // Never an uncaught exception: whatever went wrong is the host's answer.
      const text = err instanceof Error ? err.message : String(err);
      answer({ type: 'error', message: `the message could not be handled: ${text.slice(0, 200)}` });
    }
  };
  const handle = async (e: MessageEvent, answer: (m: Out) => void) => {
    if ((e.data as { source?: unknown } | null)?.source === SOURCE) return;
    const parsed = parseHostMessage(e.data);
    if (!parsed.ok) {
      const id = (e.data as { id?: unknown } | null)?.id;
      answer({
        type: 'error',
        message: parsed.error,
        ...((typeof id === 'string' && id.length <= MAX_ID) || typeof id === 'number' ? { id } : {}),
      });
      return;
    }
    const m = parsed.message;
    const out = await perform(v, m, link.setTheme);
    if (!out.ok)
      answer({
        type: 'error',
        message: `${m.type}: ${out.error}`,
        ...(m.id === undefined ? {} : { id: m.id }),
      });
    else if (m.type === 'getState') {
      const report = stateReport(v.getState());
      answer({ type: 'state', ...report });
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
