import { describe, expect, it } from 'vitest';
import { explainLinux } from './explain';
import { refcnt } from './model';
import { runLinux, types, withDevice } from './testing';

/**
 * The driver core and the objects that outlive it, each case from its
 * source (docs/domain/linux.md): drivers/base/dd.c (__device_release_driver,
 * driver_detach), drivers/base/bus.c (unbind_store, bind_store),
 * fs/char_dev.c (chrdev_open), kernel/module/main.c (try_module_get),
 * lib/Kconfig.debug (DEBUG_KOBJECT_RELEASE).
 */

const twoDevices = [
  { do: 'defineModule', module: 'e1000' },
  { do: 'plugDevice', device: 'eth0', driver: 'e1000' },
  { do: 'plugDevice', device: 'eth1', driver: 'e1000' },
  { do: 'insmod', module: 'e1000' },
] as const;

describe('exit → driver_unregister → remove()', () => {
  it('driver_detach releases the last bound device first, each remove() before its devres (dd.c)', () => {
    const r = runLinux([...twoDevices, { do: 'rmmod', module: 'e1000' }]);
    expect(r.last.status).toBe('0');
    const order = r.last.events
      .filter((e) => e.type === 'removeCalled' || e.type === 'devresReleased')
      .map((e) => `${e.type}:${e.device}`);
    expect(order).toEqual([
      'removeCalled:eth1',
      'devresReleased:eth1',
      'removeCalled:eth0',
      'devresReleased:eth0',
    ]);
    const t = types(r.last);
    expect(t.lastIndexOf('removeCalled')).toBeLessThan(t.indexOf('moduleFreed'));
  });

  it('a device plugged in while the driver is registered is probed; unplugged, its driver is released', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'usbhid' },
      { do: 'insmod', module: 'usbhid' },
      { do: 'plugDevice', device: 'kbd', driver: 'usbhid' },
      { do: 'unplugDevice', device: 'kbd' },
    ]);
    expect(types(r.results[2]!)).toEqual(['devicePlugged', 'probeCalled', 'deviceBound']);
    expect(types(r.last)).toEqual(['removeCalled', 'devresReleased', 'deviceUnbound', 'deviceUnplugged']);
    expect(r.world.modules.get('usbhid')?.bound.size).toBe(0);
  });
});

describe('sysfs unbind and bind', () => {
  it('unbind runs remove() while the module stays loaded and LIVE (unbind_store)', () => {
    const r = runLinux([
      ...withDevice('skel'),
      { do: 'insmod', module: 'skel' },
      { do: 'unbind', module: 'skel', device: 'skel0' },
    ]);
    expect(r.last.status).toBe('0');
    expect(types(r.last)).toEqual(['removeCalled', 'devresReleased', 'deviceUnbound']);
    expect(r.world.modules.get('skel')?.state).toBe('live');
    expect(r.world.devices.get('skel0')?.boundTo).toBeNull();
  });

  it('unbind of a device not bound to that driver: ENODEV; bind of a bound one: EBUSY; of a missing one: ENODEV', () => {
    const r = runLinux([
      ...withDevice('skel'),
      { do: 'insmod', module: 'skel' },
      { do: 'bind', module: 'skel', device: 'skel0' },
      { do: 'unbind', module: 'skel', device: 'skel0' },
      { do: 'unbind', module: 'skel', device: 'skel0' },
      { do: 'bind', module: 'skel', device: 'nope' },
      { do: 'bind', module: 'skel', device: 'skel0' },
    ]);
    expect(r.statuses.slice(3)).toEqual(['EBUSY', '0', 'ENODEV', 'ENODEV', '0']);
    expect(r.world.devices.get('skel0')?.boundTo).toBe('skel');
  });

  it('a file open across unbind keeps the module pinned; its reads answer ENODEV; after close rmmod works', () => {
    const r = runLinux([
      ...withDevice('skel'),
      { do: 'insmod', module: 'skel' },
      { do: 'open', file: 'f1', device: 'skel0' },
      { do: 'unbind', module: 'skel', device: 'skel0' },
      { do: 'read', file: 'f1' },
      { do: 'rmmod', module: 'skel' },
      { do: 'close', file: 'f1' },
      { do: 'rmmod', module: 'skel' },
    ]);
    expect(r.statuses.slice(3)).toEqual(['0', '0', 'ENODEV', 'EBUSY', '0', '0']);
    expect(r.results[5]!.events[0]).toMatchObject({ rule: 'linux.fops.afterRemove' });
    expect(r.results[5]!.events[0]!.model).toBeDefined();
    expect(r.results[6]!.events[0]!.blockers).toEqual([{ kind: 'file', name: 'f1' }]);
    expect(types(r.last)).not.toContain('removeCalled');
  });

  it('no driver bound, no device node: open answers ENXIO', () => {
    const r = runLinux([...withDevice('skel'), { do: 'open', file: 'f1', device: 'skel0' }]);
    expect(r.last.status).toBe('ENXIO');
  });
});

