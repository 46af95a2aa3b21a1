import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import type { Line } from '../text';
import type { CommandKind, DebuggerUserHandle } from '../types';

/**
 * User-mode `!handle` (a `0:000>` prompt: the debugged process's own
 * handles; debugger docs, learn.microsoft.com/windows-hardware/drivers/debuggercmds/-handle,
 * "UMFlags": 1 type, 2 basic, 4 name, 8 object-specific):
 *
 *   Handle 0000000000000008                  (or "Handle 8")
 *     Type         File
 *     Attributes   0
 *     GrantedAccess 0x100020:
 *            Synch
 *            Execute/Traverse
 *     HandleCount  2
 *     PointerCount 65537
 *     Name         \Device\HarddiskVolume2\Windows
 *     No object specific information available
 *   377 Handles
 *   Type                     Count
 *   None                     26
 *   ALPC Port                9
 *
 * No process or object address is printed: the handles are the debugged
 * process's. A File handle named `\Device\X…` is open on device X.
 */

export const USER_HANDLE = /^ *Handle +(?:0x)?([0-9a-f]{1,16}) *$/i;
const FIELD = /^ *(Type|Attributes|GrantedAccess|HandleCount|PointerCount|Name)\b(?: +(.*))?$/i;
const SUMMARY = /^ *\d+ +Handles? *$/i;
const COUNT_HEAD = /^ *Type +Count *$/i;
const COUNT_ROW = /^ *\S.*? +\d+ *$/;
/** Access names under "GrantedAccess 0x…:", and object-specific lines ("Event Type Auto Reset", "Mutex is Free"). */
const INDENTED = /^ {2,}\S/;
/** Access names, as a copy that lost its indentation gives them: `Delete,ReadControl,WriteDac`. */
const ACCESS = /^ *[a-z][a-z/]*(?:,[a-z][a-z/]*)* *$/i;

export class UserHandleReader extends BaseReader {
  readonly kind: CommandKind = 'handle';
  private started = false;
  private handle?: DebuggerUserHandle;
  private counts = false;
  private access = false;

  feed(line: Line): Outcome {
    const t = line.text;
    if (headerOf(t) !== undefined) return END;
    const head = USER_HANDLE.exec(t);
    if (head) {
      if (!this.started) this.begin(line.n);
      this.started = true;
      this.counts = false;
      this.access = false;
      this.last = line.n;
      this.ctx.store.who.at = line.n;
      // Each handle is cited at its own "Handle …" line.
      this.handle = this.ctx.store.who.userHandle((head[1] ?? '').toLowerCase(), {
        line: line.n,
        command: this.kind,
      });
      return READ;
    }
    if (!this.started) return unread('"Handle (value)"');
    this.last = line.n;
    if (SUMMARY.test(t) || COUNT_HEAD.test(t)) {
      this.handle = undefined;
      this.counts = true;
      return SKIP;
    }
    if (this.counts && COUNT_ROW.test(t)) return SKIP;
    const f = FIELD.exec(t);
    const h = this.handle;
    if (f && h) {
      const key = (f[1] ?? '').toLowerCase();
      this.access = key === 'grantedaccess';
      const value = (f[2] ?? '').trim();
      if (key === 'type' && value !== '') h.type = value;
      if (key === 'handlecount' && /^\d+$/.test(value)) h.handleCount = Number(value);
      if (key === 'pointercount' && /^\d+$/.test(value)) h.pointerCount = Number(value);
      if (key === 'name' && value !== '' && value !== '<none>') {
        h.name = value;
        const dev = /^\\Device\\([^\\]+)/i.exec(value);
        if (dev?.[1]) h.deviceName = dev[1];
      }
      return READ;
    }
    if (h && this.access && ACCESS.test(t)) return SKIP;
    this.access = false;
    if (h && (/^ *(?:No )?object specific information/i.test(t) || INDENTED.test(t))) return SKIP;
    return unread(
      'a user-mode !handle line ("Handle (value)", "Type …", "GrantedAccess …", "Name …", "(n) Handles")',
    );
  }

  finish(): void {
    if (!this.started && !this.gaveUp)
      this.cutOff(this.ctx.start, '!handle printed nothing after its prompt');
  }
}
