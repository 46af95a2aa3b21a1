import { describe, expect, it } from 'vitest';
import type { LinuxAction } from './actions';
import { explainLinux } from './explain';
import { refcnt } from './model';
import { procModules, sysModule } from './proc';
import { EXIT_ONE_DEVICE, runLinux, types, withDevice } from './testing';

/**
 * The module loader and delete_module, each case from its source
 * (docs/domain/linux.md; kernel/module/main.c at torvalds/linux@01d5b167,
 * delete_module(2), kmod tools/rmmod.c and tools/modprobe.c).
 */

describe('init_module and the module states', () => {
  it('insmod runs init (COMING, the loader’s reference) and the module goes LIVE with refcnt 0 (module_unload_init, do_init_module)', () => {
    const { world, last } = runLinux([...withDevice('skel'), { do: 'insmod', module: 'skel' }]);
    expect(last.status).toBe('0');
    expect(types(last)).toEqual([
      'moduleLoading',
      'referenceTaken',
      'initCalled',
      'driverRegistered',
      'probeCalled',
      'deviceBound',
      'referenceDropped',
      'moduleLive',
    ]);
    const taken = last.events.find((e) => e.type === 'referenceTaken');
    expect(taken).toMatchObject({ reference: 'init', rule: 'linux.load.initRef', state: '1' });
    expect(last.events.map((e) => e.type)).toContain('moduleLive');
    expect(world.modules.get('skel')?.state).toBe('live');
    expect(refcnt(world.modules.get('skel')!)).toBe(0);
    expect(world.devices.get('skel0')?.boundTo).toBe('skel');
  });

  it('an init that fails frees the module with its errno and never calls exit (do_init_module)', () => {
    const { world, last } = runLinux([
      ...withDevice('bad', { initReturns: 'ENODEV' }),
      { do: 'insmod', module: 'bad' },
    ]);
    expect(last.status).toBe('ENODEV');
    expect(types(last)).toContain('initFailed');
    expect(types(last)).toContain('moduleFreed');
    expect(types(last)).not.toContain('exitCalled');
    expect(types(last)).not.toContain('moduleLive');
    expect(world.modules.get('bad')?.state).toBeNull();
    expect(explainLinux(world, 'bad').summary).toMatch(/init returned ENODEV.*exit was never called/);
  });

  it('while init runs (COMING) delete_module answers EBUSY; try_module_get still succeeds (module_is_live)', () => {
    const r = runLinux([
      ...withDevice('slow', { initSleeps: true }),
      { do: 'insmod', module: 'slow' },
      { do: 'deleteModule', module: 'slow' },
      { do: 'moduleGet', module: 'slow', ref: 'early' },
    ]);
    expect(r.statuses).toEqual(['0', '0', 'blocked', 'EBUSY', '0']);
    expect(r.results[3]!.events[0]).toMatchObject({ rule: 'linux.state.coming' });
    expect(r.world.modules.get('slow')?.state).toBe('coming');
    const done = runLinux([
      ...withDevice('slow', { initSleeps: true }),
      { do: 'insmod', module: 'slow' },
      { do: 'finishInit', module: 'slow' },
    ]);
    expect(done.last.status).toBe('0');
    expect(done.world.modules.get('slow')?.state).toBe('live');
  });

  it('insmod of a loaded module answers EEXIST; modprobe answers 0 and leaves it (init_module(2), modprobe(8))', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'a', driver: false },
      { do: 'insmod', module: 'a' },
      { do: 'insmod', module: 'a' },
      { do: 'modprobe', module: 'a' },
    ]);
    expect(r.statuses.slice(2)).toEqual(['EEXIST', '0']);
    expect(r.results[2]!.events[0]).toMatchObject({ rule: 'linux.load.exists' });
    expect(types(r.last)).toEqual(['alreadyLoaded']);
    expect(r.world.modules.get('a')?.generation).toBe(1);
  });

  it('EPERM without CAP_SYS_MODULE or with modules_disabled (delete_module)', () => {
    const a = runLinux([
      { do: 'defineModule', module: 'a', driver: false },
      { do: 'insmod', module: 'a', privileged: false },
    ]);
    expect(a.last.status).toBe('EPERM');
    const b = runLinux(
      [
        { do: 'defineModule', module: 'a', driver: false },
        { do: 'insmod', module: 'a' },
        { do: 'rmmod', module: 'a' },
      ],
      {
        modulesDisabled: true,
      },
    );
    expect(b.statuses).toEqual(['0', 'EPERM', 'EPERM']);
  });
});

