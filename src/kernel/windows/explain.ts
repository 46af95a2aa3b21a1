import type { Condition, UnloadExplanation } from '../checklist';
import { cond, flag } from '../checklist';
import { describeRefs, type ObjectRef } from '../events';
import { removeLockHolders, type Driver, type WindowsWorld } from './model';
import { removeWaiting } from './removeLock';
import { pdoOf, stackOf } from './stack';
import { childrenOf } from './tree';
import { unloadBlockers } from './unload';

/**
 * The Windows checklist (seed rule 4): every condition the I/O manager checks
 * before calling Unload, met or not, naming what blocks it.
 */
export function explainWindows(world: WindowsWorld, name: string): UnloadExplanation {
  const d = world.drivers.get(name);
  if (!d)
    return {
      driver: name,
      os: 'windows',
      unloaded: true,
      summary: `No driver named ${name} has been loaded.`,
      conditions: [],
    };
  const b = unloadBlockers(world, d);
  const legacy = d.model === 'legacy';
  const requested = d.state === 'unloadPending' || d.state === 'unloaded';
  const closes = legacy ? [] : pendingCloses(world, name);
  const waits = legacy ? null : lockWait(world, name);
  const conditions: Condition[] = [
    flag(
      'unloadRequested',
      legacy ? 'seed.3.unloadPending' : 'seed.2.pnpLastDevice',
      requested,
      requestText(d),
    ),
    flag(
      'hasUnloadRoutine',
      legacy ? 'win.stop.noUnloadRoutine' : 'win.unload.noRoutine',
      d.hasUnload,
      d.hasUnload
        ? d.framework === 'kmdf' && !legacy
          ? 'It has an Unload routine: KMDF gives every PnP driver the framework’s'
          : 'It has an Unload routine'
        : 'It has no Unload routine: it is never unloaded',
    ),
    cond(
      'noReferences',
      'seed.4a.noReferences',
      b.handles,
      'No file is open on its devices',
      'Files still open',
    ),
    cond('noOutstandingIrps', 'seed.4a.noIrps', b.irps, 'No IRP is outstanding', 'IRPs outstanding'),
    cond(
      'noAttachedDrivers',
      'seed.4b.noAttached',
      b.attached,
      'No other device is attached to its devices',
      'Still attached above it',
    ),
    cond(
      'notificationsUnregistered',
      'seed.4c.unregistered',
      b.registrations,
      'Every PnP notification is unregistered',
      'Still registered',
    ),
    // A file system: only while it has volume device objects (win.fs.mountedHolds).
    ...([...d.devices].some((n) => world.devices.get(n)?.role === 'volume')
      ? [
          cond(
            'noMountedVolumes',
            'win.fs.mountedHolds',
            b.volumes,
            'No volume of it is still mounted',
            'Volumes still mounted',
          ),
        ]
      : []),
    legacy
      ? flag(
          'noDeviceObjects',
          'win.unload.deletesDevices',
          true,
          `Not required: a legacy driver’s Unload deletes its own device objects (${d.devices.size} now)`,
        )
      : waits
        ? {
            id: 'noDeviceObjects',
            met: false,
            rule: 'win.removeLock.wait',
            blockers: [...b.devices, ...waits.blockers],
            text: `Device objects remain: ${waits.text}`,
          }
        : closes.length > 0
          ? {
              id: 'noDeviceObjects',
              met: false,
              rule: 'win.pnp.removeAfterClose',
              blockers: [...b.devices, ...closes],
              text: `Device objects remain: surprise-removed, IRP_MN_REMOVE_DEVICE waits for ${describeRefs(closes)} to close`,
            }
          : cond(
              'noDeviceObjects',
              'seed.2.pnpLastDevice',
              b.devices,
              'It has no device objects left',
              'Device objects remain',
            ),
  ];
  return {
    driver: name,
    os: 'windows',
    unloaded: d.state === 'unloaded' || d.state === 'entryFailed',
    summary: windowsSummary(world, name, conditions),
    conditions,
  };
}

/** What starts (or would start) this driver's unload, in its present state. */
function requestText(d: Driver): string {
  if (d.state === 'entryFailed') return 'Never loaded: DriverEntry failed, so Unload is never called';
  if (d.state === 'unloadPending' || d.state === 'unloaded') return 'Unload Pending: the unload has started';
  if (d.model === 'legacy') {
    return d.hasUnload
      ? 'Not asked to stop yet: sc stop starts the unload'
      : 'sc stop is refused (STATUS_INVALID_DEVICE_REQUEST): there is no Unload routine';
  }
  if (d.stuck)
    return 'Its last device object is gone, but without an Unload routine the PnP manager never unloads it';
  return 'The PnP manager starts the unload when the driver’s last device object is removed';
}

