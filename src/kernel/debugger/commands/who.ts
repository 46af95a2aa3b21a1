import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { normAddress, pointer, words, type Line } from '../text';
import type { CommandKind, DebuggerHandle } from '../types';

/**
 * Who holds what: `!process`, `!handle`, `!devhandles` and `!thread`
 * (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-process,
 * -handle, -devhandles, -thread). They print the same few blocks, so one
 * reader reads them all:
 *
 *   **** NT ACTIVE PROCESS DUMP ****                          !process 0 0
 *   PROCESS <eprocess>  SessionId: 0  Cid: 068c    Peb: …  ParentCid: 0598
 *       DirBase: …  ObjectTable: …  HandleCount: 147.        (x64: SessionId… on its own line)
 *       Image: vmtoolsd.exe
 *   Checking handle table for process 0x<eprocess>            !devhandles <device>
 *   [Kernel] [New version of] handle table at <addr> with <n> entries in use
 *   01b8: Object: <object>  GrantedAccess: 00120089 [(Protected)] [(Inherit)] Entry: <addr>
 *   Object: <object>  Type: (<addr>) File
 *       ObjectHeader: <addr> (old version)
 *           HandleCount: 1  PointerCount: 1
 *           Directory Object: 00000000  Name: \path {HarddiskVolume1}
 *   0000: free handle, Entry address <addr>, Next Entry <addr>
 *   THREAD <ethread>  Cid 0e34.3814  Teb: …  Win32Thread: … RUNNING on processor 0
 *   Owning Process            <eprocess>       Image:         MsMpEng.exe
 *   IRP List:
 *       <irp>: (0006,0118) Flags: 00060000  Mdl: 00000000
 *
 * `!devhandles` prints a handle's PROCESS block before each handle it
 * found on the device; the handle is on that device. A file handle's name
 * ends with `{Device}`, the name of the device it is open on.
 * Every other line of a detailed `!process` or `!thread` (times, wait
 * states, stacks) is known and skipped.
 */

const WHO: ReadonlySet<CommandKind> = new Set(['devhandles', 'handle', 'process', 'thread', 'object']);

const ADDR = '((?:0x)?[0-9a-f`]{8,17})';
const PROCESS = new RegExp(`^ *PROCESS +${ADDR}\\b(.*)$`, 'i');
const CHECKING = new RegExp(`^ *Checking handle table for process +${ADDR}`, 'i');
const TABLE = /^ *(Kernel )?(?:New version of )?handle table at +\S+ +with +\d+ +entries in use/i;
const ENTRY = new RegExp(`^ *([0-9a-f]{1,16}): +Object: +${ADDR} +GrantedAccess: +[0-9a-f]+`, 'i');
const OBJECT = new RegExp(`^ *Object: +${ADDR} +Type: +\\([^)]*\\) *(\\S*)`, 'i');
const THREAD = new RegExp(`^ *THREAD +${ADDR} +Cid +([0-9a-f]+)\\.([0-9a-f]+)`, 'i');
const OWNER = new RegExp(`^ *Owning Process +${ADDR}(?: +Image: +(\\S.*))?$`, 'i');
const IRP_LIST_ENTRY = new RegExp(`^ *${ADDR}: +\\(`, 'i');

export class WhoReader extends BaseReader {
  readonly kind: CommandKind;
  private started = false;
  private process?: string;
  private kernelTable = false;
  /** The handle whose object block is being read. */
  private handle?: DebuggerHandle;
  private objectOf?: string;
  private thread?: string;
  private irpList = false;
  private readonly device?: string;

  constructor(ctx: ConstructorParameters<typeof BaseReader>[0], kind: CommandKind) {
    super(ctx);
    this.kind = kind;
    this.device = kind === 'devhandles' ? normAddress(ctx.argument) : undefined;
  }

