import * as z from 'zod/mini';

/**
 * The embed's control API over postMessage: plain objects `{ type, … }`,
 * validated with the same schema library as scenarios (zod/mini). Nothing a
 * host sends is ever evaluated: a message is data, checked, then turned into
 * a command through the visualizer's one door. See docs/embed.md.
 */

import { THEMES, type HostMessage } from '../sdk/messages';

// The messages' types live with the SDK (no code behind them), so frame and host share one definition.
export { PROTOCOL_VERSION, SOURCE, THEMES } from '../sdk/messages';
export type {
  AskedQuestion,
  ChecklistLine,
  ErrorReply,
  FrameMessage,
  HostMessage,
  OkReply,
  StateReport,
  ThemeChoice,
} from '../sdk/messages';

const show = (v: unknown) =>
  typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : v === undefined ? 'nothing' : typeof v;
/** Characters of a message's `id` (it is sent back with the answer), and unknown keys an error names. */
export const MAX_ID = 200;
const MAX_KEYS_SHOWN = 8;
const MAX_ISSUES = 8;
const id = z.optional(
  z.union(
    [z.string().check(z.maxLength(MAX_ID, { error: `id: at most ${MAX_ID} characters` })), z.number()],
    {
      error: `id: expected text (at most ${MAX_ID} characters) or a number, to match the answer`,
    },
  ),
);
/** Unknown keys as an error names them: a few, each cut short. */
const keysShown = (keys: readonly string[]) =>
  keys
    .slice(0, MAX_KEYS_SHOWN)
    .map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k))
    .join(', ') + (keys.length > MAX_KEYS_SHOWN ? ` and ${keys.length - MAX_KEYS_SHOWN} more` : '');
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
          ? `"${type}" takes ${['type', 'id', ...Object.keys(shape)].join(', ')}; unknown: ${keysShown(iss.keys)}`
          : `a "${type}" message is an object`,
    },
  );

const ACTION_NAME = 'action.do: expected the name of an action, like "closeHandle"';

/** What a host may send. */
const HOST_MESSAGE = z.discriminatedUnion(
  'type',
  [
    message('load', { scenario: z.optional(z.unknown()), step: z.optional(wholeNumber('step')) }),
    message('goto', { step: wholeNumber('step') }),
    message('step', { delta: z.optional(wholeNumber('delta')) }),
    message('play', {}),
    message('pause', {}),
    message('dispatch', {
      action: z.looseObject(
        {
          do: z.string({ error: ACTION_NAME }).check(z.maxLength(64, { error: ACTION_NAME })),
        },
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

// The schema checks exactly the messages the shared types describe (a compile error when they drift).
const _sameAsShared: (m: z.infer<typeof HOST_MESSAGE>) => HostMessage = (m) => m;
void _sameAsShared;

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
  try {
    const action = (data as { action?: unknown }).action;
    // A `__proto__` field would become the prototype of the checked copy (zod assigns unknown keys), not a field.
    if (typeof action === 'object' && action !== null && Object.hasOwn(action, '__proto__')) {
      return { ok: false, error: 'action: "__proto__" is not a field of any action' };
    }
    const r = HOST_MESSAGE.safeParse(data);
    if (r.success) return { ok: true, message: r.data };
    const issues = r.error.issues;
    const more = issues.length > MAX_ISSUES ? `; and ${issues.length - MAX_ISSUES} more problems` : '';
    return {
      ok: false,
      error: issues
        .slice(0, MAX_ISSUES)
        .map((i) => i.message)
        .join('; ')
        .concat(more),
    };
  } catch (e) {
    // Only an object made in this page can throw while read (a getter); a posted message is plain data.
    const text = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `the message could not be read: ${text.slice(0, 200)}` };
  }
}