describe('GOING refuses new users (try_module_get, chrdev_open)', () => {
  it('while exit sleeps: open → ENXIO, try_module_get → refused, a second rmmod → EBUSY; then remove() and free', () => {
    const r = runLinux([
      ...withDevice('slowexit', { exitSleeps: true }),
      { do: 'insmod', module: 'slowexit' },
      { do: 'rmmod', module: 'slowexit' },
      { do: 'open', file: 'f1', device: 'slowexit0' },
      { do: 'moduleGet', module: 'slowexit', ref: 'late' },
      { do: 'deleteModule', module: 'slowexit' },
      { do: 'finishExit', module: 'slowexit' },
    ]);
    expect(r.statuses.slice(3)).toEqual(['blocked', 'ENXIO', 'ENODEV', 'EBUSY', '0']);
    for (const i of [4, 5, 6]) expect(r.results[i]!.events[0]).toMatchObject({ rule: 'linux.state.going' });
    expect(r.results[4]!.events[0]!.reason).toBe('try_module_get(slowexit) failed: slowexit is going');
    expect(types(r.last)).toEqual([
      'removeCalled',
      'devresReleased',
      'deviceUnbound',
      'driverUnregistered',
      'moduleFreed',
    ]);
    expect(r.world.modules.get('slowexit')?.state).toBeNull();
  });

  it('the checklist says GOING while exit sleeps', () => {
    const r = runLinux([
      ...withDevice('m', { exitSleeps: true }),
      { do: 'insmod', module: 'm' },
      { do: 'rmmod', module: 'm' },
    ]);
    const e = explainLinux(r.world, 'm');
    expect(e.summary).toMatch(/^Going/);
    expect(e.conditions.find((c) => c.id === 'live')).toMatchObject({ met: false, text: 'initstate: going' });
  });
});

describe('bugs shown as bugs', () => {
  it('a kobject whose last reference outlives the module: its release() runs freed code (DEBUG_KOBJECT_RELEASE)', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'leaky', driver: false, kobject: true },
      { do: 'insmod', module: 'leaky' },
      { do: 'kobjectGet', module: 'leaky', ref: 'sysfs' },
      { do: 'rmmod', module: 'leaky' },
      { do: 'kobjectPut', ref: 'sysfs' },
    ]);
    expect(r.statuses.slice(3)).toEqual(['0', 'Oops']);
    // The kobject reference does not pin the module: rmmod went through.
    expect(types(r.results[3]!)).toContain('moduleFreed');
    expect(types(r.last)).toEqual(['kobjectPut', 'useAfterFree', 'kernelTainted']);
    expect(r.world.taint).toBe('D');
  });

  it('the same kobject put before rmmod is released by live code', () => {
    const r = runLinux([
      { do: 'defineModule', module: 'leaky', driver: false, kobject: true },
      { do: 'insmod', module: 'leaky' },
      { do: 'kobjectGet', module: 'leaky', ref: 'sysfs' },
      { do: 'kobjectPut', ref: 'sysfs' },
      { do: 'rmmod', module: 'leaky' },
    ]);
    expect(r.statuses.slice(3)).toEqual(['0', '0']);
    expect(types(r.last)).toContain('kobjectReleased');
    expect(r.world.taint).toBe('');
  });

  it('rmmod -f of a module without exit leaves its driver bound: unplugging the device calls freed remove()', () => {
    const r = runLinux(
      [
        ...withDevice('noexit', { exit: false }),
        { do: 'insmod', module: 'noexit' },
        { do: 'rmmod', module: 'noexit', force: true },
        { do: 'insmod', module: 'noexit' },
        { do: 'unplugDevice', device: 'noexit0' },
      ],
      { forceUnload: true },
    );
    expect(r.statuses.slice(3)).toEqual(['0', 'EBUSY', '0']);
    expect(types(r.last)).toContain('useAfterFree');
    expect(r.world.taint).toBe('RD');
  });

  it('module_put of a reference taken before rmmod -f freed the module is a use after free', () => {
    const r = runLinux(
      [
        { do: 'defineModule', module: 'm', driver: false },
        { do: 'insmod', module: 'm' },
        { do: 'moduleGet', module: 'm', ref: 'r' },
        { do: 'rmmod', module: 'm', force: true },
        { do: 'modulePut', ref: 'r' },
      ],
      { forceUnload: true },
    );
    expect(r.statuses.slice(2)).toEqual(['0', '0', 'Oops']);
    expect(refcnt(r.world.modules.get('m')!)).toBe(0);
  });
});