/** A REMOVE under way in a stack of this driver, waiting in IoReleaseRemoveLockAndWait (win.removeLock.wait). */
function lockWait(world: WindowsWorld, driver: string): { blockers: ObjectRef[]; text: string } | null {
  for (const dev of world.drivers.get(driver)?.devices ?? []) {
    const at = removeWaiting(stackOf(world, dev));
    if (!at) continue;
    const { irps, tags } = removeLockHolders(at);
    // An IRP its driver passed down is pending in a lower driver: that driver completes it (win.io.passDown).
    const where = (i: string) => {
      const last = world.irps.get(i)?.path.at(-1);
      return last && last !== at.name ? ` (pending in ${last}, below it)` : '';
    };
    const names = [...irps.map((i) => `IRP ${i}${where(i)}`), ...tags.map((t) => `tag ${t}`)];
    return {
      blockers: [
        { kind: 'device', name: at.name },
        ...irps.map((i): ObjectRef => ({ kind: 'irp', name: i })),
      ],
      // The moment the last acquisition goes, before the REMOVE moves on.
      text:
        names.length === 0
          ? `the last acquisition of ${at.name}'s remove lock is released: IRP_MN_REMOVE_DEVICE goes on down the stack`
          : `IRP_MN_REMOVE_DEVICE waits in IoReleaseRemoveLockAndWait on ${at.name} until ${names.join(', ')} release it`,
    };
  }
  return null;
}

/** Open handles on a surprise-removed stack of this driver: REMOVE waits for them (win.pnp.removeAfterClose). */
function pendingCloses(world: WindowsWorld, driver: string): ObjectRef[] {
  const out: ObjectRef[] = [];
  const seen = new Set<string>();
  for (const dev of world.drivers.get(driver)?.devices ?? []) {
    const pdo = pdoOf(world, dev);
    if (!pdo || pdo.devnode !== 'RemovePendingCloses' || seen.has(pdo.name)) continue;
    seen.add(pdo.name);
    for (const d of stackOf(world, pdo.name))
      for (const h of d.fileObjects) out.push({ kind: 'handle', name: h });
  }
  return out;
}

/** A stack of this driver whose REMOVE waits for its child devnodes (win.pnp.childrenFirst). */
function childWait(world: WindowsWorld, driver: string): string | null {
  for (const dev of world.drivers.get(driver)?.devices ?? []) {
    const pdo = pdoOf(world, dev);
    if (!pdo?.removeAfterChildren) continue;
    const kids = childrenOf(world, pdo.name).map((c) => c.name);
    return `IRP_MN_REMOVE_DEVICE for ${pdo.name} waits until its child devnodes (${kids.join(', ')}) are removed`;
  }
  return null;
}

function windowsSummary(world: WindowsWorld, name: string, conditions: readonly Condition[]): string {
  const d = world.drivers.get(name);
  if (!d) return '';
  if (world.bugCheck)
    return `The system stopped with bug check ${world.bugCheck.code} ${world.bugCheck.name} (${world.bugCheck.driver}): nothing runs until a reboot.`;
  if (world.shutDown) return 'The system has shut down: no Unload routine is called at shutdown.';
  const pins = [...d.devices, ...d.lingering];
  switch (d.state) {
    case 'entryFailed':
      // (The moment before the image goes, drawn mid-step: nothing pins it yet — win.load.leak.)
      if (d.imageInMemory && pins.length === 0)
        return `DriverEntry failed (${d.entryStatus}): nothing pins the image, so it is freed; Unload is never called.`;
      return d.imageInMemory
        ? `DriverEntry failed (${d.entryStatus}); a leaked device (${pins.join(', ')}) pins the image.`
        : `DriverEntry failed (${d.entryStatus}): the image was freed and Unload was never called.`;
    case 'unloaded':
      // (The moment between Unload and the image's release, drawn mid-step.)
      if (d.imageInMemory && pins.length === 0)
        return 'Unload ran; nothing references the image, so it is freed.';
      return d.imageInMemory
        ? `Unload ran, but the image is still in memory: ${pins.join(', ')} is still referenced.`
        : 'Unload ran and the image was freed.';
    case 'unloadPending': {
      const open = conditions.filter((c) => !c.met).map((c) => c.text);
      // The moment the last blocker goes (drawn mid-step), before Unload is called:
      // a deferred unload completes when the last blocker goes (windows.md, seed.4.allConditions).
      if (open.length === 0) return 'Unload Pending: the last blocker is gone, so Unload runs now.';
      return `Unload Pending: waiting — ${open.join('; ')}.`;
    }
    case 'loaded':
      if (d.stuck)
        return 'Its last device is gone but it has no Unload routine: it stays loaded until reboot.';
      if (d.rebootRequired) return 'An update was blocked: the old image stays until a reboot.';
      if (!d.hasUnload) {
        return d.model === 'legacy'
          ? 'Loaded, with no Unload routine: sc stop is refused and it stays loaded until reboot.'
          : 'Loaded, with no Unload routine: its devices can be removed, but it is never unloaded.';
      }
      if (d.model === 'pnp' && lockWait(world, name)) {
        return `Being removed: ${lockWait(world, name)?.text}; then its devices go and Unload can run.`;
      }
      if (childWait(world, name)) {
        return `Being removed: ${childWait(world, name)}; then its devices go and Unload can run.`;
      }
      if (pendingCloses(world, name).length > 0) {
        return `Surprise-removed: IRP_MN_REMOVE_DEVICE waits for ${describeRefs(pendingCloses(world, name))} to close; then its devices go and Unload can run.`;
      }
      return d.model === 'legacy'
        ? 'Loaded. sc stop marks it Unload Pending; Unload runs when every condition below holds.'
        : 'Loaded. It unloads after IRP_MN_REMOVE_DEVICE takes its last device object, when every condition below holds.';
  }
}
