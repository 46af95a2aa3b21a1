import type { Map as IMap } from 'immutable';
import type { WindowsEventType } from '../events';
import type { WindowsRuleId } from '../rules';
import { Tx, unchanged } from '../tx';
import type { StepResult } from '../types';
import type {
  BugCheck,
  DeviceObject,
  Driver,
  FileObject,
  Irp,
  ObReference,
  Registration,
  WindowsWorld,
} from './model';

/** The read side of a world, shared by the step builder and by read-only queries. */
export type WindowsView = Pick<
  WindowsWorld,
  'drivers' | 'devices' | 'handles' | 'irps' | 'registrations' | 'references' | 'options'
>;

/** One Windows step under construction: typed access to the world's tables. */
export class WindowsTx extends Tx<WindowsWorld, WindowsRuleId, WindowsEventType> implements WindowsView {
  get options() {
    return this.w.options;
  }
  get drivers() {
    return this.w.drivers;
  }
  set drivers(v: IMap<string, Driver>) {
    this.put('drivers', v);
  }
  get devices() {
    return this.w.devices;
  }
  set devices(v: IMap<string, DeviceObject>) {
    this.put('devices', v);
  }
  get handles() {
    return this.w.handles;
  }
  set handles(v: IMap<string, FileObject>) {
    this.put('handles', v);
  }
  get irps() {
    return this.w.irps;
  }
  set irps(v: IMap<string, Irp>) {
    this.put('irps', v);
  }
  get registrations() {
    return this.w.registrations;
  }
  set registrations(v: IMap<string, Registration>) {
    this.put('registrations', v);
  }
  get references() {
    return this.w.references;
  }
  set references(v: IMap<string, ObReference>) {
    this.put('references', v);
  }
  get shutDown() {
    return this.w.shutDown;
  }
  set shutDown(v: boolean) {
    this.put('shutDown', v);
  }
  get bugCheck() {
    return this.w.bugCheck;
  }
  set bugCheck(v: BugCheck | undefined) {
    this.put('bugCheck', v);
  }

  driver(name: string): Driver | undefined {
    return this.drivers.get(name);
  }
  device(name: string): DeviceObject | undefined {
    return this.devices.get(name);
  }
  /** A device that must exist (an internal invariant, not user input). */
  dev(name: string): DeviceObject {
    const d = this.devices.get(name);
    if (!d) throw new Error(`kernel invariant: device ${name} is missing`);
    return d;
  }
  drv(name: string): Driver {
    const d = this.drivers.get(name);
    if (!d) throw new Error(`kernel invariant: driver ${name} is missing`);
    return d;
  }
  putDriver(d: Driver): void {
    this.drivers = this.drivers.set(d.name, d);
  }
  patchDriver(name: string, patch: Partial<Driver>): Driver {
    const current = this.drv(name);
    if (unchanged(current, patch)) return current;
    const d = { ...current, ...patch };
    this.putDriver(d);
    return d;
  }
  putDevice(d: DeviceObject): void {
    this.devices = this.devices.set(d.name, d);
  }
  patchDevice(name: string, patch: Partial<DeviceObject>): DeviceObject {
    const current = this.dev(name);
    if (unchanged(current, patch)) return current;
    const d = { ...current, ...patch };
    this.putDevice(d);
    return d;
  }

  override done(status = 'STATUS_SUCCESS'): StepResult<WindowsWorld> {
    return super.done(status);
  }
}
