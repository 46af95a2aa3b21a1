import {
  DEVNODE_STATES,
  DRVO,
  doNames,
  doeNames,
  referenceCount,
  stackOf,
  topOf,
  type DeviceObject,
  type DevnodeState,
  type Driver,
  type Registration,
  type WindowsWorld,
} from '../../kernel/core';
import {
  NONE,
  consequence,
  flagWord,
  link,
  links,
  row,
  yesNo,
  type Inspection,
  type InspectorRow,
  type Part,
} from '../../panels/inspector/parts';
import { driverMistakeRows } from './inspectorDriver';
import { passedDownRow, removeLockRow } from './inspectorIo';
import { CATEGORY, DRIVER_STATE, ROLE, driverTitle } from './vocabulary';

/**
 * Windows objects by the fields WinDbg prints (shared/domain/windows.md §5):
 * `!devobj`, `!drvobj`, `!devstack`, `!irp`. Only reads the world.
 */

const SHUTDOWN = {
  none: NONE,
  normal: 'IoRegisterShutdownNotification (before the file-system flush)',
  lastChance: 'IoRegisterLastChanceShutdownNotification (after the flush)',
} as const;

/** What a registrant does when told of a query-remove. */
const onQuery = (r: Registration, veto: string): string =>
  r.vetoesQueryRemove ? veto : r.keepsHandleOpen ? 'keeps its handle open' : 'closes its handle';
const driverLink = (name: string): Part => link('driver', name, driverTitle(name));

/** `DeviceNodeStarted (0x308)`, as `!devnode` prints a state. */
function devnodeText(state: DevnodeState): string {
  return `DeviceNode${state} (0x${DEVNODE_STATES[state].toString(16)})`;
}

/** `DRIVER_OBJECT.Flags` from what the driver object records. */
function driverFlags(d: Driver): { value: number; names: string[] } {
  let value = 0;
  const names: string[] = [];
  if (d.unloadInvoked) {
    value |= DRVO.UNLOAD_INVOKED;
    names.push('DRVO_UNLOAD_INVOKED');
  }
  if (d.model === 'legacy') {
    value |= DRVO.LEGACY_DRIVER;
    names.push('DRVO_LEGACY_DRIVER');
  }
  return { value, names };
}

/** Lines of a stack listing, `>` marking `mark`, names aligned; each device name links to it. */
function stackListing(
  stack: readonly DeviceObject[],
  mark: string,
  prefix: (d: DeviceObject) => string = () => '',
): Part[] {
  const width = Math.max(...stack.map((d) => d.name.length));
  const out: Part[] = [];
  stack.forEach((d, i) => {
    if (i > 0) out.push('\n');
    out.push(`${d.name === mark ? '>' : ' '} ${prefix(d)}`);
    out.push(link('device', d.name));
    out.push(' '.repeat(width - d.name.length + 2));
    out.push(driverLink(d.driver));
    out.push(`  ${ROLE[d.role].short}`);
  });
  return out;
}

