import { after } from '../fields';
import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { driverToken, normAddress, pointer, quoted, words, type Line } from '../text';

/**
 * `!devstack <device>` (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-devstack):
 *
 *     !DevObj   !DrvObj            !DevExt   ObjectName
 *     <addr>  \Driver\<upper>    <addr>  <name>
 *   > <addr>  \Driver\<queried>  <addr>  <name>
 *   !DevNode <addr> :
 *     DeviceInst is "<instance path>"
 *     ServiceName is "<service>"
 *
 * Top of the stack first; `>` marks the device asked about. A long driver
 * name runs into the device extension column (the docs' own Windows 10
 * example prints `\Driver\sysvad_tabletaudiosampleffffe00088386ba0`): the
 * reader splits the trailing pointer off such a name.
 */

interface Row {
  readonly address: string;
  readonly driver: string;
  readonly name?: string;
  readonly queried: boolean;
}

const ROW = '"[>] (device) \\Driver\\… (devext) [name]"';

export class DevstackReader extends BaseReader {
  readonly kind = 'devstack';
  private state: 'header' | 'rows' | 'devnode' = 'header';
  private readonly rows: Row[] = [];
  private devnode?: string;
  /** A row whose driver and name the debugger pushed to the next line ("Unable to load image …" after its address). */
  private pending?: { address: string; queried: boolean };
  /** Lines of the table that could not be read as rows: its top may not be the top. */
  private dropped = 0;

  feed(line: Line): Outcome {
    const t = line.text;
    const h = headerOf(t);
    if (h === 'devstack' && this.state === 'header') {
      this.begin(line.n);
      this.state = 'rows';
      return SKIP;
    }
    if (h !== undefined) return END;
    this.last = line.n;
    if (this.state === 'header')
      return unread('the "!DevObj   !DrvObj   !DevExt   ObjectName" header after !devstack');
    const dn = /^ *!DevNode +((?:0x)?[0-9a-f`]+) *:?$/i.exec(t);
    if (dn) {
      this.devnode = pointer(dn[1]) ?? undefined;
      if (this.devnode) this.ctx.store.devnode(this.devnode, this.src);
      this.state = 'devnode';
      return this.devnode ? READ : unread('"!DevNode (addr) :"');
    }
    if (this.state === 'devnode') return this.devnodeLine(t);
    const o = this.row(t);
    if (o.kind === 'unread') this.dropped++;
    return o;
  }

  private row(line: string): Outcome {
    let t = line;
    const alone = /^ *(>)? *((?:0x)?[0-9a-f`]{8,17})$/i.exec(t);
    const split = alone ? pointer(alone[2]) : undefined;
    if (alone && split) {
      this.pending = { address: split, queried: alone[1] === '>' };
      return READ;
    }
    const p = this.pending;
    this.pending = undefined;
    if (p && driverToken(t)?.index === t.search(/\S/))
      t = `${p.queried ? '>' : ' '} ${p.address} ${t.trim()}`;
    const m = /^ *(>)? *((?:0x)?[0-9a-f`]{8,17}) +(.*)$/i.exec(t);
    const address = pointer(m?.[2]);
    const drv = m?.[3] === undefined ? undefined : driverToken(m[3]);
    if (!m || !address || !drv || drv.index > 0) return unread(ROW);
    const rest = words((m[3] ?? '').slice(drv.end));
    let driver = drv.name;
    // The device extension column may have run into the driver name.
    if (rest.length <= 1) {
      const split = splitTrailingPointer(driver, address.length);
      if (split) {
        driver = split.name;
        rest.unshift(split.pointer);
      }
    }
    // An author's "..." in the name column stands for a name left out: not a name.
    const cell = rest.slice(1).join(' ');
    const name = /^(?:\.{3,}|…+)$/.test(cell) ? '' : cell;
    const row: Row = { address, driver, queried: m[1] === '>', ...(name === '' ? {} : { name }) };
    this.rows.push(row);
    const store = this.ctx.store;
    store.device(address, this.src, row.name === undefined ? {} : { name: row.name });
    store.owns(driver, address, this.src);
    return READ;
  }

  private devnodeLine(t: string): Outcome {
    const store = this.ctx.store;
    const inst = after(t, 'DeviceInst is');
    const service = after(t, 'ServiceName is');
    if (!this.devnode || (inst === undefined && service === undefined)) {
      return unread('"DeviceInst is \\"…\\"" or "ServiceName is \\"…\\"" under "!DevNode (addr) :"');
    }
    const value = quoted(inst ?? service ?? '');
    if (value === undefined) return unread('a quoted value');
    store.devnode(this.devnode, this.src, inst === undefined ? { service: value } : { instancePath: value });
    return READ;
  }

  finish(): void {
    const store = this.ctx.store;
    if (this.pending)
      store.problem(
        this.last,
        'unread',
        `the !devstack row of ${this.pending.address} has no driver after it`,
      );
    if (this.rows.length > 0) {
      const queried = this.rows.find((r) => r.queried)?.address;
      store.stack({
        devices: this.rows.map((r) => r.address),
        sources: [this.src],
        ...(queried === undefined ? {} : { queried }),
        ...(this.devnode === undefined ? {} : { devnode: this.devnode }),
        ...(this.dropped === 0 && this.pending === undefined ? { complete: true } : {}),
      });
      return;
    }
    if (this.gaveUp) return;
    this.cutOff(this.last, 'the !devstack output ends before its first device row');
  }
}

/**
 * `\Driver\longnameffffe00088386ba0` → `\Driver\longname` and `ffffe00088386ba0`:
 * a pointer as wide as the row's device address (or a printed NULL,
 * `00000000`) at the end of a name longer than it.
 */
export function splitTrailingPointer(
  name: string,
  width: number,
): { name: string; pointer: string } | undefined {
  const prefix = name.lastIndexOf('\\') + 1;
  for (const w of [width, 8]) {
    const tail = name.slice(-w);
    if (name.length - w <= prefix || normAddress(tail) === undefined) continue;
    if (w === 8 && w !== width && !/^0{8}$/.test(tail)) continue;
    return { name: name.slice(0, -w), pointer: tail };
  }
  return undefined;
}
