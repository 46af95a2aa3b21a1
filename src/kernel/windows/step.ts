import { Map as IMap } from 'immutable';
import { DEFAULT_WINDOWS_OPTIONS, type WindowsAction, type WindowsOptions } from './actions';
import type { StepResult } from '../types';
import { attachDevice, createDevice, deleteDeviceAction, detachDevice } from './devices';
import { dereferenceObject, referenceObject } from './references';
import { loadDriver, stopDriver, updateDriver } from './drivers';
import { closeHandle, completeIrp, openHandle, sendIrp } from './io';
import type { WindowsWorld } from './model';
import {
  registerDeviceNotification,
  registerNotification,
  registerShutdown,
  shutdown,
  unregisterNotification,
} from './notify';
import { pnpIrpAction, requestRemove, surpriseRemoveAction } from './pnpActions';
import { acquireRemoveLock, releaseRemoveLock } from './removeLock';
import { wdfSetStaticStopRemove } from './kmdf/stopRemove';
import { wdfObjectDereference, wdfObjectReference } from './kmdf/references';
import { WindowsTx } from './tx';
import { timerFires } from './verifier';
import { requestWaitWake } from './waitWake';
import { deviceUsage } from './deviceUsage';
import { mountVolume } from './fileSystem';

export function createWindowsWorld(options: Partial<WindowsOptions> = {}): WindowsWorld {
  return {
    os: 'windows',
    options: { ...DEFAULT_WINDOWS_OPTIONS, ...options },
    drivers: IMap(),
    devices: IMap(),
    handles: IMap(),
    irps: IMap(),
    registrations: IMap(),
    references: IMap(),
    shutDown: false,
  };
}

/** One Windows action: (world, action) → { world, status, events }. Pure. */
export function windowsStep(world: WindowsWorld, action: WindowsAction): StepResult<WindowsWorld> {
  const tx = new WindowsTx(world);
  if (world.bugCheck) {
    return tx.refuse(
      'STATUS_SYSTEM_SHUTDOWN',
      'win.bugcheck.halted',
      `the system stopped with bug check ${world.bugCheck.code} ${world.bugCheck.name}: nothing runs until a reboot`,
    );
  }
  if (world.shutDown) {
    return tx.refuse('STATUS_SYSTEM_SHUTDOWN', 'win.shutdown.halted', 'the system has shut down');
  }
  switch (action.do) {
    case 'loadDriver':
      return loadDriver(tx, action);
    case 'createDevice':
      return createDevice(tx, action);
    case 'attachDevice':
      return attachDevice(tx, action);
    case 'detachDevice':
      return detachDevice(tx, action);
    case 'deleteDevice':
      return deleteDeviceAction(tx, action);
    case 'openHandle':
      return openHandle(tx, action);
    case 'closeHandle':
      return closeHandle(tx, action);
    case 'sendIrp':
      return sendIrp(tx, action);
    case 'completeIrp':
      return completeIrp(tx, action);
    case 'referenceObject':
      return referenceObject(tx, action);
    case 'dereferenceObject':
      return dereferenceObject(tx, action);
    case 'registerNotification':
      return registerNotification(tx, action);
    case 'registerDeviceNotification':
      return registerDeviceNotification(tx, action);
    case 'unregisterNotification':
      return unregisterNotification(tx, action);
    case 'registerShutdown':
      return registerShutdown(tx, action);
    case 'requestRemove':
      return requestRemove(tx, action);
    case 'surpriseRemove':
      return surpriseRemoveAction(tx, action);
    case 'pnpIrp':
      return pnpIrpAction(tx, action);
    case 'deviceUsage':
      return deviceUsage(tx, action);
    case 'requestWaitWake':
      return requestWaitWake(tx, action);
    case 'mountVolume':
      return mountVolume(tx, action);
    case 'acquireRemoveLock':
      return acquireRemoveLock(tx, action);
    case 'releaseRemoveLock':
      return releaseRemoveLock(tx, action);
    case 'wdfSetStaticStopRemove':
      return wdfSetStaticStopRemove(tx, action);
    case 'wdfObjectReference':
      return wdfObjectReference(tx, action);
    case 'wdfObjectDereference':
      return wdfObjectDereference(tx, action);
    case 'timerFires':
      return timerFires(tx, action);
    case 'stopDriver':
      return stopDriver(tx, action);
    case 'updateDriver':
      return updateDriver(tx, action);
    case 'shutdown':
      return shutdown(tx);
  }
}
