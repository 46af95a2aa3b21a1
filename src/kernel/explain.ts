import type { ObjectRef } from './events';
import type { RuleId } from './rules';
import { dueAt } from './svr5/daemon';
import { busy } from './svr5/lifecycle';
import { isDdi8, neverUnloadable, unloadDelayOf, type Svr5World } from './svr5/model';
import type { Driver, WindowsWorld } from './windows/model';
import { pdoOf, stackOf } from './windows/stack';
import { describeRefs, unloadBlockers } from './windows/unload';
import type { World } from './world';

/** One line of the live unload checklist. */
export interface Condition {
  readonly id: string;
  readonly met: boolean;
  /** Names the blocking objects when not met. */
  readonly text: string;
  readonly rule: RuleId;
  /** The objects that keep this condition from being met (for highlighting). */
  readonly blockers: readonly ObjectRef[];
}

export interface UnloadExplanation {
  readonly driver: string;
  readonly os: World['os'];
  /** Unload (or `_unload`) has run and the driver is gone, or it was never loaded. */
  readonly unloaded: boolean;
  /** One sentence: where the driver stands and why. */
  readonly summary: string;
  readonly conditions: readonly Condition[];
}

function cond(
  id: string,
  rule: RuleId,
  blockers: readonly ObjectRef[],
  ok: string,
  notOk: string,
): Condition {
  const met = blockers.length === 0;
  return { id, met, rule, blockers, text: met ? ok : `${notOk}: ${describeRefs(blockers)}` };
}

function flag(id: string, rule: RuleId, met: boolean, text: string): Condition {
  return { id, met, rule, blockers: [], text };
}

/**
 * The live checklist for one driver (Windows) or module (SVR5): every
 * condition the OS checks before calling Unload / `_unload`, met or not,
 * naming what blocks it.
 */
export function explainUnload(world: World, driver: string): UnloadExplanation {
  return world.os === 'windows' ? explainWindows(world, driver) : explainSvr5(world, driver);
}

