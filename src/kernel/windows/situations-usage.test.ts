import { describe, expect, it } from 'vitest';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';

/**
 * Issue 19: device-usage notifications. WDK "IRP_MN_DEVICE_USAGE_NOTIFICATION":
 * while a paging, crash-dump or hibernation file is on a device, its drivers
 * "fail IRP_MN_QUERY_STOP_DEVICE and IRP_MN_QUERY_REMOVE_DEVICE requests for the device".
 */

const win = () => kernel('windows');

const disk: WindowsAction[] = [
  { do: 'loadDriver', driver: 'StorPort', model: 'pnp' },
  { do: 'createDevice', driver: 'StorPort', device: 'DiskPdo', role: 'pdo' },
  { do: 'loadDriver', driver: 'Disk', model: 'pnp' },
  { do: 'createDevice', driver: 'Disk', device: 'DiskFdo', role: 'fdo', attachTo: 'DiskPdo' },
];

describe('when the system puts the paging file on a disk', () => {
  const paged = () =>
    win()
      .setup(...disk)
      .do({ do: 'deviceUsage', device: 'DiskFdo', usage: 'paging' })
      .expectStatus('STATUS_SUCCESS');

  it('sends IRP_MN_DEVICE_USAGE_NOTIFICATION down the stack, top first', () => {
    const run = paged();
    const visits = run.last.events
      .filter((e) => e.minor === 'IRP_MN_DEVICE_USAGE_NOTIFICATION')
      .map((e) => e.device);
    expect(visits).toEqual(['DiskFdo', 'DiskPdo']);
    expect(run.world.devices.get('DiskPdo')?.specialFiles).toEqual(['paging']);
  });

  it('has the drivers fail a query-remove, so the orderly removal fails and nothing is removed', () => {
    const run = paged().do({ do: 'requestRemove', device: 'DiskPdo' }).expectStatus('STATUS_UNSUCCESSFUL');
    const veto = run.last.events.find((e) => e.type === 'queryRemoveVetoed');
    expect(veto).toMatchObject({ rule: 'win.pnp.deviceUsageVeto', driver: 'Disk' });
    expect(veto?.reason).toMatch(/holds a paging file/);
    expect(run.world.devices.get('DiskPdo')?.devnode).toBe('Started');
    expect(run.world.devices.has('DiskFdo')).toBe(true);
  });

  it('has them fail a query-stop too (no rebalance)', () => {
    paged()
      .do({ do: 'pnpIrp', device: 'DiskPdo', minor: 'IRP_MN_QUERY_STOP_DEVICE' })
      .expectStatus('STATUS_UNSUCCESSFUL')
      .expectEvents('queryRemoveVetoed');
  });

  it('lets the removal through once the file is deleted (InPath false)', () => {
    const run = paged()
      .do({ do: 'deviceUsage', device: 'DiskFdo', usage: 'paging', inPath: false })
      .expectStatus('STATUS_SUCCESS');
    run.do({ do: 'requestRemove', device: 'DiskPdo' }).expectStatus('STATUS_SUCCESS');
    expect(run.world.devices.has('DiskFdo')).toBe(false);
  });

  it('still lets a surprise removal through', () => {
    const run = paged().do({ do: 'surpriseRemove', device: 'DiskPdo' }).expectStatus('STATUS_SUCCESS');
    expect(run.world.devices.has('DiskFdo')).toBe(false);
  });

  it('refuses to delete a file that is not there, and a legacy device', () => {
    win()
      .setup(...disk)
      .do({ do: 'deviceUsage', device: 'DiskFdo', usage: 'dump', inPath: false })
      .expectStatus('STATUS_INVALID_PARAMETER');
    win()
      .setup({ do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep0' })
      .do({ do: 'deviceUsage', device: 'Beep0', usage: 'paging' })
      .expectStatus('STATUS_NOT_SUPPORTED');
  });

  it('cites the device-usage page and notes the storage page’s “might” for dump files', () => {
    expect(RULES['win.pnp.deviceUsageVeto'].source).toMatch(/irp-mn-device-usage-notification/);
    expect(RULES['win.pnp.deviceUsageVeto'].note).toMatch(/might/);
  });
});
