import { printedAt } from './explainDevice';
import { kernelOf } from '../os';
import { parseScenario } from '../scenario/parse';
import type { WindowsScenario } from '../scenario/schema';
import { Draft, count, firstFrom, where } from './draft';
import { handlesOn, processLabel, whoOf, type Who } from './explainWho';
import { flagEvidence, hasDoe } from './flags';
import { driverShortName, isGenerated, suffix } from './names';
import { relationsOf } from './relations';
import { deviceRole, driverModel, indexOf, unloadRoutine } from './roles';
import { writeIrps } from './scenarioIo';
import type { DebuggerDevice, DebuggerHandle, DebuggerImport, ScenarioNames } from './types';

/**
 * The paste as a scenario (`unload-scenario/1`) the app can draw and the
 * engineer can act on: "what if this handle closed, this filter detached,
 * this IRP completed — does Unload run?". Each step says in `say` where in
 * the paste it comes from, and where the simulator has to assume. The
 * order matters to the simulator: devices bottom-up, then handles, IRPs and
 * references (none of which an Unload Pending device accepts), then the
 * removals, deletes and stops the flags record.
 */

/** More than a screen can show; the rest are left out (and said so). */
const MAX_DEVICES = 120;
/** A RefCount of 65 is one sentence, not 65 steps. */
const MAX_HANDLES = 16;
const MAX_DRIVERS = 60;
const MAX_REFERENCES = 16;
const UNKNOWN_DRIVER = '\\Driver\\(not printed)';

export interface BuiltScenario {
  readonly scenario: WindowsScenario;
  readonly approximations: string[];
  readonly names: ScenarioNames;
}

export function scenarioFromImport(imp: DebuggerImport): BuiltScenario | undefined {
  if (imp.drivers.length === 0 && imp.devices.length === 0) return undefined;
  const draft = new Draft(imp, indexOf(imp), relationsOf(imp));
  const devices = placedDevices(draft);
  writeDrivers(draft, devices);
  writeDevices(draft, devices);
  writeHandles(draft);
  writeIrps(draft);
  writeReferences(draft);
  writeFlags(draft);
  for (const c of draft.rel.conflicts.slice(0, 10)) draft.note(`Left out a contradicting link: ${c}.`);
  const shown = [...draft.drivers.values()].slice(0, 3);
  const doc = {
    format: 'unload-scenario/1',
    os: 'windows' as const,
    title: `What holds ${shown.join(', ')}${draft.drivers.size > 3 ? ', …' : ''} (from a WinDbg paste)`,
    summary:
      'Rebuilt from what the debugger printed. Where the paste is silent the scenario assumes, and the step says so.',
    steps: draft.steps,
  };
  const parsed = parseScenario(doc);
  // WinDbg sessions are Windows's own: the scenario is the Windows personality's (doc.os above).
  if (!parsed.ok || parsed.scenario.os !== doc.os) {
    const why = parsed.ok
      ? `not ${kernelOf(doc.os).vocabulary.article} scenario`
      : parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`the scenario written from the paste is not valid (${why})`);
  }
  return {
    scenario: parsed.scenario,
    approximations: draft.approximations,
    names: draft.nameMap(),
  };
}

/** The devices the scenario holds: all, up to MAX_DEVICES, a driver or a placeholder for each. */
function placedDevices(draft: Draft): DebuggerDevice[] {
  const all = draft.imp.devices;
  if (all.length > MAX_DEVICES) {
    draft.note(`The paste printed ${all.length} devices; the scenario holds the first ${MAX_DEVICES}.`);
  }
  return all.slice(0, MAX_DEVICES);
}

function writeDrivers(draft: Draft, devices: readonly DebuggerDevice[]): void {
  const printed = new Set(devices.map((d) => d.driver?.toLowerCase() ?? UNKNOWN_DRIVER.toLowerCase()));
  // Every driver printed (one with no device left is a finding too); bus drivers first, as stacks are built bottom-up.
  const owners = draft.imp.drivers.filter((d, i) => i < MAX_DRIVERS || printed.has(d.name.toLowerCase()));
  if (owners.length < draft.imp.drivers.length) {
    draft.note(
      `The paste printed ${draft.imp.drivers.length} drivers; the scenario holds ${owners.length} of them.`,
    );
  }
  const busFirst = [
    ...owners.filter((d) => d.devices.some((a) => draft.rel.isPdo(a))),
    ...owners.filter((d) => !d.devices.some((a) => draft.rel.isPdo(a))),
  ];
  for (const drv of busFirst) {
    const name = draft.names.claim(driverShortName(drv.name), 'drv');
    draft.drivers.set(drv.name.toLowerCase(), name);
    const model = driverModel(drv, draft.ix, draft.rel);
    const unload = unloadRoutine(drv);
    if (model.assumed) draft.note(`${drv.name}: ${model.why}.`);
    if (unload.assumed) draft.note(`${drv.name}: ${unload.why}.`);
    draft.add({
      do: 'loadDriver',
      driver: name,
      model: model.value,
      unloadRoutine: unload.value,
      say: `${drv.name}, read at ${where(drv.sources)}: ${model.why}; ${unload.why}.`,
    });
  }
  if (printed.has(UNKNOWN_DRIVER.toLowerCase())) {
    const name = draft.names.claim('driver-not-printed');
    draft.drivers.set(UNKNOWN_DRIVER.toLowerCase(), name);
    draft.note(
      'Some devices were printed without their driver; they belong to a stand-in driver, "driver-not-printed".',
    );
    draft.add({
      do: 'loadDriver',
      driver: name,
      model: 'pnp',
      say: 'A stand-in for the driver of devices the paste printed without one (an !irp location, a !devnode PDO).',
    });
  }
}