function explainWindows(world: WindowsWorld, name: string): UnloadExplanation {
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
  const conditions: Condition[] = [
    flag(
      'unloadRequested',
      legacy ? 'seed.3.unloadPending' : 'seed.2.pnpLastDevice',
      requested,
      requestText(d),
    ),
    flag(
      'hasUnloadRoutine',
      legacy ? 'win.stop.notLegacy' : 'win.unload.noRoutine',
      d.hasUnload,
      d.hasUnload ? 'It has an Unload routine' : 'It has no Unload routine: it is never unloaded',
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
    legacy
      ? flag(
          'noDeviceObjects',
          'win.unload.deletesDevices',
          true,
          `Not required: a legacy driver’s Unload deletes its own device objects (${d.devices.size} now)`,
        )
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

function windowsSummary(world: WindowsWorld, name: string, conditions: readonly Condition[]): string {
  const d = world.drivers.get(name);
  if (!d) return '';
  if (world.shutDown) return 'The system has shut down: no Unload routine is called at shutdown.';
  const pins = [...d.devices, ...d.lingering];
  switch (d.state) {
    case 'entryFailed':
      return d.imageInMemory
        ? `DriverEntry failed (${d.entryStatus}); a leaked device (${pins.join(', ')}) pins the image.`
        : `DriverEntry failed (${d.entryStatus}): the image was freed and Unload was never called.`;
    case 'unloaded':
      return d.imageInMemory
        ? `Unload ran, but the image is still in memory: ${pins.join(', ')} is still referenced.`
        : 'Unload ran and the image was freed.';
    case 'unloadPending': {
      const open = conditions.filter((c) => !c.met).map((c) => c.text);
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
      if (pendingCloses(world, name).length > 0) {
        return `Surprise-removed: IRP_MN_REMOVE_DEVICE waits for ${describeRefs(pendingCloses(world, name))} to close; then its devices go and Unload can run.`;
      }
      return d.model === 'legacy'
        ? 'Loaded. sc stop marks it Unload Pending; Unload runs when every condition below holds.'
        : 'Loaded. It unloads after IRP_MN_REMOVE_DEVICE takes its last device object, when every condition below holds.';
  }
}

function explainSvr5(world: Svr5World, name: string): UnloadExplanation {
  const m = world.modules.get(name);
  if (!m)
    return {
      driver: name,
      os: 'svr5',
      unloaded: true,
      summary: `No module named ${name} is registered.`,
      conditions: [],
    };
  const b = busy(world, { ...m, hasUnload: true, hba: false });
  const open = b?.rule === 'svr5.seed.notWhileOpen' ? b.blockers : [];
  const dependents = m.dependents.toArray().map((n): ObjectRef => ({ kind: 'module', name: n }));
  const conditions: Condition[] = [
    flag(
      'hasUnloadRoutine',
      isDdi8(m.ddi) ? 'svr5.seed.requiredDdi8' : 'svr5.seed.optionalBefore8',
      m.hasUnload,
      m.hasUnload ? 'It has an _unload routine' : 'No _unload routine (DDI before 8): it is never unloaded',
    ),
    flag('notHba', 'svr5.never.hba', !m.hba, m.hba ? 'An HBA driver: never unloaded' : 'Not an HBA driver'),
    cond('noOpenDevices', 'svr5.seed.notWhileOpen', open, 'None of its devices is open', 'Devices open'),
    cond(
      'noDependents',
      'svr5.busy.dependents',
      dependents,
      'No loaded module depends on it',
      'Loaded dependents',
    ),
    flag(
      'notProfiling',
      'svr5.busy.profiling',
      !world.options.profiling,
      world.options.profiling ? 'Profiling is enabled' : 'Profiling is off',
    ),
    // Only a module with an _unload has something to say about what it returns.
    ...(m.hasUnload
      ? [
          flag(
            'unloadReturnsZero',
            'svr5.seed.errno',
            m.unloadReturns === '0',
            m.unloadReturns === '0'
              ? '_unload will return 0'
              : `_unload will return ${m.unloadReturns}: the module would stay loaded`,
          ),
        ]
      : []),
  ];
  return { driver: name, os: 'svr5', unloaded: !m.loaded, summary: svr5Summary(world, name), conditions };
}

function svr5Summary(world: Svr5World, name: string): string {
  const m = world.modules.get(name);
  if (!m) return '';
  if (world.shutDown) return 'The system has shut down: no _unload routine is called at shutdown.';
  if (!m.loaded) {
    if (m.lastLoadResult !== null && m.lastLoadResult !== '0' && m.lastUnloadResult === null) {
      return `_load returned ${m.lastLoadResult}: not loaded, and _unload is never called.`;
    }
    return m.generation > 0
      ? 'Unloaded: _unload returned 0 and the module was freed.'
      : 'Registered, not loaded: the first open of one of its devices loads it.';
  }
  const never = neverUnloadable(m);
  if (never) return `Loaded; ${never}.`;
  const b = busy(world, m);
  if (b) return `Loaded and busy: ${b.reason}. A demand unload gets EBUSY without calling _unload.`;
  if (!world.autoCandidates.has(name)) {
    return 'Loaded on demand: only modadmin -U unloads it (auto-unload never touches a demand-loaded module).';
  }
  const at = dueAt(world, name, world.options.unloadWake);
  const delay = unloadDelayOf(m, world.options);
  const idle = m.idleSince === null ? 0 : world.clock - m.idleSince;
  if (m.unloadReturns !== '0') {
    return `Idle ${idle} s of ${delay} s: the auto-unload daemon will call _unload at t=${at} s, but _unload returns ${m.unloadReturns}, so the module stays loaded.`;
  }
  return `Idle ${idle} s of ${delay} s: the auto-unload daemon will unload it at t=${at} s unless it is opened first.`;
}