describe('holders and modprobe', () => {
  const defs: LinuxAction[] = [
    { do: 'defineModule', module: 'snd', driver: false },
    { do: 'defineModule', module: 'snd_pcm', driver: false, dependsOn: ['snd'] },
  ];

  it('a dependency cycle is refused when the module file is defined (depmod: "Cycle detected")', () => {
    const r = runLinux([
      ...defs,
      { do: 'defineModule', module: 'snd', driver: false, dependsOn: ['snd_pcm'] },
    ]);
    expect(r.last.status).toBe('EINVAL');
    expect(r.last.events[0]!.reason).toMatch(/Cycle detected: snd -> snd_pcm -> snd/);
    expect(r.world.modules.get('snd')?.dependsOn).toEqual([]);
  });

  it('insmod of a module whose dependency is not loaded fails: unknown symbols (ENOENT)', () => {
    const r = runLinux([...defs, { do: 'insmod', module: 'snd_pcm' }]);
    expect(r.last.status).toBe('ENOENT');
    expect(r.last.events[0]).toMatchObject({ rule: 'linux.load.unknownSymbol' });
  });

  it('modprobe loads the dependency first; the user takes a reference and becomes a holder (ref_module)', () => {
    const r = runLinux([...defs, { do: 'modprobe', module: 'snd_pcm' }]);
    expect(r.last.status).toBe('0');
    const snd = r.world.modules.get('snd')!;
    expect(snd.holders.toArray()).toEqual(['snd_pcm']);
    expect(refcnt(snd)).toBe(1);
    const loads = r.last.events.filter((e) => e.type === 'moduleLive').map((e) => e.module);
    expect(loads).toEqual(['snd', 'snd_pcm']);
  });

  it('rmmod of a used module: "in use by"; delete_module: EWOULDBLOCK, even with O_TRUNC (source_list)', () => {
    const r = runLinux(
      [
        ...defs,
        { do: 'modprobe', module: 'snd_pcm' },
        { do: 'rmmod', module: 'snd' },
        { do: 'deleteModule', module: 'snd' },
        { do: 'rmmod', module: 'snd', force: true },
      ],
      { forceUnload: true },
    );
    expect(r.statuses.slice(3)).toEqual(['EBUSY', 'EWOULDBLOCK', 'EWOULDBLOCK']);
    expect(r.results[3]!.events[0]!.reason).toBe('rmmod: ERROR: Module snd is in use by: snd_pcm');
    expect(r.results[4]!.events[0]).toMatchObject({ rule: 'linux.delete.holders' });
    expect(r.world.modules.get('snd')?.state).toBe('live');
    expect(r.world.taint).toBe('');
  });

  it('modprobe -r removes the module, then its dependencies whose refcnt is now 0 (rmmod_do_remove_module)', () => {
    const r = runLinux([
      ...defs,
      { do: 'modprobe', module: 'snd_pcm' },
      { do: 'modprobeRemove', module: 'snd_pcm' },
    ]);
    expect(r.last.status).toBe('0');
    const freed = r.last.events.filter((e) => e.type === 'moduleFreed').map((e) => e.module);
    expect(freed).toEqual(['snd_pcm', 'snd']);
  });

  it('modprobe -r keeps a dependency something else still holds', () => {
    const r = runLinux([
      ...defs,
      { do: 'defineModule', module: 'snd_timer', driver: false, dependsOn: ['snd'] },
      { do: 'modprobe', module: 'snd_pcm' },
      { do: 'modprobe', module: 'snd_timer' },
      { do: 'modprobeRemove', module: 'snd_pcm' },
    ]);
    expect(r.last.status).toBe('0');
    expect(r.world.modules.get('snd')?.state).toBe('live');
    expect(r.world.modules.get('snd')?.holders.toArray()).toEqual(['snd_timer']);
    const inUse = runLinux([
      ...defs,
      { do: 'modprobe', module: 'snd_pcm' },
      { do: 'modprobeRemove', module: 'snd' },
    ]);
    expect(inUse.last.status).toBe('EBUSY');
    expect(inUse.last.events[0]!.reason).toBe('modprobe: FATAL: Module snd is in use.');
  });
});