function deviceRows(w: WindowsWorld, d: DeviceObject): InspectorRow[] {
  const stack = stackOf(w, d.name);
  const pdo = stack[stack.length - 1];
  const rows: InspectorRow[] = [
    row('Device object', d.name),
    row('DriverObject', driverLink(d.driver)),
    row('Role', ROLE[d.role].long),
    row(
      'RefCount',
      String(referenceCount(d)),
      'DEVICE_OBJECT.ReferenceCount: file objects open on this device. Unload waits for 0.',
    ),
    row('Open files', links('handle', d.fileObjects)),
    row('Outstanding IRPs', links('irp', d.irps)),
    row(
      'Pointer references',
      links('reference', d.obReferences),
      'ObReferenceObject references: they keep the object (and the image) in memory, not Unload from running.',
    ),
    row(
      'Flags',
      flagWord(d.doFlags, doNames(d.doFlags)),
      'DEVICE_OBJECT.Flags: DO_EXCLUSIVE 0x8, DO_DEVICE_INITIALIZING 0x80 (cleared when DriverEntry or AddDevice succeeds; opens are refused while it is set)',
    ),
    row(
      'ExtensionFlags',
      flagWord(d.flags, doeNames(d.flags)),
      'DEVOBJ_EXTENSION.ExtensionFlags: DOE_UNLOAD_PENDING 0x1, DOE_DELETE_PENDING 0x2, DOE_REMOVE_PENDING 0x4, DOE_REMOVE_PROCESSED 0x8, DOE_START_PENDING 0x10',
    ),
    row(
      'AttachedDevice (Upper)',
      d.attachedDevice ? [link('device', d.attachedDevice), ' ', driverOf(w, d.attachedDevice)] : NONE,
    ),
    row(
      'AttachedTo (Lower)',
      d.attachedTo ? [link('device', d.attachedTo), ' ', driverOf(w, d.attachedTo)] : NONE,
    ),
  ];
  if (d.devnode) {
    rows.push(row('Devnode state', devnodeText(d.devnode), '!devnode: the PnP manager’s state for this PDO'));
    if (d.specialFiles?.length) {
      rows.push(
        row(
          'Special files',
          d.specialFiles.join(', '),
          'IRP_MN_DEVICE_USAGE_NOTIFICATION: while any is on the device, its drivers fail query-remove and query-stop',
        ),
      );
    }
    rows.push(row('Hardware', d.present ? 'present' : 'physically gone'));
    rows.push(
      row(
        'Parent devnode',
        d.parent ? link('device', d.parent) : 'none (root-enumerated)',
        '!devnode Parent: the devnode whose bus driver enumerated this PDO (BusRelations)',
      ),
    );
    const children = w.devices
      .valueSeq()
      .filter((c) => c.parent === d.name && !c.unlinked)
      .map((c) => c.name)
      .toArray();
    rows.push(
      row(
        'Child devnodes',
        links('device', children),
        '!devnode Child: removed before this one (query and REMOVE go to the children first)',
      ),
    );
    if (d.devnode === 'QueryRemoved' && d.beforeQuery) {
      rows.push(
        row(
          'Before the query',
          devnodeText(d.beforeQuery),
          'IRP_MN_CANCEL_REMOVE_DEVICE puts the device back in this state',
        ),
      );
    }
    if (d.removeAfterChildren) {
      rows.push(
        row('Removal', [
          'IRP_MN_REMOVE_DEVICE pending',
          consequence(': it waits for its child devnodes to be removed first'),
        ]),
      );
    }
  }
  if (d.surpriseRemoved)
    rows.push(
      row('Surprise removed', ['yes', consequence(': fails new I/O; REMOVE waits for the last close')]),
    );
  rows.push(
    row(
      'Device list',
      d.unlinked
        ? ['unlinked (off the driver’s list)', consequence(', kept alive only by references')]
        : [`on `, driverLink(d.driver), `’s list`],
    ),
  );
  if (d.exclusive) rows.push(row('Exclusive', ['yes', consequence(': one open at a time')]));
  if (d.removeLock) rows.push(removeLockRow(d));
  if ((d.wdfStopCount ?? 0) > 0) {
    rows.push(
      row(
        'Stop and remove',
        `not allowed (${d.wdfStopCount} WdfDeviceSetStaticStopRemove(FALSE) to match)`,
        'The framework fails query-remove and query-stop until every FALSE is matched by a TRUE',
      ),
    );
  }
  rows.push(row('Symbolic link', d.symbolicLink ?? NONE));
  rows.push(row('Shutdown notification', SHUTDOWN[d.shutdown]));
  const listing = stackListing(stack, d.name);
  if (pdo?.devnode) listing.push(`\n!DevNode ${pdo.name} :\n  State = ${devnodeText(pdo.devnode)}`);
  rows.push({
    label: '!devstack',
    value: listing,
    pre: true,
    hint: 'The device stack, top first; > marks this device.',
  });
  return rows;
}

function driverOf(w: WindowsWorld, device: string): Part {
  const dev = w.devices.get(device);
  return dev ? driverLink(dev.driver) : '';
}

function driverRows(d: Driver): InspectorRow[] {
  const flags = driverFlags(d);
  const rows: InspectorRow[] = [
    row('Driver object', driverTitle(d.name)),
    row('Model', d.model === 'pnp' ? 'PnP (has AddDevice)' : 'legacy (started as a service)'),
    row(
      'Flags',
      flagWord(flags.value, flags.names),
      'DRIVER_OBJECT.Flags: DRVO_UNLOAD_INVOKED 0x1, DRVO_LEGACY_DRIVER 0x2',
    ),
    row('Device Object list', links('device', d.devices), 'DriverObject->DeviceObject, as !drvobj lists it'),
  ];
  if (d.lingering.size > 0) {
    rows.push(
      row(
        'Off the list, still allocated',
        links('device', d.lingering),
        'Deleted device objects kept alive by a reference: each pins the image.',
      ),
    );
  }
  rows.push(
    row('DriverUnload', d.hasUnload ? 'present' : NONE, 'DRIVER_OBJECT.DriverUnload'),
    row(
      'State',
      d.state === 'entryFailed' ? `DriverEntry failed (${d.entryStatus ?? '?'})` : DRIVER_STATE[d.state].word,
    ),
    row('Image in memory', yesNo(d.imageInMemory)),
    row('Generation', String(d.generation), 'How many times this driver has been loaded'),
    row(
      'PnP notifications',
      links('registration', d.registrations),
      'IoRegisterPlugPlayNotification registrations not yet unregistered',
    ),
  );
  if (d.controlDevice) rows.push(row('Control device', link('device', d.controlDevice)));
  if (d.vetoesQueryRemove) rows.push(row('Query-remove', 'vetoes IRP_MN_QUERY_REMOVE_DEVICE'));
  if (d.vetoesQueryStop) rows.push(row('Query-stop', 'vetoes IRP_MN_QUERY_STOP_DEVICE'));
  if (d.startFails) rows.push(row('IRP_MN_START_DEVICE', `fails with ${d.startFails}`));
  rows.push(...driverMistakeRows(d));
  if (d.stuck) rows.push(row('Stuck', ['yes (last device gone, no Unload routine)']));
  if (d.rebootRequired) rows.push(row('Reboot required', 'yes (an update was vetoed)'));
  return rows;
}

