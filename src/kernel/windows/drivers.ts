import { OrderedSet } from 'immutable';
import { WINDOWS_ACTION_DEFAULTS, type WindowsAction } from './actions';

import type { StepResult } from '../types';
import { newDevice, stackLayout } from './devices';
import { DO, hasFlag, type DeviceObject, type Driver, type WindowsWorld } from './model';
import { isHolding } from './openChecks';
import { cancelRemove, queryRemove, removeStack, removing } from './pnp';
import { pdoOf } from './stack';
import type { WindowsTx } from './tx';
import { describeRefs } from '../events';
import { allBlockers, beginUnload, deviceRef, maybeFreeImage, unloadBlockers } from './unload';

const D = WINDOWS_ACTION_DEFAULTS.loadDriver;

type Act<K extends WindowsAction['do']> = Extract<WindowsAction, { do: K }>;
type Result = StepResult<WindowsWorld>;

function isLoaded(d: Driver | undefined): boolean {
  return d !== undefined && (d.state === 'loaded' || d.state === 'unloadPending');
}

/** Service start / PnP load: map the image, run DriverEntry. */
export function loadDriver(tx: WindowsTx, a: Act<'loadDriver'>): Result {
  const old = tx.driver(a.driver);
  if (isLoaded(old)) {
    return tx.refuse(
      'STATUS_IMAGE_ALREADY_LOADED',
      'win.load.alreadyLoaded',
      `${a.driver} is already loaded`,
      {
        driver: a.driver,
      },
    );
  }
  if (old?.imageInMemory) {
    const blockers = [...old.devices, ...old.lingering].map(deviceRef);
    // Code 38 is a devnode's problem code: only a PnP driver has one to show.
    return old.model === 'pnp'
      ? tx.refuse(
          'STATUS_IMAGE_ALREADY_LOADED',
          'win.image.code38',
          `a previous instance of ${a.driver} is still in memory (Device Manager Code 38)`,
          { driver: a.driver, blockers },
        )
      : tx.refuse(
          'STATUS_IMAGE_ALREADY_LOADED',
          'win.load.alreadyLoaded',
          `the previous image of ${a.driver} is still in memory`,
          { driver: a.driver, blockers },
        );
  }
  const model = a.model ?? D.model;
  const kmdf = (a.framework ?? D.framework) === 'kmdf';
  const unloadRoutine = a.unloadRoutine ?? D.unloadRoutine;
  const driver: Driver = {
    name: a.driver,
    model,
    // A KMDF PnP driver always has the framework's DriverUnload (win.kmdf.unloadRoutine).
    hasUnload: kmdf && model === 'pnp' ? true : unloadRoutine,
    vetoesQueryRemove: a.vetoesQueryRemove ?? D.vetoesQueryRemove,
    usesRemoveLock: a.removeLock ?? D.removeLock,
    forgetsCleanup: a.forgetsCleanup ?? D.forgetsCleanup,
    forgetsWaitWake: a.forgetsWaitWake ?? D.forgetsWaitWake,
    startFails: a.startFails ?? null,
    vetoesQueryStop: a.vetoesQueryStop ?? D.vetoesQueryStop,
    state: 'loaded',
    unloadInvoked: false,
    imageInMemory: true,
    devices: OrderedSet(),
    lingering: OrderedSet(),
    registrations: OrderedSet(),
    generation: (old?.generation ?? 0) + 1,
    stuck: false,
    rebootRequired: false,
    ...(a.controlDevice === undefined ? {} : { controlDevice: a.controlDevice }),
    ...(kmdf ? { framework: 'kmdf' as const, evtDriverUnload: unloadRoutine } : {}),
    ...(a.verifier ? { verified: true } : {}),
    ...(a.leaksPool ? { leaksPool: true } : {}),
    ...(a.leavesTimer ? { leavesTimer: true } : {}),
    ...(a.leavesEtwProvider ? { leavesEtwProvider: true } : {}),
    ...(a.leavesWmiCallback ? { leavesWmiCallback: true } : {}),
  };
  tx.putDriver(driver);
  const entry = a.driverEntry === undefined || a.driverEntry === 'success' ? 'STATUS_SUCCESS' : a.driverEntry;
  if (a.controlDevice !== undefined && (entry === 'STATUS_SUCCESS' || a.driverEntryLeaksDevice)) {
    if (tx.devices.has(a.controlDevice)) {
      return failEntry(
        tx,
        a.driver,
        'STATUS_OBJECT_NAME_COLLISION',
        `IoCreateDevice(${a.controlDevice}) failed: the name is taken`,
      );
    }
    // IoCreateDevice sets DO_DEVICE_INITIALIZING; the I/O manager clears it only if DriverEntry succeeds.
    tx.putDevice(newDevice(a.controlDevice, driver, 'control', false, true));
    tx.patchDriver(a.driver, { devices: OrderedSet([a.controlDevice]) });
    tx.emit('deviceCreated', 'win.device.create', {
      device: a.controlDevice,
      driver: a.driver,
      state: 'control',
    });
  }
  if (entry !== 'STATUS_SUCCESS') return failEntry(tx, a.driver, entry, `DriverEntry returned ${entry}`);
  readyDevices(tx, a.driver);
  tx.emit('driverLoaded', 'win.load.entry', { driver: a.driver, status: entry });
  return tx.done();
}

