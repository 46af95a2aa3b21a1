import { words } from './text';

/**
 * Lines of `key value key value …` pairs, as `!devobj` prints
 * `Current Irp 00000000 RefCount 0 Type 00000004 Flags 00001000` and
 * `DevExt 80e205b0 DevObjExt 80e205b8 DevNode 80e203b8`. Keys are matched
 * without case; a missing value is undefined.
 */
export function pairs(text: string): Map<string, string> {
  const w = words(text);
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < w.length; i++) {
    const k = w[i]?.toLowerCase();
    const v = w[i + 1];
    if (k !== undefined && v !== undefined && !out.has(k)) out.set(k, v);
  }
  return out;
}

/** The words that follow `prefix` on a line that starts with it (ignoring case and indent), or undefined. */
export function after(text: string, prefix: string): string | undefined {
  const t = text.trimStart();
  return t.toLowerCase().startsWith(prefix.toLowerCase()) ? t.slice(prefix.length) : undefined;
}

/** `Name (0x00000800)  NAME_A, NAME_B`: the number in the parentheses and what follows. */
export function parenthesised(text: string, name: string): { value: string; rest: string } | undefined {
  const rest = after(text, name);
  if (rest === undefined) return undefined;
  const m = /^ *\(([^)]*)\)(.*)$/.exec(rest);
  return m ? { value: (m[1] ?? '').trim(), rest: m[2] ?? '' } : undefined;
}

/**
 * A continuation line of a wrapped flag list: indented, and only flag
 * names and commas, or `Unknown flags 0x…` (checked word by word: a single
 * regex with nested repetition would backtrack badly on a long junk line).
 */
export function isFlagContinuation(text: string): boolean {
  if (!text.startsWith('    ')) return false;
  const t = text.trim();
  if (/^Unknown flags 0x[0-9a-f]+$/i.test(t)) return true;
  const names = t.split(/[ ,]+/).filter((w) => w !== '');
  return names.length > 0 && names.every((w) => /^[A-Z][A-Z0-9_]*_[A-Z0-9_]*$/.test(w));
}

/**
 * Real lists of flag names or queued IRPs are short; a corrupt paste can
 * repeat a continuation line a million times. Past this, more is dropped,
 * so appending stays cheap.
 */
const MAX_LIST = 256;

/** Appends `items` to `list` in place (deduplicated when asked), up to MAX_LIST. */
export function append(list: string[], items: readonly string[], unique = false): string[] {
  for (const item of items) {
    if (list.length >= MAX_LIST) break;
    if (!unique || !list.includes(item)) list.push(item);
  }
  return list;
}
