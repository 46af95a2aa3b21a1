import type { FieldUi, KernelActionUi } from '../types';
import { channels, instances, modules, streamsModules } from './candidates';

/**
 * The SVR5 actions of the scenario format as the UI offers them: labels,
 * help and which objects fit each field. Each field's type, options, whether
 * it is optional and its default come from the kernel's schema
 * (`src/kernel/svr5/actions.ts`), never restated here.
 */

type Field = FieldUi<'svr5'>;
const module: Field = { label: 'Module', ref: { of: 'module', candidates: modules } };
const device: Field = { label: 'Device', ref: { of: 'device', candidates: instances } };

export const SVR5_ACTIONS: readonly KernelActionUi<'svr5'>[] = [
  {
    id: 'registerModule',
    label: 'Configure module',
    help: 'idbuild -M: register a loadable module and its device instances (not loaded yet).',
    group: 'Modules',
    fields: {
      module: { label: 'Module', new: { of: 'module', prefix: 'mod' } },
      ddi: { label: 'DDI version', start: '8' },
      devices: { label: 'Instances', help: 'comma-separated; default: module0' },
      dependsOn: { label: 'Depends on', help: 'comma-separated module names' },
      unloadRoutine: { label: 'Has _unload' },
      loadReturns: { label: '_load returns' },
      unloadReturns: { label: '_unload returns' },
      hba: { label: 'HBA driver' },
      mdi: {
        label: 'MDI network driver',
        help: 'CFG_SUSPEND/CFG_RESUME call mdi_hw_suspended/mdi_hw_resumed',
      },
      streams: { label: 'STREAMS module', help: 'pushed on streams with I_PUSH; no device instances' },
      static: {
        label: 'Static (linked into the kernel)',
        help: 'not a DLKM: present from boot, never unloaded',
      },
      hot: { label: 'D_HOT (hot removal)' },
      unloadDelay: { label: 'Own unload delay (s, pre-DDI 8)' },
      copyoutInUnload: { label: '_unload calls copyout (a bug)' },
      addFails: { label: 'CFG_ADD fails (ENODEV) for', help: 'comma-separated instance names' },
      failsAfterDetach: {
        label: '_unload refuses after drv_detach (a bug)',
        help: 'With a non-zero “_unload returns”: its instances are removed, yet the module stays loaded',
      },
      drainSeconds: {
        label: 'I/O drains for (s after last close)',
        help: '_unload answers EBUSY until then',
      },
      unloadSleeps: { label: '_unload sleeps for (s)', help: 'an unload in progress: opens wait for it' },
      verifyFails: {
        label: 'CFG_VERIFY answers ENODEV for',
        help: 'comma-separated instance names: hardware the driver cannot manage',
      },
    },
  },
  {
    id: 'loadModule',
    label: 'Load (modadmin -l)',
    help: 'Demand load: dependencies first, then _load. Never auto-unloaded.',
    group: 'Modules',
    subject: { kind: 'module', field: 'module' },
    fields: { module },
  },
  {
    id: 'unloadModule',
    label: 'Unload (modadmin -U)',
    help: 'Demand unload: EBUSY while in use (without calling _unload); else _unload decides.',
    group: 'Modules',
    subject: { kind: 'module', field: 'module' },
    fields: { module },
  },
  {
    id: 'unloadAll',
    label: 'Unload all (modadmin -u 0)',
    help: 'moduload(0): every loadable module nothing holds is unloaded; each still held gets EBUSY and becomes an auto-unload candidate.',
    group: 'Modules',
    fields: {},
  },
  {
    id: 'open',
    label: 'Open device',
    help: 'open(2): autoloads the module on first use, then calls open(D2).',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device, channel: { label: 'New channel', new: { of: 'channel', prefix: 'ch' } } },
  },
  {
    id: 'close',
    label: 'Close channel',
    help: 'close(2): close(D2) runs on the last close of the device.',
    group: 'I/O',
    subject: { kind: 'channel', field: 'channel' },
    fields: { channel: { label: 'Channel', ref: { of: 'channel', candidates: channels } } },
  },
  {
    id: 'push',
    label: 'Push STREAMS module (I_PUSH)',
    help: 'ioctl(I_PUSH) on an open stream: the module is autoloaded on its first push and held while pushed.',
    group: 'I/O',
    subject: { kind: 'channel', field: 'channel' },
    fields: {
      channel: { label: 'Stream', ref: { of: 'channel', candidates: channels } },
      module: { label: 'STREAMS module', ref: { of: 'module', candidates: streamsModules } },
    },
  },
  {
    id: 'pop',
    label: 'Pop STREAMS module (I_POP)',
    help: 'ioctl(I_POP): the topmost module comes off the stream; on its last pop it may be auto-unloaded.',
    group: 'I/O',
    subject: { kind: 'channel', field: 'channel' },
    fields: { channel: { label: 'Stream', ref: { of: 'channel', candidates: channels } } },
  },
  {
    id: 'hotRemove',
    label: 'Hot-remove instance',
    help: 'config(CFG_REMOVE) for one instance of a D_HOT driver; the module stays loaded.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'hotAdd',
    label: 'Hot-insert instance',
    help: 'A card goes back into the slot of a removed instance: config(CFG_ADD) if the driver is loaded.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'suspendInstance',
    label: 'Suspend instance',
    help: 'config(CFG_SUSPEND), as before a hot-plug slot powers off: the instance gets no I/O.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'resumeInstance',
    label: 'Resume instance',
    help: 'config(CFG_RESUME): the suspended instance takes I/O again.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'modifyInstance',
    label: 'Change parameters (CFG_MODIFY)',
    help: 'config(CFG_MODIFY) for a suspended instance: it reads a new resource manager key; CFG_RESUME brings it back.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'verifyInstance',
    label: 'Verify hardware (CFG_VERIFY)',
    help: 'config(CFG_VERIFY): the driver answers 0 or an errno for the hardware the instance’s key describes; nothing changes.',
    group: 'I/O',
    subject: { kind: 'device', field: 'device' },
    fields: { device },
  },
  {
    id: 'advanceTime',
    label: 'Let time pass',
    help: 'The clock the auto-unload daemon runs on (it wakes every UNLOAD_WAKE seconds).',
    group: 'System',
    fields: { seconds: { label: 'Seconds', start: 30 } },
  },
  {
    id: 'shutdown',
    label: 'Shut down',
    help: 'CFG_SUSPEND to DDI 8 instances, halt for older drivers; no _unload.',
    group: 'System',
    fields: {},
  },
];