  feed(line: Line): Outcome {
    const t = line.text;
    const h = headerOf(t);
    if (h !== undefined && !WHO.has(h)) return END;
    // A bare "Object: … Type:" outside a handle entry is !object's, not ours.
    if (h === 'object' && this.handle === undefined) return this.started ? END : unread(this.expected());
    if (!this.started) this.begin(line.n);
    this.started = true;
    this.last = line.n;
    const who = this.ctx.store.who;
    who.at = line.n;
    const src = this.src;

    const proc = PROCESS.exec(t);
    if (proc) {
      this.endBlock();
      this.process = pointer(proc[1]) ?? undefined;
      if (this.process) who.process(this.process, src, cids(proc[2] ?? ''));
      return this.process ? READ : unread('"PROCESS (addr) …"');
    }
    const checking = CHECKING.exec(t);
    if (checking) {
      this.endBlock();
      this.process = pointer(checking[1]) ?? undefined;
      this.kernelTable = false;
      if (this.process) who.process(this.process, src);
      return READ;
    }
    const table = TABLE.exec(t);
    if (table) {
      this.kernelTable = table[1] !== undefined;
      return SKIP;
    }
    if (/^ *(?:\*{2,} NT ACTIVE PROCESS DUMP \*{2,}|processor number \d+(?:, process \S+)?)$/i.test(t))
      return SKIP;
    if (/^ *SessionId: /i.test(t) && this.process) {
      who.process(this.process, src, cids(t));
      return READ;
    }
    const image = /^ *Image: +(\S.*)$/i.exec(t);
    if (image && this.process && this.thread === undefined) {
      who.process(this.process, src, { image: (image[1] ?? '').trim() });
      return READ;
    }
    const entry = ENTRY.exec(t);
    if (entry) return this.entry(entry[1] ?? '', entry[2]);
    if (/^ *[0-9a-f]{1,16}: +free handle/i.test(t)) return SKIP;
    if (/^ *(?:\((?:Protected|Inherit|Audit)\) *)*Entry: +\S+$/i.test(t)) return SKIP;
    const obj = OBJECT.exec(t);
    if (obj && this.handle) {
      this.objectOf = pointer(obj[1]) ?? undefined;
      if (this.objectOf === this.handle.object && obj[2]) this.handle.type = obj[2];
      return READ;
    }
    if (this.handle && this.objectOf === this.handle.object) {
      const o = this.objectLine(t);
      if (o) return o;
    }
    const thread = THREAD.exec(t);
    if (thread) {
      this.endBlock();
      this.thread = pointer(thread[1]) ?? undefined;
      this.irpList = false;
      if (this.thread)
        who.thread(this.thread, src, {
          pid: thread[2],
          tid: thread[3],
          ...(this.kind === 'process' && this.process ? { process: this.process } : {}),
        });
      return READ;
    }
    const owner = OWNER.exec(t);
    if (owner && this.thread) {
      const p = pointer(owner[1]) ?? undefined;
      const img = owner[2]?.trim();
      const th = who.thread(this.thread, src, { process: p, image: img });
      if (p) who.process(p, src, { image: img, pid: th?.pid });
      return READ;
    }
    if (/^ *IRP List:/i.test(t)) {
      this.irpList = true;
      return SKIP;
    }
    const irp = IRP_LIST_ENTRY.exec(t);
    if (irp && this.irpList && this.thread) {
      const a = pointer(irp[1]);
      const th = who.threads.get(this.thread);
      if (a && th && !th.irps.includes(a) && th.irps.length < 256) th.irps.push(a);
      return READ;
    }
    this.irpList = false;
    // A detailed !process or !thread prints times, waits and stacks: known, and nothing kept.
    if (this.kind === 'process' || this.kind === 'thread') return SKIP;
    if (/^ *(DirBase|VadRoot|DeviceMap|Token|ElapsedTime|UserTime|KernelTime|Not impersonating)\b/i.test(t))
      return SKIP;
    return unread(this.expected());
  }

  private entry(value: string, object: string | undefined): Outcome {
    this.endBlock();
    const o = pointer(object);
    if (!o) return unread('"(handle): Object: (addr)  GrantedAccess: (mask)"');
    const h = this.ctx.store.who.handle(
      {
        handle: value.toLowerCase(),
        object: o,
        ...(this.process ? { process: this.process } : {}),
        ...(this.kernelTable ? { kernel: true } : {}),
        ...(this.device ? { device: this.device } : {}),
      },
      this.src,
    );
    this.handle = h;
    this.objectOf = undefined;
    return READ;
  }

  /** A line of the object block under a handle entry. */
  private objectLine(t: string): Outcome | undefined {
    const h = this.handle;
    if (!h) return undefined;
    if (/^ *ObjectHeader: /i.test(t) || /^ *HandleCount: +\d+ +PointerCount: +\d+/i.test(t)) return SKIP;
    const named = /^ *Directory Object: +\S+ +Name: +(.*)$/i.exec(t);
    const more = named ? undefined : /^ {8,}(\S.*\{[^{}]+\})$/.exec(t);
    const text = named?.[1] ?? (more && h.name !== undefined ? more[1] : undefined);
    if (text === undefined) return undefined;
    const dev = /\{([^{}]+)\} *$/.exec(text);
    const name = (dev ? text.slice(0, dev.index) : text).trim();
    h.name = more ? `${h.name ?? ''}${name}` : name;
    if (dev?.[1]) h.deviceName = dev[1];
    return READ;
  }

  private endBlock(): void {
    this.handle = undefined;
    this.objectOf = undefined;
    this.thread = undefined;
    this.irpList = false;
  }

  private expected(): string {
    return `a !${this.kind} line ("PROCESS (addr) … Cid: …", "Image: …", "(handle): Object: (addr) GrantedAccess: …", "THREAD (addr) Cid …")`;
  }

  finish(): void {
    if (this.device !== undefined && this.started)
      this.ctx.store.who.searched.set(this.device, {
        line: this.ctx.start,
        whole: !this.gaveUp && this.elidedAt === undefined,
      });
    if (!this.started && !this.gaveUp)
      this.cutOff(this.ctx.start, `!${this.kind} printed nothing after its prompt`);
  }
}

/** `Cid: 068c … ParentCid: 0598` (the process ID and its parent's, hex as printed). */
function cids(t: string): { pid?: string; parentPid?: string } {
  const w = words(t);
  const out: { pid?: string; parentPid?: string } = {};
  for (let i = 0; i + 1 < w.length; i++) {
    const k = w[i]?.toLowerCase();
    const v = w[i + 1];
    if (v === undefined || !/^[0-9a-f]{1,8}$/i.test(v)) continue;
    if (k === 'cid:') out.pid = v.toLowerCase();
    if (k === 'parentcid:') out.parentPid = v.toLowerCase();
  }
  return out;
}