function writeDevices(draft: Draft, devices: readonly DebuggerDevice[]): void {
  const wanted = new Set(devices.map((d) => d.address));
  for (const d of devices) {
    // Bottom first, so each device can attach to the one below it.
    for (const a of draft.rel.stack(d.address).reverse()) {
      const dev = draft.ix.devices.get(a);
      if (dev && wanted.has(a) && !draft.devices.has(a)) createDevice(draft, dev);
    }
  }
}

function createDevice(draft: Draft, dev: DebuggerDevice): void {
  const driver = draft.driverOf(dev.driver ?? UNKNOWN_DRIVER);
  if (driver === undefined) return;
  const role = deviceRole(dev, draft.ix, draft.rel);
  const short = driverShortName(dev.driver ?? 'device');
  const printed = dev.name !== undefined && !isGenerated(dev.name) ? dev.name : undefined;
  const name = draft.names.claim(
    printed ?? `${short.slice(0, 40)}.${role.value}.${suffix(dev.address)}`,
    suffix(dev.address),
  );
  draft.devices.set(dev.address, name);
  const below = draft.rel.below(dev.address);
  const attachTo = below === undefined ? undefined : draft.devices.get(below.device);
  if (role.assumed) draft.note(`Device ${dev.address}: ${role.why}.`);
  const label = dev.name === undefined ? '' : ` "${dev.name}"`;
  const on = below && attachTo ? `; attached to ${below.device} (${printedAt(below)})` : '';
  draft.add({
    do: 'createDevice',
    driver,
    device: name,
    role: role.value,
    ...(attachTo === undefined ? {} : { attachTo }),
    say: `Device ${dev.address}${label} of ${dev.driver ?? 'a driver the paste does not name'}, read at ${where(dev.sources)}: ${role.why}${on}.`,
  });
}

function writeHandles(draft: Draft): void {
  const who = whoOf(draft.imp);
  for (const dev of draft.imp.devices) {
    const name = draft.devices.get(dev.address);
    const rc = dev.refCount ?? 0;
    if (name === undefined || rc <= 0) continue;
    const n = Math.min(rc, MAX_HANDLES);
    if (rc > n) draft.note(`RefCount ${rc} on ${dev.address}: the scenario opens ${n} handles for them.`);
    // The handles the paste printed on this device (!devhandles, !handle) give their own names: who holds them.
    const printed = handlesOn(dev, who);
    const handles: string[] = [];
    for (let i = 1; i <= n; i++) {
      const h = printed[i - 1];
      const owner = h === undefined ? undefined : ownerOf(h, who);
      handles.push(
        draft.names.claim(
          h === undefined
            ? `${name.slice(0, 56)}.h${i}`
            : `${safeName(owner ?? 'process').slice(0, 48)}.${h.handle}`,
        ),
      );
    }
    draft.handles.set(dev.address, handles);
    const unknown = n - Math.min(n, printed.length);
    if (unknown > 0)
      draft.note(
        printed.length === 0
          ? `RefCount ${rc} on ${dev.address} becomes ${count(n, 'handle', 'handles')} of unknown owner (${handles.join(', ')}).`
          : `RefCount ${rc} on ${dev.address}: ${count(unknown, 'handle', 'handles')} of unknown owner (${handles.slice(n - unknown).join(', ')}) beside the ${printed.length} the paste names.`,
      );
    handles.forEach((handle, i) => {
      const h = printed[i];
      const say = h
        ? `Handle ${hexHandle(h.handle)} of ${processLabel(h.process === undefined ? undefined : who.processes.get(h.process), h.process, h.kernel ? 'the kernel' : undefined)} on ${dev.address}, file object ${h.object} (${firstFrom(h.sources)}).`
        : i === 0
          ? `RefCount ${rc} on ${dev.address} (${firstFrom(dev.sources, 'devobj')}): ${count(rc, 'file object is', 'file objects are')} open on it. Who holds ${rc === 1 ? 'it' : 'them'} is not printed (!devhandles ${dev.address} shows); ${handles.length === 1 ? `handle ${handles.join('')} stands` : `handles ${handles.join(', ')} stand`} for ${rc === 1 ? 'it' : 'them'}.`
          : `File object ${i + 1} of ${rc} on ${dev.address}${printed.length > 0 ? ': who holds it is not printed' : ''}.`;
      draft.add({ do: 'openHandle', device: name, handle, say });
    });
  }
}

