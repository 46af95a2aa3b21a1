import { after, append, isFlagContinuation, pairs, parenthesised } from '../fields';
import { BaseReader, END, READ, SKIP, headerOf, unread, type Outcome } from '../reader';
import { decimal, driverToken, flagNames, hexNumber, normAddress, pointer, words, type Line } from '../text';
import type { DebuggerDevice } from '../types';

/**
 * `!devobj` (debugger docs: learn.microsoft.com/windows-hardware/drivers/debuggercmds/-devobj).
 * kdexts prints, in this order:
 *
 *   Device object (<addr>) is for:
 *    <name> \Driver\<driver> DriverObject <addr>
 *   Current Irp <addr> RefCount <n> Type <hex> Flags <hex>
 *   [Vpb|Dacl|SecurityDescriptor <addr>] DevExt <addr> DevObjExt <addr> [Dope <addr>] [DevNode <addr>]
 *   ExtensionFlags (<hex>)  DOE_…, …          (Windows XP on; wraps onto indented lines)
 *   Characteristics (<hex>)  FILE_…           (Windows 8 on)
 *   AttachedDevice (Upper) <addr> \Driver\<driver>
 *   AttachedTo (Lower) <addr> \Driver\<driver>
 *   Device queue is not busy.  |  Device queue is busy …  |  DeviceQueue: <irp> <irp> …
 *
 * Windows 2000 prints no ExtensionFlags and may print `DevExt <addr> DevNode <addr>` only.
 */

type State = 'header' | 'owner' | 'body' | 'flags' | 'characteristics' | 'queue' | 'done';

const FIELDS =
  'a !devobj field ("Current Irp … RefCount …", "DevExt …", "ExtensionFlags (…)", "Characteristics (…)", "AttachedDevice (Upper) …", "AttachedTo (Lower) …", "Device queue …")';

export class DevobjReader extends BaseReader {
  readonly kind = 'devobj';
  private state: State = 'header';
  private device?: DebuggerDevice;

  /** The device this output is about, once its header was read. */
  get address(): string | undefined {
    return this.device?.address;
  }

  get complete(): boolean {
    return this.state === 'done';
  }

  feed(line: Line): Outcome {
    const t = line.text;
    const h = headerOf(t);
    if (h === 'devobj' && this.state === 'header') return this.header(line);
    if (h !== undefined || this.state === 'done') return END;
    this.last = line.n;
    switch (this.state) {
      case 'header':
        return unread('"Device object (addr) is for:" after !devobj');
      case 'owner':
        this.state = 'body';
        if (!/^ *Current Irp/i.test(t)) return this.owner(t);
        return this.body(t);
      case 'flags':
      case 'characteristics':
        if (isFlagContinuation(t)) return this.moreFlags(t);
        this.state = 'body';
        return this.body(t);
      case 'queue':
        if (words(t).every((w) => normAddress(w) !== undefined)) return this.queued(t);
        this.state = 'body';
        return this.body(t);
      case 'body':
        return this.body(t);
    }
  }