/** After a DriverEntry that succeeds, the I/O manager clears DO_DEVICE_INITIALIZING on the devices it created. */
function readyDevices(tx: WindowsTx, name: string): void {
  for (const dev of tx.drv(name).devices) {
    const d = tx.dev(dev);
    tx.patchDevice(dev, { doFlags: d.doFlags & ~DO.DEVICE_INITIALIZING });
  }
}

/** Seed rule 5: DriverEntry failed → no Unload, the image is freed (unless a leaked device pins it). */
function failEntry(tx: WindowsTx, name: string, status: string, reason: string): Result {
  const d = tx.patchDriver(name, { state: 'entryFailed', entryStatus: status });
  tx.emit('driverEntryFailed', 'seed.5.driverEntryFailed', { driver: name, status, reason });
  if (d.devices.size > 0) {
    tx.emit('driverBug', 'win.load.leak', {
      driver: name,
      blockers: d.devices.toArray().map(deviceRef),
      reason:
        'DriverEntry failed without deleting the device it created: the device pins the image, and it keeps DO_DEVICE_INITIALIZING, so nothing can open it',
    });
  }
  maybeFreeImage(tx, name);
  return tx.done(status);
}

/** `sc stop` → NtUnloadDriver (shared/domain/windows.md §3, legacy stop). */
export function stopDriver(tx: WindowsTx, a: Act<'stopDriver'>): Result {
  const d = tx.driver(a.driver);
  if (d?.state === 'unloaded') {
    const still = d.imageInMemory ? ' (a leaked reference keeps its image in memory)' : '';
    return tx.refuse(
      'STATUS_OBJECT_NAME_NOT_FOUND',
      'win.stop.nameGone',
      `Unload of ${a.driver} has run: its driver object's name is gone${still}`,
      { driver: a.driver },
    );
  }
  if (!d || !isLoaded(d)) {
    return tx.refuse('STATUS_OBJECT_NAME_NOT_FOUND', 'win.stop.notLoaded', `${a.driver} is not loaded`, {
      driver: a.driver,
    });
  }
  if (d.model === 'pnp' || !d.hasUnload) {
    const why =
      d.model === 'pnp'
        ? 'it is a PnP driver: it unloads when its devices are removed'
        : 'it has no Unload routine';
    return tx.refuse(
      'STATUS_INVALID_DEVICE_REQUEST',
      d.model === 'pnp' ? 'win.stop.notLegacy' : 'win.stop.noUnloadRoutine',
      `${a.driver} cannot be stopped: ${why}`,
      {
        driver: a.driver,
      },
    );
  }
  beginUnload(tx, a.driver, 'seed.3.unloadPending');
  if (tx.drv(a.driver).unloadInvoked) return tx.done();
  const status = tx.options.deferredStopStatus;
  return tx.done(status);
}

