import { after, pairs } from '../fields';
import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { decimal, normAddress, pointer, words, type Line } from '../text';

/**
 * `!object <addr|path> [flags]` (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-object,
 * and "Debugging a Failed Driver Unload", which reads PointerCount here):
 *
 *   Object: <addr>  Type: (<addr>) Device
 *       ObjectHeader: <addr> [(new version)]
 *       HandleCount: 0  PointerCount: 3
 *       Directory Object: <addr>  Name: Serial0
 *       [Target String is '\Device\…']           a symbolic link, flag 8
 *       [Optional Headers: / NameInfo(<addr>)]   flag 0x10
 *       [Hash Address  Type  Name]               a directory's entries, flag 8
 *        <hash>  <addr> Device   <name>
 */

export class ObjectReader extends BaseReader {
  readonly kind = 'object';
  private address?: string;
  private counts = false;
  private directory = false;

  feed(line: Line): Outcome {
    const t = line.text;
    const h = headerOf(t);
    if (h === 'object' && this.address === undefined) return this.header(line);
    if (h !== undefined) return END;
    this.last = line.n;
    const a = this.address;
    if (a === undefined) return unread('"Object: (addr)  Type: (addr) (type)" after !object');
    const store = this.ctx.store;
    const header = after(t, 'ObjectHeader:');
    if (header !== undefined) {
      const h2 = normAddress(words(header)[0]);
      if (h2 !== undefined) store.object(a, this.src, { header: h2 });
      return READ;
    }
    if (/HandleCount: +\d+ +PointerCount: +\d+/i.test(t)) {
      const kv = pairs(t.replace(/:/g, ''));
      store.object(a, this.src, {
        handleCount: decimal(kv.get('handlecount')),
        pointerCount: decimal(kv.get('pointercount')),
      });
      this.counts = true;
      return READ;
    }
    const dir = /^ *Directory Object: +\S+ +Name: (.*)$/i.exec(t);
    if (dir) return this.named((dir[1] ?? '').trim());
    const target = /^ *Target String is '(.*)'$/i.exec(t);
    if (target) {
      store.object(a, this.src, { target: target[1] });
      return READ;
    }
    if (/^ *(Optional Headers:|NameInfo\(|HandleInfo\(|QuotaInfo\(|ProcessInfo\(|CreatorInfo\()/i.test(t))
      return SKIP;
    if (/^ *Hash +Address +Type +Name/i.test(t) || /^ *-{4} +-{7}/.test(t)) {
      this.directory = true;
      return SKIP;
    }
    if (this.directory) return this.entry(t);
    return unread(
      'an !object line ("ObjectHeader: …", "HandleCount: (n)  PointerCount: (n)", "Directory Object: … Name: …")',
    );
  }

  private header(line: Line): Outcome {
    const m = /^ *Object: +((?:0x)?[0-9a-f`]+) +Type: +\(([^)]*)\) *(\S*)/i.exec(line.text);
    this.begin(line.n);
    this.address = pointer(m?.[1]) ?? undefined;
    if (this.address === undefined)
      return unread('"Object: (addr)  Type: (addr) (type)" with an object address');
    const type = m?.[3];
    this.ctx.store.object(this.address, this.src, type ? { type } : {});
    // `!object \Device\X` names the device even when the output stops before its "Name:".
    const typed = /^\\Device\\(.+)$/i.exec(this.ctx.argument ?? '')?.[1];
    if (type?.toLowerCase() === 'device')
      this.ctx.store.device(this.address, this.src, typed === undefined ? {} : { name: typed });
    return READ;
  }

  private named(name: string): Outcome {
    const a = this.address;
    if (a === undefined || name === '') return SKIP;
    const store = this.ctx.store;
    const o = store.object(a, this.src, { name });
    // The name of a Device object is the device's name, as !devobj prints it.
    if (o.type?.toLowerCase() === 'device') store.device(a, this.src, { name });
    // A Driver object is a driver: `!object \Driver\X` names it in full; the object prints its last part.
    if (o.type?.toLowerCase() === 'driver') store.driver(driverPath(this.ctx.argument, name), a, this.src);
    return READ;
  }

  /** A directory entry: `[hash]  <addr> <Type>  <name>`. */
  private entry(t: string): Outcome {
    const w = words(t);
    const i = /^[0-9a-f]{2}$/i.test(w[0] ?? '') && normAddress(w[1]) !== undefined ? 1 : 0;
    const address = pointer(w[i]);
    const type = w[i + 1];
    const name = w.slice(i + 2).join(' ');
    if (!address || type === undefined || name === '') {
      return unread('a directory entry "(hash) (addr) (type) (name)" under "Hash Address Type Name"');
    }
    const store = this.ctx.store;
    store.object(address, this.src, { type, name });
    if (type.toLowerCase() === 'device') store.device(address, this.src, { name });
    return READ;
  }

  finish(): void {
    if (this.gaveUp) return;
    if (this.address === undefined) {
      this.cutOff(this.ctx.start, '!object printed nothing after its prompt');
    } else if (!this.counts && !this.directory && countsAsked(this.ctx.args)) {
      this.cutOff(
        this.last,
        `the !object output for ${this.address} ends before "HandleCount: … PointerCount: …"`,
      );
    }
  }
}

/** `\Driver\kbdclass` as typed, or the printed name under `\Driver\` (a file system's would be under `\FileSystem\`). */
function driverPath(typed: string | undefined, name: string): string {
  if (typed !== undefined && /^\\(?:Driver|FileSystem)\\[^\\]+$/i.test(typed)) return typed;
  return name.startsWith('\\') ? name : `\\Driver\\${name}`;
}

/** Flags without bit 0x1 print no counts (`!object <addr> 0x0`); the default, 0x9, prints them. */
function countsAsked(args: string | undefined): boolean {
  const flags = words(args ?? '')[1];
  if (flags === undefined) return true;
  const n = Number(/^0x/i.test(flags) ? flags : `0x${flags}`);
  return Number.isNaN(n) || (n & 1) === 1;
}
