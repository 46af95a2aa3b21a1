/**
 * Debugger Markup Language: WinDbg (and WinDbg Preview's copy) may keep
 * its markup in what is pasted — `<link cmd="!devobj ffff…">ffff…</link>`,
 * `<exec cmd="…">…</exec>`, `<col fg="emphfg">…</col>`, `<b>`, `<i>`, `<u>`
 * (debugger docs, "Debugger Markup Language Commands":
 * learn.microsoft.com/windows-hardware/drivers/debuggercmds/debugger-markup-language-commands).
 * Only those tags are removed, keeping the text they wrap; `<none>`,
 * `<snip>` and other angle-bracketed text a command or an author wrote stay.
 * Output copied from a web page's source or a Markdown file keeps its HTML
 * escapes (`1: kd&gt; !irp …`, `&gt;[IRP_MJ_WRITE(4), …]`, a real post's
 * copy): those five entities are decoded too. The debugger never prints
 * them itself, and an instance path's `&PID_0001` is no entity.
 */

const TAG = /<\/?(?:link|exec|altlink|col|b|i|u|rawtext)\b[^<>]*>/gi;
const ENTITY: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
};

/** The line without DML tags, its HTML entities decoded. */
export function stripDml(text: string): string {
  const bare = text.includes('<') ? text.replace(TAG, '') : text;
  if (!bare.includes('&')) return bare;
  return bare.replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => ENTITY[e] ?? e);
}
