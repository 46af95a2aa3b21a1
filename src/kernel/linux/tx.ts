import type { Map as IMap } from 'immutable';
import { unchanged } from '../tx';
import type { StepResult } from '../types';
import { linuxEv, type LinuxEvent, type LinuxEventFields, type LinuxEventType } from './events';
import type { Kobject, LinuxDevice, LinuxModule, LinuxWorld, ModuleRef, OpenFile } from './model';
import type { LinuxRuleId } from './rules';

/** What one Linux step returns: the shape of the kernel's `StepResult`, with Linux events. */
export type LinuxResult = Omit<StepResult<LinuxWorld>, 'events'> & { readonly events: readonly LinuxEvent[] };

/**
 * One Linux step under construction: the kernel's `Tx` (src/kernel/tx.ts)
 * with Linux's events and rules. It replaces the world value, never mutates
 * it, and keeps the world as of each event (`moments`).
 */
export class LinuxTx {
  readonly events: LinuxEvent[] = [];
  readonly moments: LinuxWorld[] = [];
  private owned = false;
  private sealed = false;

  constructor(public w: LinuxWorld) {}

  private put<K extends keyof LinuxWorld>(key: K, value: LinuxWorld[K]): void {
    if (this.sealed) throw new Error('kernel invariant: a step wrote to the world after it was done');
    if (this.w[key] === value) return;
    if (!this.owned) {
      this.w = { ...this.w };
      this.owned = true;
    }
    (this.w as { -readonly [P in keyof LinuxWorld]: LinuxWorld[P] })[key] = value;
  }

  emit(type: LinuxEventType, rule: LinuxRuleId, fields?: LinuxEventFields): void {
    this.events.push(linuxEv(type, rule, fields));
    this.moments.push(this.w);
    this.owned = false;
  }

  done(status = '0'): LinuxResult {
    this.sealed = true;
    return { world: this.w, status, events: this.events, moments: this.moments };
  }

  refuse(
    status: string,
    rule: LinuxRuleId,
    reason: string,
    fields?: Omit<LinuxEventFields, 'status' | 'reason'>,
  ): LinuxResult {
    this.emit('refused', rule, { ...fields, status, reason });
    return this.done(status);
  }

  get options() {
    return this.w.options;
  }
  set modules(v: IMap<string, LinuxModule>) {
    this.put('modules', v);
  }
  get modules() {
    return this.w.modules;
  }
  set devices(v: IMap<string, LinuxDevice>) {
    this.put('devices', v);
  }
  get devices() {
    return this.w.devices;
  }
  set files(v: IMap<string, OpenFile>) {
    this.put('files', v);
  }
  get files() {
    return this.w.files;
  }
  set refs(v: IMap<string, ModuleRef>) {
    this.put('refs', v);
  }
  get refs() {
    return this.w.refs;
  }
  set kobjects(v: IMap<string, Kobject>) {
    this.put('kobjects', v);
  }
  get kobjects() {
    return this.w.kobjects;
  }
  set kobjectRefs(v: IMap<string, string>) {
    this.put('kobjectRefs', v);
  }
  get kobjectRefs() {
    return this.w.kobjectRefs;
  }
  set taint(v: string) {
    this.put('taint', v);
  }
  get taint() {
    return this.w.taint;
  }
  set loads(v: number) {
    this.put('loads', v);
  }
  get loads() {
    return this.w.loads;
  }
  set oopses(v: number) {
    this.put('oopses', v);
  }
  get oopses() {
    return this.w.oopses;
  }

  mod(name: string): LinuxModule {
    const m = this.modules.get(name);
    if (!m) throw new Error(`kernel invariant: module ${name} is missing`);
    return m;
  }
  patchModule(name: string, patch: Partial<LinuxModule>): LinuxModule {
    const current = this.mod(name);
    if (unchanged(current, patch)) return current;
    const m = { ...current, ...patch };
    this.modules = this.modules.set(name, m);
    return m;
  }
  dev(name: string): LinuxDevice {
    const d = this.devices.get(name);
    if (!d) throw new Error(`kernel invariant: device ${name} is missing`);
    return d;
  }
  patchDevice(name: string, patch: Partial<LinuxDevice>): LinuxDevice {
    const current = this.dev(name);
    if (unchanged(current, patch)) return current;
    const d = { ...current, ...patch };
    this.devices = this.devices.set(name, d);
    return d;
  }
}
