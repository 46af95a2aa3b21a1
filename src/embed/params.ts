import { THEMES, type ThemeChoice } from '../sdk/messages';

export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type Controls = (typeof CONTROLS)[number];

/** Where a lesson's question is drawn: in the frame (default), or only reported to the host (`state.question`). */
export const QUESTIONS = ['frame', 'host'] as const;
export type Questions = (typeof QUESTIONS)[number];

/** Which origins may drive a frame: any (`*`), or a list. */
export type Origins = { readonly any: true } | { readonly any: false; readonly list: readonly string[] };

export interface EmbedParams {
  readonly theme: ThemeChoice;
  readonly controls: Controls;
  readonly questions: Questions;
  readonly autoplay: boolean;
  readonly speed: number | null;
  readonly origins: Origins;
  /** Parameters that were not understood, in words (the frame shows them to the page's author). */
  readonly notices: readonly string[];
}

const pick = <T extends string>(
  value: string | null,
  allowed: readonly T[],
  fallback: T,
  name: string,
  notices: string[],
): T => {
  if (value === null || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  notices.push(`${name}=${value.slice(0, 40)} is not one of ${allowed.join(', ')}; using ${fallback}.`);
  return fallback;
};

/** Reads `origins=` (space- or comma-separated origins, or `*`); the page's own origin when absent. */
function readOrigins(value: string | null, self: string, notices: string[]): Origins {
  if (value === null || value.trim() === '') return { any: false, list: [self] };
  const list: string[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    if (entry === '*') return { any: true };
    try {
      const u = new URL(entry);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http');
      list.push(u.origin);
    } catch {
      notices.push(
        `origins: "${entry.slice(0, 60)}" is not an origin like https://docs.example.com; it is ignored.`,
      );
    }
  }
  return { any: false, list: list.length > 0 ? list : [self] };
}

/** The embed page's parameters besides `scenario` and `step` (which the share module reads). */
export function readEmbedParams(params: URLSearchParams, selfOrigin: string): EmbedParams {
  const notices: string[] = [];
  const theme = pick(params.get('theme'), THEMES, 'auto', 'theme', notices);
  const controls = pick(params.get('controls'), CONTROLS, 'minimal', 'controls', notices);
  const questions = pick(params.get('questions'), QUESTIONS, 'frame', 'questions', notices);
  const auto = params.get('autoplay');
  const autoplay = auto === '1' || auto === 'true';
  if (auto !== null && !['0', '1', 'true', 'false', ''].includes(auto)) {
    notices.push(`autoplay=${auto.slice(0, 20)} is not 1 or 0; not playing.`);
  }
  let speed: number | null = null;
  const sp = params.get('speed');
  if (sp !== null && sp !== '') {
    const n = Number(sp);
    if (Number.isFinite(n) && n >= 0.25 && n <= 8) speed = n;
    else notices.push(`speed=${sp.slice(0, 20)} is not a number from 0.25 to 8; using 1.`);
  }
  return {
    theme,
    controls,
    questions,
    autoplay,
    speed,
    origins: readOrigins(params.get('origins'), selfOrigin, notices),
    notices,
  };
}

/** Whether `origin` may drive the frame and hear it. */
export function allows(origins: Origins, origin: string): boolean {
  return origins.any || origins.list.includes(origin);
}

/** Messages a host may send before `ready` and have kept (the rest are answered at once with an error). */
export const EARLY_LIMIT = 500;

/**
 * Keeps the messages that arrive before the control API listens (a host
 * that posts on the iframe's `load` event, before `ready`), so the bridge
 * answers them in order once it is there. Past `EARLY_LIMIT`, a message
 * from an allowed origin is answered at once with an error rather than kept.
 */
export function holdMessages(self: Window, origins: Origins): { take(): MessageEvent[] } {
  const kept: MessageEvent[] = [];
  const keep = (e: MessageEvent) => {
    if (e.source === self) return;
    if (kept.length < EARLY_LIMIT) {
      kept.push(e);
      return;
    }
    if (!allows(origins, e.origin) || !e.source) return;
    const id = (e.data as { id?: unknown } | null)?.id;
    try {
      (e.source as Window).postMessage(
        {
          source: 'unload-lens',
          type: 'error',
          cause: 'message',
          message: `more than ${EARLY_LIMIT} messages came before the frame was ready; this one was not done (wait for "ready")`,
          ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
        },
        e.origin,
      );
    } catch {
      // No one to tell.
    }
  };
  self.addEventListener('message', keep);
  return {
    take() {
      self.removeEventListener('message', keep);
      return kept.splice(0);
    },
  };
}

/**
 * The origin of the page around the frame, when the browser tells it
 * (`location.ancestorOrigins`, or the referrer), to say at once that it is
 * not allowed rather than wait for its first message.
 */
export function parentOrigin(win: Window): string | null {
  const a = win.location.ancestorOrigins?.[0];
  if (a && a !== 'null') return a;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** What a frame says when a page it does not allow tries to drive it, or frames it. */
export function notAllowed(origin: string, origins: Origins): string {
  const named = origins.any ? '' : ` (it allows ${origins.list.join(', ')})`;
  return `This frame does not answer the page at ${origin}${named}: add origins=${origin} to the frame's address to drive it and size it from that page.`;
}