describe('delete_module: exit, refcnt and force', () => {
  it('a module with init but no exit: EBUSY; O_TRUNC is ignored without CONFIG_MODULE_FORCE_UNLOAD', () => {
    const acts = [
      { do: 'defineModule', module: 'stuck', exit: false, driver: false },
      { do: 'insmod', module: 'stuck' },
      { do: 'rmmod', module: 'stuck' },
      { do: 'rmmod', module: 'stuck', force: true },
    ] as const;
    const r = runLinux(acts);
    expect(r.statuses.slice(2)).toEqual(['EBUSY', 'EBUSY']);
    expect(r.results[2]!.events[0]).toMatchObject({ rule: 'linux.delete.noExit' });
    expect(r.results[3]!.events[0]!.reason).toMatch(/O_TRUNC ignored/);
    expect(r.world.taint).toBe('');
    const forced = runLinux(acts, { forceUnload: true });
    expect(forced.last.status).toBe('0');
    expect(forced.world.taint).toBe('R');
    expect(types(forced.last)).toContain('kernelTainted');
    expect(types(forced.last)).not.toContain('exitCalled');
  });

  it('a file open on the device: rmmod "in use"; delete_module EWOULDBLOCK; after close rmmod runs exit → remove() → devres → free', () => {
    const r = runLinux([
      ...withDevice('skel'),
      { do: 'insmod', module: 'skel' },
      { do: 'open', file: 'f1', device: 'skel0' },
      { do: 'rmmod', module: 'skel' },
      { do: 'deleteModule', module: 'skel' },
      { do: 'close', file: 'f1' },
      { do: 'rmmod', module: 'skel' },
    ]);
    expect(r.statuses.slice(3)).toEqual(['0', 'EBUSY', 'EWOULDBLOCK', '0', '0']);
    expect(r.results[4]!.events[0]).toMatchObject({
      reason: 'rmmod: ERROR: Module skel is in use',
      blockers: [{ kind: 'file', name: 'f1' }],
    });
    expect(types(r.last)).toEqual(['moduleGoing', ...EXIT_ONE_DEVICE]);
  });

  it('rmmod -f with a file open frees the module, taints R; the close then runs freed code: oops, taint D', () => {
    const r = runLinux(
      [
        ...withDevice('skel'),
        { do: 'insmod', module: 'skel' },
        { do: 'open', file: 'f1', device: 'skel0' },
        { do: 'rmmod', module: 'skel', force: true },
        { do: 'close', file: 'f1' },
      ],
      { forceUnload: true },
    );
    expect(r.statuses.slice(4)).toEqual(['0', 'Oops']);
    expect(r.results[4]!.events.find((e) => e.type === 'moduleFreed')?.reason).toMatch(/1 reference/);
    expect(types(r.last)).toContain('useAfterFree');
    expect(r.world.taint).toBe('RD');
    expect(r.world.oopses).toBe(1);
  });

  it('the checklist names what delete_module checks, in Linux’s words', () => {
    const r = runLinux([
      ...withDevice('skel'),
      { do: 'insmod', module: 'skel' },
      { do: 'open', file: 'f1', device: 'skel0' },
    ]);
    const e = explainLinux(r.world, 'skel');
    expect(e.conditions.map((c) => [c.id, c.met])).toEqual([
      ['noHolders', true],
      ['live', true],
      ['hasExit', true],
      ['refcntZero', false],
    ]);
    expect(e.conditions[3]!.text).toBe('refcnt: 1, held by: file f1');
    expect(e.summary).toMatch(/in use \(refcnt 1: file f1\)/);
  });
});