/** The Windows object `kind`/`name` as the debugger would print it, or null if it does not exist at this step. */
export function inspectWindows(w: WindowsWorld, kind: string, name: string): Inspection | null {
  switch (kind) {
    case 'device': {
      const d = w.devices.get(name);
      return d ? { kind: 'device object', name, command: `!devobj ${name}`, rows: deviceRows(w, d) } : null;
    }
    case 'driver': {
      const d = w.drivers.get(name);
      return d
        ? { kind: 'driver object', name, command: `!drvobj ${driverTitle(name)} 2`, rows: driverRows(d) }
        : null;
    }
    case 'handle': {
      const h = w.handles.get(name);
      if (!h) return null;
      const regs = [...w.registrations.values()].filter((r) => r.handle === name).map((r) => r.name);
      const dev = w.devices.get(h.device);
      const rows = [
        row('File object', name),
        row('DeviceObject', [link('device', h.device), ' ', dev ? driverLink(dev.driver) : '']),
        row('IRPs go to', link('device', topOf(w, h.device)), 'The top of the opened device’s stack'),
        row(
          'State',
          h.state === 'open'
            ? 'open'
            : ['closing (IRP_MJ_CLEANUP sent)', consequence(', IRP_MJ_CLOSE when its IRPs complete')],
        ),
        row('Outstanding IRPs', links('irp', h.irps)),
      ];
      if (regs.length > 0) rows.push(row('Held for registration', links('registration', regs)));
      return { kind: 'file object (handle)', name, command: null, rows };
    }
    case 'irp': {
      const irp = w.irps.get(name);
      if (!irp) return null;
      const at = irp.path[irp.path.length - 1];
      const path = irp.path.map((n) => w.devices.get(n)).filter((d): d is DeviceObject => d !== undefined);
      return {
        kind: 'IRP',
        name,
        command: `!irp ${name}`,
        rows: [
          row('Irp', name),
          row('Major', irp.major),
          irp.handle === null
            ? row(
                'Sent by',
                irp.requester ? driverLink(irp.requester) : NONE,
                'PoRequestPowerIrp: no file object',
              )
            : row('File object', link('handle', irp.handle)),
          ...(irp.minor ? [row('Minor', irp.minor)] : []),
          row('Pending at', at ? [link('device', at), ' ', driverOf(w, at)] : NONE),
          ...passedDownRow(path),
          ...(irp.held
            ? [
                row(
                  'Held',
                  'in the driver’s queue (the device is stopped for a rebalance)',
                  'Started when the device starts again',
                ),
              ]
            : []),
          {
            label: 'Stack locations',
            value: stackListing(path, at ?? '', () => `[${irp.major}]  `),
            pre: true,
            hint: 'The devices it passed, top of the stack first; > marks where it is pending.',
          },
        ],
      };
    }
    case 'registration': {
      const r = w.registrations.get(name);
      if (!r) return null;
      if (r.mode === 'user') {
        // An application's RegisterDeviceNotification: WM_DEVICECHANGE to its window, no driver held.
        return {
          kind: 'Application device notification',
          name,
          command: null,
          rows: [
            row('Registration', name),
            row('Application', r.app ?? NONE, 'RegisterDeviceNotification with a DBT_DEVTYP_HANDLE filter'),
            row('Holds a driver', 'no', 'Only a driver’s IoRegisterPlugPlayNotification counts for Unload'),
            row('Handle', r.handle ? link('handle', r.handle) : NONE),
            row('Target device', r.target ? link('device', r.target) : NONE),
            row('On DBT_DEVICEQUERYREMOVE', onQuery(r, 'answers BROADCAST_QUERY_DENY')),
            row('On DBT_DEVICEQUERYREMOVEFAILED', yesNo(r.reregisters, 'reopens its handle', 'stays closed')),
          ],
        };
      }
      return {
        kind: 'PnP notification registration',
        name,
        command: null,
        rows: [
          row('Registration', name),
          row('Driver', driverLink(r.driver)),
          row('EventCategory', CATEGORY[r.category].long),
          row('File object', r.handle ? link('handle', r.handle) : NONE),
          row('Target device', r.target ? link('device', r.target) : NONE),
          row('On query-remove', onQuery(r, 'vetoes it')),
          row('After a cancel', yesNo(r.reregisters, 'reopens and registers again', 'stays closed')),
          row(
            'On remove-complete',
            r.forgetsUnregister
              ? ['driver bug', consequence(': keeps the registration')]
              : 'calls IoUnregisterPlugPlayNotification',
            'GUID_TARGET_DEVICE_REMOVE_COMPLETE: the callback removes its registration',
          ),
        ],
      };
    }
    case 'reference': {
      const r = w.references.get(name);
      if (!r) return null;
      return {
        kind: 'object reference',
        name,
        command: null,
        rows: [
          row('Reference', name),
          row('ObReferenceObject on', link('device', r.device)),
          row('Driver', driverOf(w, r.device)),
        ],
      };
    }
    default:
      return null;
  }
}
