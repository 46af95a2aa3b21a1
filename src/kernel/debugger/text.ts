/**
 * The paste as lines, and the small pieces every command's output is made
 * of: addresses, hex numbers, quoted strings. Everything here is linear in
 * its input, so a huge or binary paste costs time in proportion to its size.
 */
import { count } from '../scenario/limits';

/** Characters and lines of a paste read (docs/limits.md); the rest is reported, not read. */
export const MAX_TEXT = 5_000_000;
export const MAX_LINES = 100_000;

/**
 * The part of a paste that is read: at most MAX_TEXT characters and
 * MAX_LINES lines, and why the rest was not (one pass; nothing is copied
 * but the part read). A real session's output is a few thousand lines;
 * a million lines of junk would take seconds for nothing.
 */
export function readablePart(text: string): { read: string; cut?: string } {
  let end = Math.min(text.length, MAX_TEXT);
  let cut =
    text.length > MAX_TEXT
      ? `the paste is ${count(text.length)} characters long; only the first ${count(MAX_TEXT)} were read`
      : undefined;
  let lines = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && !(c === 13 && text.charCodeAt(i + 1) !== 10)) continue;
    if (++lines < MAX_LINES) continue;
    if (i + 1 < text.length) {
      end = i;
      cut = `the paste has more than ${count(MAX_LINES)} lines; only the first ${count(MAX_LINES)} were read`;
    }
    break;
  }
  return end === text.length ? { read: text } : { read: text.slice(0, end), ...(cut ? { cut } : {}) };
}

/** No debugger line is this long; a longer one is read up to here (and reported). */
export const MAX_LINE = 4096;

export interface Line {
  /** 1-based, as an editor counts. */
  readonly n: number;
  /** Tabs as spaces, control characters dropped, trailing blanks trimmed, at most MAX_LINE characters. */
  readonly text: string;
  /** How long the line was before it was cut to MAX_LINE. */
  readonly length: number;
}

/**
 * Splits on CRLF, CR or LF. Tabs become spaces: WinDbg pads its columns with
 * either (the `!drvobj 2` dispatch table uses `\t`, per kdexts' format
 * strings). Other control characters and NULs (binary junk) are dropped.
 */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let n = 0;
  let start = 0;
  const len = text.length;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    n++;
    out.push(cleanLine(n, text.slice(start, Math.min(i, start + MAX_LINE)), i - start));
    if (c === 13 && i + 1 < len && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  // A paste that ends with a newline has no empty line after it.
  if (out.length > 1 && len > 0 && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

function cleanLine(n: number, raw: string, length: number): Line {
  let s = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 9 || c === 0xa0 || c === 0x3000) s += ' ';
    else if (c < 32 || c === 127 || (c >= 0x80 && c < 0xa0) || c === 0xfffd || c === 0xfeff) continue;
    else s += raw[i];
  }
  return { n, text: s.trimEnd(), length };
}

/** A printed pointer: 1–16 hex digits, with an optional `0x` and an optional backtick (`fffffa80`0c3e7b50`). */
const ADDRESS_RE = /^(?:0x)?([0-9a-f]{1,8})(?:`?([0-9a-f]{8}))?$/i;

/**
 * Normalises an address as the design fixes it: lowercase hex, no `0x`, no
 * backtick. Width is kept as printed (`00000000` stays eight digits), so
 * the same pointer printed twice by one debugger is the same string.
 */
export function normAddress(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const m = ADDRESS_RE.exec(token);
  if (!m) return undefined;
  return `${m[1] ?? ''}${m[2] ?? ''}`.toLowerCase();
}

/** An address that is all zeros: the debugger's NULL. */
function isNull(address: string): boolean {
  return /^0+$/.test(address);
}

/** Parses an address and answers `null` for a printed zero. */
export function pointer(token: string | undefined): string | null | undefined {
  const a = normAddress(token);
  if (a === undefined) return undefined;
  return isNull(a) ? null : a;
}

/** A hex number as printed (`00001040`, `0x308`). */
export function hexNumber(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const m = /^(?:0x)?([0-9a-f]{1,8})$/i.exec(token);
  return m?.[1] === undefined ? undefined : parseInt(m[1], 16);
}

/** A decimal count as printed (`RefCount 65`). */
export function decimal(token: string | undefined): number | undefined {
  if (token === undefined || !/^\d{1,9}$/.test(token)) return undefined;
  return parseInt(token, 10);
}

/** Whitespace-separated words (columns). */
export function words(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : t.split(/ +/);
}

/** The text between the first pair of double quotes, as `InstancePath is "…"` prints it. */
export function quoted(text: string): string | undefined {
  const a = text.indexOf('"');
  const b = text.lastIndexOf('"');
  return a >= 0 && b > a ? text.slice(a + 1, b) : undefined;
}

/** A short, one-line form of a line for a problem message. */
export function shown(text: string): string {
  const t = text.trim();
  return JSON.stringify(t.length > 72 ? `${t.slice(0, 72)}…` : t);
}

/** Comma- or space-separated symbolic flag names (`DOE_UNLOAD_PENDING, DOE_DELETE_PENDING`). */
export function flagNames(text: string): string[] {
  return text.split(/[ ,]+/).filter((w) => /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(w));
}

/**
 * A driver name and what follows it: `\Driver\X` or `\FileSystem\X`. The
 * name ends at a blank. Kept as printed, prefix and case included.
 */
export function driverToken(text: string): { name: string; index: number; end: number } | undefined {
  const m = /\\(?:Driver|FileSystem)\\[^\s\\]+/i.exec(text);
  return m ? { name: m[0], index: m.index, end: m.index + m[0].length } : undefined;
}
