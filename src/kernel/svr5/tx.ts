import type { Map as IMap, OrderedSet } from 'immutable';
import type { Svr5EventType } from '../events';
import type { Svr5RuleId } from '../rules';
import { Tx, unchanged } from '../tx';
import type { StepResult } from '../types';
import type { Channel, DeviceInstance, Module, Svr5World } from './model';

/** One SVR5 step under construction. */
export class Svr5Tx extends Tx<Svr5World, Svr5RuleId, Svr5EventType> {
  get options() {
    return this.w.options;
  }
  get modules() {
    return this.w.modules;
  }
  set modules(v: IMap<string, Module>) {
    this.put('modules', v);
  }
  get devices() {
    return this.w.devices;
  }
  set devices(v: IMap<string, DeviceInstance>) {
    this.put('devices', v);
  }
  get channels() {
    return this.w.channels;
  }
  set channels(v: IMap<string, Channel>) {
    this.put('channels', v);
  }
  get autoCandidates() {
    return this.w.autoCandidates;
  }
  set autoCandidates(v: OrderedSet<string>) {
    this.put('autoCandidates', v);
  }
  get clock() {
    return this.w.clock;
  }
  set clock(v: number) {
    this.put('clock', v);
  }
  get shutDown() {
    return this.w.shutDown;
  }
  set shutDown(v: boolean) {
    this.put('shutDown', v);
  }

  mod(name: string): Module {
    const m = this.modules.get(name);
    if (!m) throw new Error(`kernel invariant: module ${name} is missing`);
    return m;
  }
  patchModule(name: string, patch: Partial<Module>): Module {
    const current = this.mod(name);
    if (unchanged(current, patch)) return current;
    const m = { ...current, ...patch };
    this.modules = this.modules.set(name, m);
    return m;
  }
  patchDevice(name: string, patch: Partial<DeviceInstance>): DeviceInstance {
    const d = this.devices.get(name);
    if (!d) throw new Error(`kernel invariant: device ${name} is missing`);
    if (unchanged(d, patch)) return d;
    const next = { ...d, ...patch };
    this.devices = this.devices.set(name, next);
    return next;
  }

  /** EBUSY while `module`'s `_unload` runs (a module in transition is busy: moduload(2)), else null. */
  refuseInTransition(module: string, device: string): StepResult<Svr5World> | null {
    if (!this.mod(module).unloading) return null;
    return this.refuse('EBUSY', 'svr5.busy.inTransition', `${module}'s _unload is running`, {
      device,
      module,
    });
  }

  override done(status = '0'): StepResult<Svr5World> {
    return super.done(status);
  }
}