  private header(line: Line): Outcome {
    const m = /\(([^)]*)\)/.exec(line.text);
    const address = normAddress(m?.[1]?.trim());
    this.last = line.n;
    if (address === undefined) return unread('"Device object (addr) is for:" with a device address');
    this.begin(line.n);
    this.device = this.ctx.store.device(address, this.src);
    this.state = 'owner';
    return READ;
  }

  /** ` <name> \Driver\<driver> DriverObject <addr>`; the name is missing for an unnamed device. */
  private owner(t: string): Outcome {
    const d = this.device;
    if (!d) return unread(FIELDS);
    const drv = driverToken(t);
    const kv = pairs(t);
    const driverAddress = normAddress(kv.get('driverobject'));
    if (!drv && driverAddress === undefined) {
      return unread(
        'the device name and "\\Driver\\… DriverObject (addr)" after "Device object (…) is for:"',
      );
    }
    const store = this.ctx.store;
    const name = (drv ? t.slice(0, drv.index) : t.replace(/DriverObject.*$/i, '')).trim();
    if (name !== '' && !/paged out/i.test(name)) store.device(d.address, this.src, { name });
    if (driverAddress !== undefined) store.device(d.address, this.src, { driverAddress });
    if (drv) {
      store.driver(drv.name, driverAddress, this.src);
      store.owns(drv.name, d.address, this.src);
    } else if (driverAddress !== undefined) store.ownsByAddress(driverAddress, d.address, this.src);
    return READ;
  }

  private body(line: string): Outcome {
    const d = this.device;
    if (!d) return unread(FIELDS);
    const store = this.ctx.store;
    const t = unglued(line);
    // Windows 2000 may print "AttachedDev <addr>" among the other pairs, with no driver name.
    const glued = pointer(pairs(t).get('attacheddev'));
    if (glued) {
      store.device(d.address, this.src, { attachedDevice: glued });
      store.device(glued, this.src);
    }
    if (/^ *Current Irp/i.test(t)) {
      const kv = pairs(t.replace(/Current Irp/i, 'CurrentIrp'));
      const currentIrp = pointer(kv.get('currentirp'));
      const refCount = decimal(kv.get('refcount'));
      store.device(d.address, this.src, {
        currentIrp,
        refCount,
        deviceFlags: hexNumber(kv.get('flags')),
      });
      return refCount === undefined
        ? unread('"Current Irp (addr) RefCount (n) Type (hex) Flags (hex)"')
        : READ;
    }
    if (/^ *(DevExt|DevObjExt|Vpb|Dacl|SecurityDescriptor|Dope|DevNode|AttachedDev) /i.test(t)) {
      const devnode = pointer(pairs(t).get('devnode'));
      if (devnode) {
        store.device(d.address, this.src, { devnode });
        store.devnode(devnode, this.src);
      }
      return READ;
    }
    const ext = parenthesised(t, 'ExtensionFlags');
    if (ext) {
      store.device(d.address, this.src, { extensionFlags: hexNumber(ext.value) });
      store.flag(d, flagNames(ext.rest));
      this.state = 'flags';
      return READ;
    }
    const ch = parenthesised(t, 'Characteristics');
    if (ch) {
      store.device(d.address, this.src, { characteristics: flagNames(ch.rest) });
      this.state = 'characteristics';
      return READ;
    }
    const upper = after(t, 'AttachedDevice (Upper)');
    if (upper !== undefined) return this.neighbour(upper, 'attachedDevice');
    const lower = after(t, 'AttachedTo (Lower)');
    if (lower !== undefined) return this.neighbour(lower, 'attachedTo');
    if (/^ *Device queue is not busy/i.test(t)) {
      store.device(d.address, this.src, { queueBusy: false });
      this.state = 'done';
      return READ;
    }
    if (/^ *Device queue is busy/i.test(t)) {
      store.device(d.address, this.src, { queueBusy: true });
      this.state = 'done';
      return READ;
    }
    const queue = after(t, 'DeviceQueue:');
    if (queue !== undefined) {
      store.device(d.address, this.src, { queueBusy: true });
      this.state = 'queue';
      return this.queued(queue);
    }
    return unread(FIELDS);
  }

  private moreFlags(t: string): Outcome {
    const d = this.device;
    if (!d) return SKIP;
    if (this.state === 'flags') this.ctx.store.flag(d, flagNames(t));
    else d.characteristics = append(d.characteristics ?? [], flagNames(t), true);
    return READ;
  }

  private queued(t: string): Outcome {
    const d = this.device;
    if (!d) return SKIP;
    const irps = words(t)
      .map((w) => pointer(w))
      .filter((a): a is string => typeof a === 'string');
    d.queuedIrps = append(d.queuedIrps ?? [], irps);
    return READ;
  }

  /** `<addr> \Driver\<driver>`: the neighbour and, as printed beside it, its driver. */
  private neighbour(rest: string, field: 'attachedDevice' | 'attachedTo'): Outcome {
    const d = this.device;
    // The address and the driver name may run into each other: "ffffe000`12345678\Driver\x".
    const m = /^ *((?:0x)?[0-9a-f`]{1,17})/i.exec(rest);
    const other = pointer(m?.[1]);
    if (!d || !other)
      return unread(
        `"${field === 'attachedDevice' ? 'AttachedDevice (Upper)' : 'AttachedTo (Lower)'} (addr) \\Driver\\…"`,
      );
    const store = this.ctx.store;
    store.device(
      d.address,
      this.src,
      field === 'attachedDevice' ? { attachedDevice: other } : { attachedTo: other },
    );
    store.device(other, this.src);
    const drv = driverToken(rest);
    if (drv) store.owns(drv.name, other, this.src);
    this.state = 'body';
    return READ;
  }

  override failed(): void {
    super.failed();
    if (this.state === 'header') this.state = 'done';
  }

  finish(): void {
    if (this.gaveUp || this.state === 'done') return;
    if (this.state === 'header') {
      this.cutOff(this.ctx.start, '!devobj printed nothing after its prompt');
      return;
    }
    const what = this.device?.refCount === undefined ? 'its RefCount line and ' : '';
    this.cutOff(
      this.last,
      `the !devobj output for ${this.device?.address ?? 'this device'} ends here, before ${what}"Device queue is … busy."`,
    );
  }
}

/**
 * Windows 2000's kdexts printed some fields with no blank between a value
 * and the next name (`Flags 00001040AttachedDev ff0b59e0`): a blank is put
 * back between an eight- or sixteen-digit value and a field name run into it.
 */
function unglued(t: string): string {
  return t.replace(
    /\b((?:[0-9a-f]{8}`?){1,2})(AttachedDev|DevExt|DevObjExt|Dope|DevNode|Vpb|Dacl|SecurityDescriptor|RefCount|Type|Flags)\b/gi,
    '$1 $2',
  );
}