/** The image of the process holding a printed handle (`the kernel` for the kernel's table). */
function ownerOf(h: DebuggerHandle, who: Who): string | undefined {
  if (h.kernel) return 'kernel';
  return h.process === undefined
    ? undefined
    : (who.processes.get(h.process)?.image ?? `process-${h.process}`);
}

/** A scenario name is letters, digits, `_`, `.` and `-`. */
function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function hexHandle(h: string): string {
  return `0x${h.replace(/^0+(?=.)/, '')}`;
}

function writeReferences(draft: Draft): void {
  for (const o of draft.imp.objects) {
    const name = draft.devices.get(o.address);
    if (name === undefined || o.pointerCount === undefined || o.handleCount === undefined) continue;
    const extra = o.pointerCount - o.handleCount;
    if (extra <= 0) continue;
    const n = Math.min(extra, MAX_REFERENCES);
    const refs = Array.from({ length: n }, (_, i) => draft.names.claim(`${name.slice(0, 54)}.ref${i + 1}`));
    draft.references.set(o.address, refs);
    draft.note(
      `PointerCount ${o.pointerCount} above HandleCount ${o.handleCount} on ${o.address} becomes ${count(n, 'held reference', 'held references')}: the paste cannot tell the system's own from a leaked ObReferenceObject.`,
    );
    refs.forEach((reference, i) =>
      draft.add({
        do: 'referenceObject',
        device: name,
        reference,
        say:
          i === 0
            ? `${firstFrom(o.sources, 'object')}: PointerCount ${o.pointerCount}, HandleCount ${o.handleCount}: ${count(extra, 'reference is', 'references are')} held by pointer. The system's own and a leaked ObReferenceObject look alike here; ${refs.join(', ')} stand for them, so release them one by one and watch the image.`
            : `Reference ${i + 1} of ${extra} on ${o.address}.`,
      }),
    );
  }
}

/** Removal, deletion and stop the printed state records; they come last (they refuse new opens and IRPs). */
function writeFlags(draft: Draft): void {
  // The devnodes of the PDOs the scenario holds (a paste may print thousands of devnodes).
  for (const [pdo, pdoName] of draft.devices) {
    const address = draft.rel.isPdo(pdo) ? draft.rel.devnodeOf(pdo) : undefined;
    const n = address === undefined ? undefined : draft.ix.devnodes.get(address);
    if (n?.state === undefined) continue;
    if (n.state === 'DeviceNodeRemovePendingCloses' && draft.handleInStack(pdo) !== undefined) {
      draft.add({
        do: 'surpriseRemove',
        device: pdoName,
        say: `Devnode ${n.address} is ${n.state} (${firstFrom(n.sources, 'devnode')}): the device was surprise-removed and IRP_MN_REMOVE_DEVICE waits for the last handle to close.`,
      });
    } else if (n.state !== 'DeviceNodeStarted') {
      draft.note(
        `Devnode ${n.address} is ${n.state}; the scenario leaves its stack started (the simulator has no action for that state).`,
      );
    }
  }
  for (const dev of draft.imp.devices) {
    const name = draft.devices.get(dev.address);
    if (name === undefined || !hasDoe(dev, 'DOE_DELETE_PENDING')) continue;
    if (draft.rel.below(dev.address))
      draft.note(
        `${dev.address}: the simulator detaches a device before deleting it; the paste may show it still attached.`,
      );
    draft.add({
      do: 'deleteDevice',
      device: name,
      say: `${flagEvidence(dev, 'DOE_DELETE_PENDING') ?? 'DOE_DELETE_PENDING'} on ${dev.address} (${firstFrom(dev.sources, 'devobj')}): IoDeleteDevice was called while something still holds it.`,
    });
  }
  for (const drv of draft.imp.drivers) {
    const name = draft.driverOf(drv.name);
    const pending = drv.devices
      .map((a) => draft.ix.devices.get(a))
      .find((d) => d && hasDoe(d, 'DOE_UNLOAD_PENDING'));
    if (name === undefined || !pending) continue;
    const step = draft.steps.find((s) => s.do === 'loadDriver' && s.driver === name);
    if (step?.do !== 'loadDriver' || step.model !== 'legacy' || step.unloadRoutine === false) {
      draft.note(
        `${drv.name}: DOE_UNLOAD_PENDING was printed, but the simulator can only stop a legacy driver with an Unload routine; the scenario does not stop it.`,
      );
      continue;
    }
    draft.add({
      do: 'stopDriver',
      driver: name,
      say: `${flagEvidence(pending, 'DOE_UNLOAD_PENDING') ?? 'DOE_UNLOAD_PENDING'} on ${pending.address} (${firstFrom(pending.sources, 'devobj')}): a stop (sc stop → NtUnloadDriver) was asked of ${drv.name}, and its Unload waits for what holds it.`,
    });
  }
}