interface SavedStack {
  readonly pdo: string;
  /** Bottom first, without the PDO. */
  readonly layout: readonly DeviceObject[];
}

/**
 * Driver replacement (seed rule 1): remove every device of the old driver,
 * let it unload, load the new image, re-add the devices. A veto, or an old
 * image that cannot go, leaves it in place until a reboot.
 */
export function updateDriver(tx: WindowsTx, a: Act<'updateDriver'>): Result {
  const d = tx.driver(a.driver);
  if (!d || !isLoaded(d)) {
    return tx.refuse('STATUS_OBJECT_NAME_NOT_FOUND', 'win.object.notFound', `${a.driver} is not loaded`, {
      driver: a.driver,
    });
  }
  if (d.model === 'legacy') {
    // Only an old image that can unload now is replaced; otherwise it keeps serving until a reboot.
    if (!d.hasUnload) return rebootRequired(tx, a.driver, 'it has no Unload routine');
    if (d.state !== 'loaded') return rebootRequired(tx, a.driver, 'its unload is already pending');
    const holding = allBlockers(unloadBlockers(tx, d));
    if (holding.length > 0)
      return rebootRequired(tx, a.driver, `the old image is in use: ${describeRefs(holding)}`);
    beginUnload(tx, a.driver, 'seed.1.whenUnloaded');
    return finishUpdate(tx, a.driver, []);
  }
  const pdos = new Set<string>();
  for (const dev of d.devices) {
    const pdo = pdoOf(tx, dev);
    // A stack already being removed (surprise removal, a deleted PDO) is not queried again.
    if (
      !pdo ||
      pdo.name === dev ||
      pdo.surpriseRemoved ||
      hasFlag(pdo, 'DELETE_PENDING') ||
      removing(tx, pdo.name) ||
      // A stack in the middle of a rebalance is left alone [MODEL: win.rebalance.noRemoval].
      isHolding(pdo)
    )
      continue;
    pdos.add(pdo.name);
  }
  const saved: SavedStack[] = [...pdos].map((pdo) => ({ pdo, layout: stackLayout(tx, pdo) }));
  // Query every stack first: one veto keeps the old driver for all of them.
  const queried: string[] = [];
  for (const { pdo } of saved) {
    const q = queryRemove(tx, pdo);
    if (!q.ok) {
      for (const done of queried) cancelRemove(tx, done);
      return rebootRequired(tx, a.driver, q.reason);
    }
    queried.push(pdo);
  }
  for (const { pdo } of saved) removeStack(tx, pdo, true, 'win.update.replace');
  return finishUpdate(tx, a.driver, saved);
}

function finishUpdate(tx: WindowsTx, name: string, saved: readonly SavedStack[]): Result {
  const old = tx.drv(name);
  if (old.imageInMemory) {
    const why = old.stuck
      ? 'it has no Unload routine'
      : old.state === 'unloaded'
        ? 'its old image is still in memory'
        : 'its old image could not unload';
    return rebootRequired(tx, name, why);
  }
  const fresh: Driver = {
    ...old,
    state: 'loaded',
    unloadInvoked: false,
    imageInMemory: true,
    devices: OrderedSet(),
    lingering: OrderedSet(),
    registrations: OrderedSet(),
    generation: old.generation + 1,
    stuck: false,
    rebootRequired: false,
  };
  tx.putDriver(fresh);
  tx.emit('driverLoaded', 'win.update.replace', {
    driver: name,
    status: 'STATUS_SUCCESS',
    reason: 'the new image is loaded',
  });
  if (old.model === 'legacy' && old.controlDevice !== undefined && !tx.devices.has(old.controlDevice)) {
    addDevice(tx, newDevice(old.controlDevice, fresh, 'control'), null);
  }
  for (const { pdo, layout } of saved) readd(tx, pdo, layout);
  return tx.done();
}

