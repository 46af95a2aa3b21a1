import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { driverToken, normAddress, pointer, words, type Line } from '../text';
import type { DebuggerDriver } from '../types';
import { DevobjReader } from './devobj';

/**
 * `!drvobj <driver> [flags]` (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-drvobj).
 * kdexts prints:
 *
 *   Driver object (<addr>) is for:
 *    \Driver\<name>
 *   Driver Extension List: (id , addr)          flag 1 (the default)
 *   (<id> <addr>)  …
 *   Device Object list:
 *   <addr>  <addr>  <addr>  <addr>              four a line
 *   DriverEntry:   <addr>  <symbol>             flag 2
 *   DriverStartIo: <addr>
 *   DriverUnload:  <addr>  <symbol>             00000000: no Unload routine
 *   AddDevice:     <addr>  <symbol>             00000000: not a PnP driver
 *   Dispatch routines:
 *   [00] IRP_MJ_CREATE   <addr>  <symbol>       … through [1b] IRP_MJ_PNP
 *   Fast I/O routines:                          when the driver has any
 *   FastIoRead   <addr>  <symbol>
 *
 * With flag 4 each device is printed in full, as `!devobj` prints it.
 */

type Section = 'top' | 'extensions' | 'list' | 'entries' | 'dispatch' | 'fastio';

/** IRP_MJ_MAXIMUM_FUNCTION is 0x1b: the table has 28 rows. */
const DISPATCH_ROWS = 0x1c;

export class DrvobjReader extends BaseReader {
  readonly kind = 'drvobj';
  private state: 'header' | 'name' | 'body' = 'header';
  private section: Section = 'top';
  private driver?: DebuggerDriver;
  private address?: string;
  private entryPoints = new Set<string>();
  private dispatchRows = 0;
  private nested?: DevobjReader;

  feed(line: Line): Outcome {
    if (this.nested) {
      const o = this.nested.feed(line);
      if (o.kind !== 'end') return o;
      this.nested.finish();
      this.nested = undefined;
    }
    const t = line.text;
    const h = headerOf(t);
    if (h === 'drvobj' && this.state === 'header') return this.header(line);
    if (h === 'devobj' && this.state === 'body') {
      this.nested = new DevobjReader({ store: this.ctx.store, start: line.n });
      return this.nested.feed(line);
    }
    if (h !== undefined) return END;
    this.last = line.n;
    if (this.state === 'header') return unread('"Driver object (addr) is for:" after !drvobj');
    if (this.state === 'name') return this.name(t);
    return this.body(t);
  }

  private header(line: Line): Outcome {
    const m = /\(([^)]*)\)/.exec(line.text);
    this.begin(line.n);
    this.state = 'name';
    // NT4 and Windows 2000 print no address ("Driver object is for:"): the one typed at the prompt, if any.
    if (!m) {
      this.address = normAddress(this.ctx.argument);
      return READ;
    }
    this.address = normAddress(m[1]?.trim());
    return this.address === undefined
      ? unread('"Driver object (addr) is for:" with a driver object address')
      : READ;
  }

  private name(t: string): Outcome {
    const drv = driverToken(t);
    this.state = 'body';
    if (drv && drv.index < 4) {
      this.driver = this.ctx.store.driver(drv.name, this.address, this.src);
      return READ;
    }
    // The name may be paged out; the driver is then known by its address only.
    this.driver = this.ctx.store.driver(undefined, this.address, this.src);
    if (/paged out/i.test(t)) return SKIP;
    const o = this.body(t);
    return o.kind === 'unread'
      ? unread('the driver name ("\\Driver\\…") after "Driver object (…) is for:"')
      : o;
  }

  private body(t: string): Outcome {
    const d = this.driver;
    if (!d) return SKIP;
    const store = this.ctx.store;
    if (/^ *Driver Extension List:/i.test(t)) return this.enter('extensions');
    if (/^ *Device Object list:/i.test(t)) {
      d.listPrinted = true;
      return this.enter('list');
    }
    if (/^ *Dispatch routines:/i.test(t)) return this.enter('dispatch');
    if (/^ *Fast I\/O routines:/i.test(t)) return this.enter('fastio');
    const entry = /^ *(DriverEntry|DriverStartIo|DriverUnload|AddDevice): *((?:0x)?[0-9a-f`]+)/i.exec(t);
    if (entry) {
      const which = (entry[1] ?? '').toLowerCase();
      const value = pointer(entry[2]);
      this.entryPoints.add(which);
      this.section = 'entries';
      if (value === undefined) return unread(`"${entry[1] ?? ''}: (addr)"`);
      if (which === 'driverunload') d.unloadRoutine = value;
      if (which === 'adddevice') d.addDevice = value;
      return READ;
    }
    switch (this.section) {
      case 'extensions':
        return /^ *(\( *[0-9a-f`x]+ +[0-9a-f`x]+ *\) *)+$/i.test(t) ? SKIP : this.unknown();
      case 'list': {
        const w = words(t);
        if (w.length === 0 || w.some((x) => pointer(x) === undefined)) return this.unknown();
        for (const x of w) {
          const a = pointer(x);
          if (a) store.listDevice(d, a, this.src);
        }
        return READ;
      }
      case 'dispatch':
        // "[0e] IRP_MJ_DEVICE_CONTROL  <addr>  <symbol>"; the name and the address may run together.
        if (/^ *\[[0-9a-f]{2}\] +(IRP_MJ_[A-Z_]+|\?\?\?) *(?:0x)?[0-9a-f`]{8,17}/i.test(t)) {
          this.dispatchRows++;
          return SKIP;
        }
        return this.unknown();
      case 'fastio':
        return /^ *([A-Za-z]+|\?\?\?) +(?:0x)?[0-9a-f`]{8,17}\b/.test(t) ? SKIP : this.unknown();
      case 'top':
      case 'entries':
        return this.unknown();
    }
  }

  private enter(section: Section): Outcome {
    this.section = section;
    return SKIP;
  }

  private unknown(): Outcome {
    return unread(
      'a !drvobj line ("Device Object list:", device addresses, "DriverUnload: (addr)", "[nn] IRP_MJ_… (addr)", …)',
    );
  }

  finish(): void {
    this.nested?.finish();
    if (this.gaveUp) return;
    const name = this.driver?.name || this.address || 'this driver';
    if (this.state === 'header') {
      this.cutOff(this.ctx.start, '!drvobj printed nothing after its prompt');
    } else if (this.state === 'name') {
      this.cutOff(this.last, `the !drvobj output for ${name} ends before the driver's name`);
    } else if (this.entryPoints.has('driverentry') && !this.entryPoints.has('driverunload')) {
      this.cutOff(this.last, `the !drvobj output for ${name} ends before "DriverUnload:"`);
    } else if (this.section === 'dispatch' && this.dispatchRows < DISPATCH_ROWS) {
      this.cutOff(
        this.last,
        `the !drvobj dispatch table of ${name} ends after ${this.dispatchRows} of ${DISPATCH_ROWS} rows`,
      );
    }
  }
}
