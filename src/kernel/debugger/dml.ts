/**
 * Debugger Markup Language: WinDbg (and WinDbg Preview's copy) may keep
 * its markup in what is pasted — `<link cmd="!devobj ffff…">ffff…</link>`,
 * `<exec cmd="…">…</exec>`, `<col fg="emphfg">…</col>`, `<b>`, `<i>`, `<u>`
 * (debugger docs, "Debugger Markup Language Commands":
 * learn.microsoft.com/windows-hardware/drivers/debuggercmds/debugger-markup-language-commands).
 * Only those tags are removed, keeping the text they wrap; `<none>`,
 * `<snip>` and other angle-bracketed text a command or an author wrote stay.
 */

const TAG = /<\/?(?:link|exec|altlink|col|b|i|u|rawtext)\b[^<>]*>/gi;
const ENTITY: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

/** The line without DML tags (and, where there were tags, with its entities decoded). */
export function stripDml(text: string): string {
  if (!text.includes('<')) return text;
  const bare = text.replace(TAG, '');
  if (bare === text) return text;
  return bare.replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => ENTITY[e] ?? e);
}