describe('a second load while the first is under way (module_patient_check_exists)', () => {
  it('insmod of a module still COMING or already GOING answers EBUSY, not EEXIST', () => {
    const coming = runLinux([
      { do: 'defineModule', module: 'fw', initSleeps: true, driver: false },
      { do: 'insmod', module: 'fw' },
      { do: 'insmod', module: 'fw' },
    ]);
    expect(coming.last.status).toBe('EBUSY');
    expect(coming.last.events[0]).toMatchObject({ rule: 'linux.load.duplicate' });
    const going = runLinux([
      { do: 'defineModule', module: 'm', exitSleeps: true, driver: false },
      { do: 'insmod', module: 'm' },
      { do: 'rmmod', module: 'm' },
      { do: 'insmod', module: 'm' },
      { do: 'finishExit', module: 'm' },
      { do: 'insmod', module: 'm' },
    ]);
    expect(going.statuses.slice(2)).toEqual(['blocked', 'EBUSY', '0', '0']);
    expect(going.world.modules.get('m')?.generation).toBe(2);
  });

  it('/proc/modules lists the newest holder first (add_module_usage adds at the head of source_list)', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'core', driver: false },
      { do: 'defineModule', module: 'u1', driver: false, dependsOn: ['core'] },
      { do: 'defineModule', module: 'u2', driver: false, dependsOn: ['core'] },
      { do: 'modprobe', module: 'u1' },
      { do: 'modprobe', module: 'u2' },
    ]);
    expect(procModules(r.world).find((x) => x.module === 'core')?.holders).toEqual(['u2', 'u1']);
  });
});

describe('what the machine prints (/proc/modules, /sys/module/X)', () => {
  it('lists the loaded modules newest first, with refcnt, holders, [permanent] and the state column', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'snd', driver: false },
      { do: 'defineModule', module: 'snd_pcm', driver: false, dependsOn: ['snd'] },
      { do: 'defineModule', module: 'stuck', driver: false, exit: false },
      { do: 'modprobe', module: 'snd_pcm' },
      { do: 'insmod', module: 'stuck' },
    ]);
    expect(procModules(r.world)).toEqual([
      { module: 'stuck', refcnt: 0, holders: [], permanent: true, state: 'Live' },
      { module: 'snd_pcm', refcnt: 0, holders: [], permanent: false, state: 'Live' },
      { module: 'snd', refcnt: 1, holders: ['snd_pcm'], permanent: false, state: 'Live' },
    ]);
    expect(sysModule(r.world, 'snd')).toEqual({
      initstate: 'live',
      refcnt: 1,
      holders: ['snd_pcm'],
      kernelTaint: '',
    });
    expect(sysModule(r.world, 'nope')).toBeNull();
  });

  it('shows a sleeping init as coming/Loading with the loader’s reference', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'fw', initSleeps: true },
      { do: 'insmod', module: 'fw' },
    ]);
    expect(sysModule(r.world, 'fw')).toMatchObject({ initstate: 'coming', refcnt: 1 });
    expect(procModules(r.world)[0]).toMatchObject({ state: 'Loading' });
  });
});

describe('older kernels: the blocking delete_module (before 3.13)', () => {
  const pinned: LinuxAction[] = [
    { do: 'defineModule', module: 'skel' },
    { do: 'plugDevice', device: 'skel0', driver: 'skel' },
    { do: 'insmod', module: 'skel' },
    { do: 'open', file: 'f1', device: 'skel0' },
    { do: 'deleteModule', module: 'skel', nonblock: false },
  ];

  it('6.12 ignores the missing O_NONBLOCK: EWOULDBLOCK (try_stop_module)', () => {
    const r = runLinux(pinned);
    expect(r.last.status).toBe('EWOULDBLOCK');
  });

  it('an old kernel marks the module GOING and sleeps; the last close wakes it: exit, remove(), free', () => {
    const r = runLinux(
      [...pinned, { do: 'open', file: 'f2', device: 'skel0' }, { do: 'close', file: 'f1' }],
      {
        waitingDelete: true,
      },
    );
    expect(r.statuses.slice(4)).toEqual(['blocked', 'ENXIO', '0']);
    expect(r.results[4]!.events.map((e) => e.rule)).toEqual(['linux.delete.waitOld', 'linux.delete.waitOld']);
    expect(types(r.last)).toEqual(['releaseCalled', 'referenceDropped', 'fileClosed', ...EXIT_ONE_DEVICE]);
    expect(r.world.modules.get('skel')?.state).toBeNull();
  });

  it('with O_NONBLOCK an old kernel answers EWOULDBLOCK too', () => {
    const r = runLinux([...pinned.slice(0, 4), { do: 'deleteModule', module: 'skel' }], {
      waitingDelete: true,
    });
    expect(r.last.status).toBe('EWOULDBLOCK');
  });
});
