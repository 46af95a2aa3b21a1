import * as z from 'zod/mini';

/**
 * The embed's control API over postMessage: plain objects `{ type, … }`,
 * validated with the same schema library as scenarios (zod/mini). Nothing a
 * host sends is ever evaluated: a message is data, checked, then turned into
 * a command through the visualizer's one door. See docs/embed.md.
 */

/** Bumped only when a message changes meaning; `ready` carries it. */
export const PROTOCOL_VERSION = 1;
/** Marks every message the frame sends, so a host can tell them from other traffic. */
export const SOURCE = 'unload-lens';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const show = (v: unknown) =>
  typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : v === undefined ? 'nothing' : typeof v;
const id = z.optional(
  z.union([z.string(), z.number()], { error: 'id: expected text or a number, to match the answer' }),
);
const wholeNumber = (what: string) =>
  z
    .number({ error: (iss) => `${what}: expected a whole number, got ${show(iss.input)}` })
    .check(z.int({ error: `${what}: expected a whole number` }));

const message = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject(
    { type: z.literal(type), id, ...shape },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `"${type}" takes ${['type', 'id', ...Object.keys(shape)].join(', ')}; unknown: ${iss.keys.join(', ')}`
          : `a "${type}" message is an object`,
    },
  );

/** What a host may send. */
export const HOST_MESSAGE = z.discriminatedUnion(
  'type',
  [
    message('load', { scenario: z.unknown(), step: z.optional(wholeNumber('step')) }),
    message('goto', { step: wholeNumber('step') }),
    message('step', { delta: z.optional(wholeNumber('delta')) }),
    message('play', {}),
    message('pause', {}),
    message('dispatch', {
      action: z.looseObject(
        { do: z.string({ error: 'action.do: expected the name of an action, like "closeHandle"' }) },
        { error: 'action: expected a scenario step, like { "do": "closeHandle", "handle": "h1" }' },
      ),
    }),
    message('setTheme', {
      theme: z.enum(THEMES, {
        error: (iss) => `theme: expected "light", "dark" or "auto", got ${show(iss.input)}`,
      }),
    }),
    message('getState', {}),
  ],
  {
    error: (iss) => {
      const type = (iss.input as { type?: unknown } | null)?.type;
      return `unknown message type ${show(type)}; expected one of load, goto, step, play, pause, dispatch, setTheme, getState`;
    },
  },
);

export type HostMessage = z.infer<typeof HOST_MESSAGE>;

/** Checks a host's message; the problems in words when it is not one. */
export function parseHostMessage(
  data: unknown,
): { ok: true; message: HostMessage } | { ok: false; error: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      error: `expected a message object like { "type": "goto", "step": 3 }, got ${show(data)}`,
    };
  }
  const r = HOST_MESSAGE.safeParse(data);
  if (r.success) return { ok: true, message: r.data };
  return { ok: false, error: r.error.issues.map((i) => i.message).join('; ') };
}

/** One driver's or module's line of the checklist. */
export interface ChecklistLine {
  readonly owner: string;
  readonly unloaded: boolean;
  /** The kernel's one-line summary. */
  readonly summary: string;
  /** Ids of the conditions not met (e.g. `noReferences`), as explainUnload names them. */
  readonly blocking: readonly string[];
}

/** What the frame reports after every change. */
export interface StateReport {
  readonly os: string;
  readonly title: string;
  /** The step as the app shows it: 3 in "step 3 / 9"; 0 before the first. */
  readonly step: number;
  readonly steps: number;
  /** The current step's status (an NTSTATUS name, or 0 / an errno name), null before the first step. */
  readonly status: string | null;
  readonly playing: boolean;
  readonly theme: 'light' | 'dark';
  readonly checklist: readonly ChecklistLine[];
}

/** What the frame sends. */
export type FrameMessage = { readonly source: typeof SOURCE } & (
  | ({ readonly type: 'ready'; readonly version: number } & StateReport)
  | ({ readonly type: 'state' } & StateReport)
  | { readonly type: 'height'; readonly height: number }
  | { readonly type: 'error'; readonly message: string; readonly id?: string | number }
);
