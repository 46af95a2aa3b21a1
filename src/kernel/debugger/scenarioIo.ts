import { IRP_MAJORS } from '../scenario/actions';
import { type Draft, firstFrom } from './draft';
import { suffix } from './names';
import type { DebuggerIrp } from './types';

/**
 * Outstanding IRPs as `sendIrp` steps. An IRP is outstanding when `!irp`
 * printed it active and not completed, or `!devobj` printed it as a
 * device's `Current Irp` or in its device queue. The simulator sends IRPs
 * on handles and holds them at the function driver (its MODEL), so an IRP
 * needs a handle open on its stack: one of the RefCount handles, or one
 * opened for it and closed at once, whose file object then lasts until the
 * IRP completes (as IRP_MJ_CLOSE waits for a file object's IRPs).
 */

/** IRP_MJ_ codes by number, as the `!irp` page's table lists them (old debuggers print `[  3, 0]`). */
const MAJOR_BY_CODE = [
  'IRP_MJ_CREATE',
  'IRP_MJ_CREATE_NAMED_PIPE',
  'IRP_MJ_CLOSE',
  'IRP_MJ_READ',
  'IRP_MJ_WRITE',
  'IRP_MJ_QUERY_INFORMATION',
  'IRP_MJ_SET_INFORMATION',
  'IRP_MJ_QUERY_EA',
  'IRP_MJ_SET_EA',
  'IRP_MJ_FLUSH_BUFFERS',
  'IRP_MJ_QUERY_VOLUME_INFORMATION',
  'IRP_MJ_SET_VOLUME_INFORMATION',
  'IRP_MJ_DIRECTORY_CONTROL',
  'IRP_MJ_FILE_SYSTEM_CONTROL',
  'IRP_MJ_DEVICE_CONTROL',
  'IRP_MJ_INTERNAL_DEVICE_CONTROL',
  'IRP_MJ_SHUTDOWN',
  'IRP_MJ_LOCK_CONTROL',
  'IRP_MJ_CLEANUP',
  'IRP_MJ_CREATE_MAILSLOT',
  'IRP_MJ_QUERY_SECURITY',
  'IRP_MJ_SET_SECURITY',
  'IRP_MJ_POWER',
  'IRP_MJ_SYSTEM_CONTROL',
  'IRP_MJ_DEVICE_CHANGE',
  'IRP_MJ_QUERY_QUOTA',
  'IRP_MJ_SET_QUOTA',
  'IRP_MJ_PNP',
] as const;

/** The major function as the debugger printed it: a name (Windows 10) or a hex number (older). */
function majorName(printed: string | undefined): string | undefined {
  if (printed === undefined) return undefined;
  if (/^IRP_MJ_/i.test(printed)) return printed.toUpperCase();
  return /^[0-9a-f]{1,2}$/i.test(printed) ? MAJOR_BY_CODE[parseInt(printed, 16)] : undefined;
}

interface Outstanding {
  readonly address: string;
  readonly device: string;
  readonly major?: string;
  readonly why: string;
}

/** Outstanding IRPs, each at the device it is current on (or the first of its devices the scenario holds). */
function outstanding(draft: Draft): Outstanding[] {
  const out: Outstanding[] = [];
  const seen = new Set<string>();
  for (const irp of draft.imp.irps) {
    seen.add(irp.address);
    if (irp.completed) continue;
    const at = irp.locations.find((l) => l.current && l.device !== undefined && draft.devices.has(l.device));
    const device = at?.device ?? irp.devices.find((d) => draft.devices.has(d));
    if (device === undefined) continue;
    const major = majorName(at?.major ?? irp.locations.find((l) => l.device === device)?.major);
    out.push({
      address: irp.address,
      device,
      ...(major === undefined ? {} : { major }),
      why: irpWhy(irp, device),
    });
  }
  for (const dev of draft.imp.devices) {
    if (!draft.devices.has(dev.address)) continue;
    const held: [string, string][] = [
      ...(dev.currentIrp
        ? [[dev.currentIrp, 'the IRP in progress there (Current Irp)'] as [string, string]]
        : []),
      ...(dev.queuedIrps ?? []).map((a): [string, string] => [a, 'waiting in its device queue']),
    ];
    for (const [address, what] of held) {
      if (seen.has(address)) continue;
      seen.add(address);
      out.push({
        address,
        device: dev.address,
        why: `IRP ${address} on ${dev.address}, ${what} (${firstFrom(dev.sources, 'devobj')}): outstanding, so Unload cannot run (!irp ${address} shows its stack).`,
      });
    }
  }
  return out;
}

function irpWhy(irp: DebuggerIrp, device: string): string {
  const at = irp.locations.find((l) => l.current);
  const loc =
    irp.currentLocation === undefined
      ? ''
      : `, current stack location ${irp.currentLocation} of ${irp.stackCount ?? '?'}${at?.driver ? ` (${at.driver})` : ''}`;
  const pending = irp.pending ? ', marked pending' : '';
  const derived = irp.addressDerived ? ' (its address worked out from its current stack location)' : '';
  return `IRP ${irp.address} (${firstFrom(irp.sources, 'irp')})${derived}${loc}${pending}: outstanding at ${device}, so Unload cannot run until it completes.`;
}

export function writeIrps(draft: Draft): void {
  for (const o of outstanding(draft)) {
    const device = draft.devices.get(o.device);
    if (device === undefined) continue;
    const irp = draft.names.claim(`irp.${suffix(o.address, 6)}`);
    draft.irps.set(o.address, irp);
    const major = (IRP_MAJORS as readonly string[]).includes(o.major ?? '')
      ? (o.major as (typeof IRP_MAJORS)[number])
      : undefined;
    if (o.major !== undefined && major === undefined) {
      draft.note(
        `IRP ${o.address} is ${o.major}; the simulator sends reads, writes and controls, so it is played as IRP_MJ_READ.`,
      );
    }
    draft.note(
      'The simulator holds every outstanding IRP at the function driver (the lowest device above the PDO); each IRP step says where the paste shows it.',
    );
    let handle = draft.handleInStack(o.device);
    const temporary = handle === undefined;
    if (handle === undefined) {
      handle = draft.names.claim(`${irp}.file`);
      draft.note(
        `IRP ${o.address} came with no open handle in the paste's RefCounts; the scenario opens ${handle} for it and closes it at once (its file object lasts until the IRP completes).`,
      );
      draft.add({
        do: 'openHandle',
        device,
        handle,
        say: `A file object for IRP ${o.address} to travel on (the simulator sends IRPs on handles).`,
      });
    }
    draft.add({ do: 'sendIrp', handle, irp, ...(major === undefined ? {} : { major }), say: o.why });
    if (temporary) {
      draft.add({
        do: 'closeHandle',
        handle,
        say: `Its handle closes; the file object stays until IRP ${o.address} completes.`,
      });
    }
  }
}
