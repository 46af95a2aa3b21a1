/**
 * What the debugger or an author puts inside a command's output that is
 * not part of it.
 *
 * Debugger messages printed in the middle of a row: kdexts prints the
 * object name last, and when it cannot read the name it prints why
 * instead — "InfoMask field not found for _OBJECT_HEADER at …", "Cannot
 * read info offset from nt!ObpInfoMaskToOffset" (Bug Check 0x9F's
 * `!devstack` example on learn.microsoft.com) — and the symbol loader may
 * break a row in two with "Unable to load image x.sys, Win32 error 0n2".
 * Those are cut off the row and reported; the row is read without them.
 *
 * Author elisions: a line of "...", "[...]", "<snip>", "<Output Snipped …>"
 * stands for lines the author left out. An output that stops early after
 * one was shortened on purpose, not cut off.
 */

const INLINE: readonly RegExp[] = [
  /InfoMask field not found for _OBJECT_HEADER at \S{1,32}/i,
  /Cannot read info offset from \S{1,64}/i,
  /Unable to load image [^,]{1,256}, Win32 error \S{1,16}/i,
  /Unable to read (?:_OBJECT_HEADER|ObjectHeader|object name)\S* (?:at )?\S*/i,
];

/** The line without the debugger messages inside it, and those messages (none: the line as it was). */
export function withoutInlineMessages(text: string): { text: string; messages: string[] } {
  const messages: string[] = [];
  // Most lines carry none: a cheap look first (a session has thousands of lines).
  if (!/InfoMask|Cannot read|Unable to/i.test(text)) return { text, messages };
  let t = text;
  for (const re of INLINE) {
    const m = re.exec(t);
    if (!m) continue;
    messages.push(m[0].trim());
    t = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  }
  return messages.length === 0 ? { text, messages } : { text: t.trimEnd(), messages };
}

const ELISION =
  /^(?:\.{3,}|…+|\[ *(?:\.{3}|…|snip(?:ped)?) *\]|\( *(?:\.{3}|…|snip(?:ped)?) *\)|<(?:snip(?:ped)?|\.{3})>|<Output Snipped[^>]*>|-+ *snip *-+|\[?(?:more )?(?:output|lines) (?:omitted|removed|snipped)[^\]]*\]?)$/i;

/** A line standing for lines the author left out. */
export function isElision(text: string): boolean {
  if (text.length > 80) return false;
  return ELISION.test(text.trim());
}