/**
 * Why a removed stack cannot be started again, if it cannot: its PDO went or
 * is being unloaded, or one of its drivers is still unloading (seed rule 3:
 * nothing attaches to, and no IRP reaches, an Unload Pending driver).
 */
function restartBlocker(tx: WindowsTx, pdo: string, layout: readonly DeviceObject[]): string | null {
  const p = tx.device(pdo);
  if (!p || p.unlinked) return `${pdo} is gone`;
  const flag = (['UNLOAD_PENDING', 'DELETE_PENDING', 'REMOVE_PENDING'] as const).find((f) => hasFlag(p, f));
  if (flag) return `${pdo} is DOE_${flag}`;
  for (const dev of layout) {
    const drv = tx.driver(dev.driver);
    if (!drv) return `${dev.driver} is gone`;
    if (drv.state === 'unloadPending') return `${dev.driver} is Unload Pending`;
    if (drv.state !== 'loaded' && drv.imageInMemory)
      return `a previous instance of ${dev.driver} is still in memory`;
  }
  return null;
}

/** The PnP manager rebuilds each stack on its PDO, loading drivers that went away with it. */
function readd(tx: WindowsTx, pdo: string, layout: readonly DeviceObject[]): void {
  const blocker = restartBlocker(tx, pdo, layout);
  if (blocker) {
    if (tx.device(pdo)) {
      tx.emit('devnodeState', 'win.update.replace', {
        device: pdo,
        state: tx.dev(pdo).devnode ?? 'Removed',
        reason: `the device cannot start again: ${blocker}`,
        model: 'The simulator leaves a stack removed when one of its drivers cannot be loaded again.',
      });
    }
    return;
  }
  tx.patchDevice(pdo, { devnode: 'Started' });
  tx.emit('devnodeState', 'win.update.replace', { device: pdo, state: 'Started' });
  let below = pdo;
  for (const dev of layout) {
    const drv = tx.driver(dev.driver);
    if (!drv || tx.devices.has(dev.name)) continue;
    if (!isLoaded(drv)) {
      tx.putDriver({
        ...drv,
        state: 'loaded',
        unloadInvoked: false,
        imageInMemory: true,
        devices: OrderedSet(),
        lingering: OrderedSet(),
        registrations: OrderedSet(),
        generation: drv.generation + 1,
        stuck: false,
      });
      tx.emit('driverLoaded', 'win.update.replace', { driver: dev.driver, status: 'STATUS_SUCCESS' });
    }
    addDevice(tx, newDevice(dev.name, tx.drv(dev.driver), dev.role, dev.exclusive), below);
    below = dev.name;
  }
}

function addDevice(tx: WindowsTx, device: DeviceObject, below: string | null): void {
  tx.putDevice(device);
  const drv = tx.drv(device.driver);
  tx.patchDriver(device.driver, { devices: drv.devices.add(device.name) });
  tx.emit('deviceCreated', 'win.update.replace', {
    device: device.name,
    driver: device.driver,
    state: device.role,
  });
  if (below) {
    tx.patchDevice(device.name, { attachedTo: below });
    tx.patchDevice(below, { attachedDevice: device.name });
    tx.emit('deviceAttached', 'win.attach.top', { device: device.name, to: below, driver: device.driver });
  }
}

function rebootRequired(tx: WindowsTx, name: string, reason: string): Result {
  tx.patchDriver(name, { rebootRequired: true });
  tx.emit('rebootRequired', 'win.update.reboot', {
    driver: name,
    reason: `the update needs a reboot: ${reason}`,
    model:
      'Setup reports success with a reboot flag; the simulator answers STATUS_SUCCESS and a rebootRequired event.',
  });
  return tx.done();
}
