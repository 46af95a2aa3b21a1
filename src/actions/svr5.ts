import { DDI_VERSIONS } from '../kernel';
import { channels, modules, visibleDevices } from './candidates';
import type { FieldSpec, KernelActionDef } from './types';

/** The SVR5 actions of the scenario format, as the UI offers them. */

const module: FieldSpec = {
  name: 'module',
  label: 'Module',
  kind: { type: 'ref', of: 'module', candidates: modules },
};
const device: FieldSpec = {
  name: 'device',
  label: 'Device',
  kind: { type: 'ref', of: 'device', candidates: visibleDevices },
};

function def(d: Omit<KernelActionDef, 'kind' | 'os'>): KernelActionDef {
  return { kind: 'kernel', os: 'svr5', ...d };
}

export const SVR5_ACTIONS: readonly KernelActionDef[] = [
  def({
    id: 'registerModule',
    label: 'Configure module',
    help: 'idbuild -M: register a loadable module and its device instances (not loaded yet).',
    group: 'Modules',
    fields: [
      { name: 'module', label: 'Module', kind: { type: 'new', of: 'module', prefix: 'mod' } },
      { name: 'ddi', label: 'DDI version', kind: { type: 'enum', options: DDI_VERSIONS }, default: '8' },
      {
        name: 'devices',
        label: 'Instances',
        kind: { type: 'names' },
        optional: true,
        help: 'comma-separated; default: module0',
      },
      { name: 'dependsOn', label: 'Depends on', kind: { type: 'names' }, optional: true },
      { name: 'unloadRoutine', label: 'Has _unload', kind: { type: 'bool' }, default: true },
      {
        name: 'loadReturns',
        label: '_load returns',
        kind: { type: 'text', placeholder: '0 or an errno' },
        default: '0',
      },
      {
        name: 'unloadReturns',
        label: '_unload returns',
        kind: { type: 'text', placeholder: '0 or an errno' },
        default: '0',
      },
      { name: 'hba', label: 'HBA driver', kind: { type: 'bool' }, default: false },
      { name: 'hot', label: 'D_HOT (hot removal)', kind: { type: 'bool' }, default: false },
      {
        name: 'unloadDelay',
        label: 'Own unload delay (s, pre-DDI 8)',
        kind: { type: 'number', min: 0, max: 3600 },
        optional: true,
      },
      {
        name: 'copyoutInUnload',
        label: '_unload calls copyout (a bug)',
        kind: { type: 'bool' },
        default: false,
      },
      {
        name: 'drainSeconds',
        label: 'I/O drains for (s after last close)',
        kind: { type: 'number', min: 0, max: 86400 },
        optional: true,
        help: '_unload answers EBUSY until then',
      },
      {
        name: 'unloadSleeps',
        label: '_unload sleeps for (s)',
        kind: { type: 'number', min: 0, max: 3600 },
        optional: true,
        help: 'an unload in progress: opens wait for it',
      },
    ],
  }),
  def({
    id: 'loadModule',
    label: 'Load (modadmin -l)',
    help: 'Demand load: dependencies first, then _load. Never auto-unloaded.',
    group: 'Modules',
    subject: { kind: 'module', field: 'module' },
    fields: [module],
  }),
  def({
    id: 'unloadModule',
    label: 'Unload (modadmin -U)',
    help: 'Demand unload: EBUSY while in use (without calling _unload); else _unload decides.',
    group: 'Modules',
    subject: { kind: 'module', field: 'module' },
    fields: [module],
  }),
  def({
    id: 'open',
    label: 'Open device',
    help: 'open(2): autoloads the module on first use, then calls open(D2).',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: [
      device,
      { name: 'channel', label: 'New channel', kind: { type: 'new', of: 'channel', prefix: 'ch' } },
    ],
  }),
  def({
    id: 'close',
    label: 'Close channel',
    help: 'close(2): close(D2) runs on the last close of the device.',
    group: 'I/O',
    subject: { kind: 'channel', field: 'channel' },
    fields: [
      { name: 'channel', label: 'Channel', kind: { type: 'ref', of: 'channel', candidates: channels } },
    ],
  }),
  def({
    id: 'hotRemove',
    label: 'Hot-remove instance',
    help: 'config(CFG_REMOVE) for one instance of a D_HOT driver; the module stays loaded.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: [device],
  }),
  def({
    id: 'suspendInstance',
    label: 'Suspend instance',
    help: 'config(CFG_SUSPEND), as before a hot-plug slot powers off: the instance gets no I/O.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: [device],
  }),
  def({
    id: 'resumeInstance',
    label: 'Resume instance',
    help: 'config(CFG_RESUME): the suspended instance takes I/O again.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: [device],
  }),
  def({
    id: 'advanceTime',
    label: 'Let time pass',
    help: 'The clock the auto-unload daemon runs on (it wakes every UNLOAD_WAKE seconds).',
    group: 'System',
    fields: [
      {
        name: 'seconds',
        label: 'Seconds',
        kind: { type: 'number', min: 0, max: 86400 },
        default: 30,
      },
    ],
  }),
  def({
    id: 'shutdown',
    label: 'Shut down',
    help: 'CFG_SUSPEND to DDI 8 instances, halt for older drivers; no _unload.',
    group: 'System',
    fields: [],
  }),
];
