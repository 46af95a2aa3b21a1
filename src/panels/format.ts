import { describeEvent, type Action, type KernelEvent, type ObjectRef } from '../kernel/core';
import type { HistoryEntry } from '../store';

/**
 * Pure formatting for the panels: words only, no decisions. What succeeded,
 * what was refused and why all come from the kernel's status and events.
 */

/** The fields of an action that name objects (or say which IRP), in the order a reader wants them. */
const NAME_FIELDS = [
  'driver',
  'module',
  'device',
  'attachTo',
  'to',
  'handle',
  'channel',
  'irp',
  'major',
  'minor',
  'registration',
  'reference',
] as const;

/** An action in one line: its `do` and its main names, e.g. "openHandle Beep h1". */
export function actionLabel(action: Action): string {
  const a = action as Record<string, unknown>;
  const parts: string[] = [action.do];
  for (const f of NAME_FIELDS) {
    const v = a[f];
    if (typeof v === 'string') parts.push(f === 'attachTo' || f === 'to' ? `→ ${v}` : v);
  }
  if (typeof a.seconds === 'number') parts.push(`+${a.seconds} s`);
  return parts.join(' ');
}

/** Every argument of an action, for a tooltip: "device=Beep handle=h1". */
export function actionArgs(action: Action): string {
  return Object.entries(action)
    .filter(([k]) => k !== 'do')
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' ');
}

/** A blocker as a button says it: "handle h1", "device ToastFilterDo". */
export function refLabel(ref: ObjectRef): string {
  return `${ref.kind} ${ref.name}`;
}

const sentences = new WeakMap<KernelEvent, string>();

/** describeEvent, cached per event (events are immutable), for filtering long logs fast. */
export function sentenceOf(e: KernelEvent): string {
  let s = sentences.get(e);
  if (s === undefined) {
    s = describeEvent(e);
    sentences.set(e, s);
  }
  return s;
}

/** One step of the log, ready to draw. `index` is its place in history (step number = index + 1). */
export interface LogRow {
  readonly index: number;
  readonly entry: HistoryEntry;
  /** The events to show: all of them, or those whose sentence matches the filter. */
  readonly events: readonly KernelEvent[];
}

/**
 * The log's rows for a text filter (case-insensitive). With no filter every
 * entry shows every event. With one, an entry shows when its action, status,
 * narration or an event sentence matches; a matching action shows all its
 * events, otherwise only the matching ones.
 */
export function logRows(entries: readonly HistoryEntry[], filter: string): LogRow[] {
  const q = filter.trim().toLowerCase();
  const out: LogRow[] = [];
  entries.forEach((entry, index) => {
    if (q === '') {
      out.push({ index, entry, events: entry.events });
      return;
    }
    const head = `${actionLabel(entry.action)} ${entry.status} ${entry.say ?? ''}`.toLowerCase();
    const events = entry.events.filter((e) => sentenceOf(e).toLowerCase().includes(q));
    if (head.includes(q)) out.push({ index, entry, events: entry.events });
    else if (events.length > 0) out.push({ index, entry, events });
  });
  return out;
}
