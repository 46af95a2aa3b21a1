import type { SessionContext } from './types';

/**
 * What a paste says of the session it came from, whichever command's
 * output the line is in (or none):
 * - `lkd>`: local kernel debugging of the running machine (debugger docs,
 *   "Performing Local Kernel Debugging"): commands see it at different moments;
 * - "Loading Dump File", "Kernel Bitmap Dump File", "Mini Kernel Dump File":
 *   the state at the crash;
 * - `module!DriverEntry+0x40:` (where the debugger stopped, as the `!drvobj`
 *   page's example shows after `bp DriverEntry`) or `Breakpoint 0 hit` on a
 *   DriverEntry: what follows was printed inside DriverEntry, until `g`.
 */
const LIVE = /^ *(?:\d{1,4}: ?)?lkd>/i;
const DUMP =
  /^ *(?:Loading Dump File|Kernel (?:Complete|Bitmap|Summary|Active Memory) Dump File|Mini Kernel Dump File|Kernel Summary Dump File)/i;
const STOPPED_IN_ENTRY = /^ *([A-Za-z0-9_]{1,64})!(?:Gs)?DriverEntry(?:\+0x[0-9a-f]+)?:$/i;

export function noteSession(context: SessionContext, text: string, line: number): void {
  if (context.live === undefined && text.includes('kd>') && LIVE.test(text)) context.live = { line };
  if (context.dump === undefined && /Dump/i.test(text) && DUMP.test(text)) context.dump = { line };
  if (!text.includes('DriverEntry')) return;
  const entry = STOPPED_IN_ENTRY.exec(text);
  if (entry) context.inDriverEntry = { line, ...(entry[1] ? { driver: entry[1] } : {}) };
}
