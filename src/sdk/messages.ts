/**
 * The embed's control API as types and constants, with no code behind them:
 * what a host sends, what the frame answers and announces. The frame's
 * checker (src/embed/protocol.ts) and the SDK (src/sdk/index.ts) both take
 * them from here, so the two never drift. See docs/embed.md.
 */

/** Bumped only when a message changes meaning; `ready` carries it. */
export const PROTOCOL_VERSION = 1;
/** Marks every message the frame sends, so a host can tell them from other traffic. */
export const SOURCE = 'unload-lens';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemeChoice = (typeof THEMES)[number];

/** A host's name for one message, repeated in its reply: text (at most 200 characters) or a number. */
export type MessageId = string | number;

/** A scenario step or an app command, as a click would run it: `{ do: "closeHandle", handle: "h1" }`. */
export interface DispatchAction {
  readonly do: string;
  readonly [field: string]: unknown;
}

/** What a host may send; each may carry an `id`, and gets exactly one reply (`ok` or `error`). */
export type HostMessage = { readonly id?: MessageId } & (
  | {
      readonly type: 'load';
      /** A built-in id (`windows-default`, a lesson's id), a packed `~1.…`, JSON text or a scenario object. */
      readonly scenario?: unknown;
      /** The step to land on (0: before the first); the latest when absent. */
      readonly step?: number;
    }
  | { readonly type: 'goto'; readonly step: number }
  | { readonly type: 'step'; readonly delta?: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'dispatch'; readonly action: DispatchAction }
  | { readonly type: 'setTheme'; readonly theme: ThemeChoice }
  | { readonly type: 'getState' }
);

type HostMessageType = HostMessage['type'];

/** One driver's or module's line of the checklist. */
export interface ChecklistLine {
  readonly owner: string;
  readonly unloaded: boolean;
  /** The kernel's one-line summary. */
  readonly summary: string;
  /** Ids of the conditions not met (e.g. `noReferences`), as explainUnload names them. */
  readonly blocking: readonly string[];
}

/** Where the visualizer stands: sent after every change, and in every reply. */
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
  /**
   * In a lesson, the question asked now (predict, then reveal), or null: the step that asks it (one after
   * `step`), the question and its choices. Never its answer: the reveal (`dispatch` `next`, or `answer` with
   * a choice) shows the step, and the reply's state then has no question.
   */
  readonly question: AskedQuestion | null;
}

/** A lesson's question, asked: what a host shows its readers before the reveal. */
export interface AskedQuestion {
  readonly step: number;
  readonly question: string;
  readonly choices: readonly string[];
}

/** The answer to a message that was done: the state it left, and a note when the frame did it its own way (a step past the end, clamped). */
export interface OkReply {
  readonly type: 'ok';
  readonly id?: MessageId;
  /** The type of the message answered. */
  readonly to: HostMessageType;
  readonly state: StateReport;
  readonly note?: string;
}

/**
 * The answer to a message that could not be done, or that the kernel refused.
 * Also sent without `id`/`to` for what no message asked (a parameter of the
 * frame's address it could not use: `cause: "address"`).
 */
export interface ErrorReply {
  readonly type: 'error';
  readonly message: string;
  readonly id?: MessageId;
  /** The type of the message answered, when it had one. */
  readonly to?: HostMessageType;
  /** `message`: a message that does not check or cannot be done; `refused`: the kernel refused the action (a step was added); `address`: a parameter of the frame's address; `fault`: a part of the frame failed (no `id`: a bug, said as it happens; the rest keeps working). */
  readonly cause: 'message' | 'refused' | 'address' | 'fault';
  /** For `refused`: the kernel's status (e.g. `STATUS_INVALID_DEVICE_REQUEST`, `EBUSY`). */
  readonly status?: string;
  /** For `refused`: the kernel's reason in words. */
  readonly reason?: string;
  /** For `refused`: the state with the refused step shown. */
  readonly state?: StateReport;
}

/** What the frame sends: `ready` once, `state` after every change, `height`, and one reply to each host message. */
export type FrameMessage = { readonly source: typeof SOURCE } & (
  | ({
      readonly type: 'ready';
      readonly version: number;
      /** Parameters of the frame's address it could not use, in words (also sent as `error`s with `cause: "address"`). */
      readonly notices: readonly string[];
    } & StateReport)
  | ({ readonly type: 'state' } & StateReport)
  | { readonly type: 'height'; readonly height: number }
  | OkReply
  | ErrorReply
);
