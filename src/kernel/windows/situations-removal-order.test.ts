import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { RULES } from '../rules';
import { kernel } from '../testing';
import type { WindowsAction } from './actions';
import { hasFlag } from './model';

/**
 * Issue 19 (third round): the order of IRP_MN_REMOVE_DEVICE through a stack.
 * WDK "Removing a Device in a Function Driver": a driver makes its device
 * inactive, waiting for its outstanding I/O (step 4, with the remove lock),
 * before it passes the IRP down (step 8, IoCallDriver); "Removing a Device in
 * a Bus Driver": the bus driver, last, keeps or deletes the PDO.
 */

const REMOVE = 'IRP_MN_REMOVE_DEVICE';
const win = () => kernel('windows');

/** Bus driver PciBus (Pdo1), function driver Widget (WidgetFdo), upper filter Filt (FiltDo); both above keep a remove lock. */
const lockedStack = (): WindowsAction[] => [
  { do: 'loadDriver', driver: 'PciBus', model: 'pnp' },
  { do: 'createDevice', driver: 'PciBus', device: 'PciRoot', role: 'fdo' },
  { do: 'createDevice', driver: 'PciBus', device: 'Pdo1', role: 'pdo' },
  { do: 'loadDriver', driver: 'Widget', model: 'pnp', removeLock: true },
  { do: 'createDevice', driver: 'Widget', device: 'WidgetFdo', role: 'fdo', attachTo: 'Pdo1' },
  { do: 'loadDriver', driver: 'Filt', model: 'pnp', removeLock: true },
  { do: 'createDevice', driver: 'Filt', device: 'FiltDo', role: 'filter', attachTo: 'WidgetFdo' },
];

describe('when an upper driver still holds its remove lock as its device is surprise-removed', () => {
  // The hardware is gone, so the bus driver will delete the PDO: but only once the IRP reaches it,
  // after every driver above has finished its IoReleaseRemoveLockAndWait.
  const run = win()
    .setup(...lockedStack(), { do: 'acquireRemoveLock', device: 'FiltDo', tag: 'dpc' })
    .do({ do: 'surpriseRemove', device: 'Pdo1' })
    .expectEvents('removeLockWait');

  it('holds the REMOVE at the filter: neither the function driver nor the bus driver has it yet', () => {
    const removes = run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device);
    expect(removes).toEqual(['FiltDo']);
    const pdo = run.world.devices.get('Pdo1')!;
    expect(hasFlag(pdo, 'DELETE_PENDING')).toBe(false);
    expect(run.world.devices.get('WidgetFdo')?.removeLock?.removed).toBe(false);
    expect(run.world.devices.get('FiltDo')?.removeLock).toMatchObject({ removed: true, waiting: true });
  });

  it('passes it down on the last release: function driver, then bus driver, then detach and delete bottom-up', () => {
    const step = run.do({ do: 'releaseRemoveLock', device: 'FiltDo', tag: 'dpc' }).last;
    const at = (pred: (e: (typeof step.events)[number]) => boolean) => step.events.findIndex(pred);
    const released = at((e) => e.type === 'removeLockReleased' && e.device === 'FiltDo');
    const toFdo = at((e) => e.minor === REMOVE && e.device === 'WidgetFdo');
    const toBus = at((e) => e.minor === REMOVE && e.device === 'Pdo1');
    const pdoGone = at((e) => e.type === 'deleteRequested' && e.device === 'Pdo1');
    const fdoDetached = at((e) => e.type === 'deviceDetached' && e.device === 'WidgetFdo');
    const filtDetached = at((e) => e.type === 'deviceDetached' && e.device === 'FiltDo');
    expect(released).toBeGreaterThanOrEqual(0);
    expect(toFdo).toBeGreaterThan(released);
    expect(toBus).toBeGreaterThan(toFdo);
    expect(pdoGone).toBeGreaterThan(toBus);
    expect(fdoDetached).toBeGreaterThan(pdoGone);
    expect(filtDetached).toBeGreaterThan(fdoDetached);
    expect(run.world.devices.size).toBe(1); // PciRoot
  });

  it('cites the function-driver page and notes where “Using Remove Locks” disagrees', () => {
    expect(RULES['win.removeLock.wait'].source).toMatch(/removing-a-device-in-a-function-driver/);
    expect(RULES['win.removeLock.wait'].note).toMatch(/Using Remove Locks/);
  });
});

describe('when the function driver waits on its remove lock in an orderly removal', () => {
  it('leaves the PDO untouched (still QueryRemoved, REMOVE not received) until the wait ends', () => {
    const run = win()
      .setup(...lockedStack(), { do: 'acquireRemoveLock', device: 'WidgetFdo', tag: 'timer' })
      .do({ do: 'requestRemove', device: 'Pdo1', present: true })
      .expectEvents('removeLockWait');
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual([
      'FiltDo',
      'WidgetFdo',
    ]);
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('QueryRemoved');
    run.do({ do: 'releaseRemoveLock', device: 'WidgetFdo', tag: 'timer' }).expectEvents('devnodeState');
    expect(run.world.devices.get('Pdo1')?.devnode).toBe('Removed');
    expect(run.world.devices.has('WidgetFdo')).toBe(false);
  });
});

describe('when a read passed down by the function driver is pending in the bus driver', () => {
  // WDK IoReleaseRemoveLock: a driver that sets an IoCompletion routine releases its remove lock there,
  // after the lower driver completes the IRP; "Removing a Device in a Function Driver", step 4: the
  // driver completes only the requests queued in it, and waits for the rest.
  const setup = () =>
    win()
      .setup(...lockedStack(), { do: 'openHandle', device: 'FiltDo', handle: 'h' })
      .do({ do: 'sendIrp', handle: 'h', irp: 'read1', pendsIn: 'Pdo1' })
      .expectStatus('STATUS_SUCCESS');

  it('goes down to the PDO, acquiring the remove lock of each driver it passes', () => {
    const run = setup();
    expect(run.world.irps.get('read1')?.path).toEqual(['FiltDo', 'WidgetFdo', 'Pdo1']);
    expect(run.world.devices.get('WidgetFdo')?.irps.has('read1')).toBe(true);
    expect(run.world.devices.get('FiltDo')?.irps.has('read1')).toBe(true);
    const pending = run.last.events.find((e) => e.type === 'irpPending');
    expect(pending).toMatchObject({ device: 'Pdo1', driver: 'PciBus', rule: 'win.io.passDown' });
    expect(RULES['win.io.passDown'].source).toMatch(/ioreleaseremovelock/);
  });

  it('holds a REMOVE at the top until the bus driver completes the read', () => {
    // An orderly removal cannot get here (the open handle fails the query) and a surprise removal
    // fails outstanding I/O first; the PnP manager's IRP sent by hand finds the read still pending.
    const run = setup()
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: 'IRP_MN_REMOVE_DEVICE' })
      .expectEvents('removeLockWait');
    expect(run.world.irps.has('read1')).toBe(true);
    const wait = run.last.events.find((e) => e.type === 'removeLockWait');
    expect(wait).toMatchObject({ device: 'FiltDo', blockers: [{ kind: 'irp', name: 'read1' }] });
    expect(run.last.events.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual(['FiltDo']);
    expect(hasFlag(run.world.devices.get('Pdo1')!, 'DELETE_PENDING')).toBe(false);
    const c = explainUnload(run.world, 'Widget').conditions.find((x) => x.id === 'noDeviceObjects');
    expect(c?.text).toMatch(
      /IoReleaseRemoveLockAndWait on FiltDo until IRP read1 \(pending in Pdo1, below it\)/,
    );
    const done = run.do({ do: 'completeIrp', irp: 'read1' }).last.events;
    const releasedBy = done.filter((e) => e.type === 'removeLockReleased').map((e) => e.device);
    expect(releasedBy).toEqual(['WidgetFdo', 'FiltDo']);
    expect(done.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual(['WidgetFdo', 'Pdo1']);
    expect(run.world.devices.has('WidgetFdo')).toBe(false);
  });

  it('is not completed by the function driver at REMOVE: only requests queued in it are', () => {
    const run = setup()
      .do({ do: 'sendIrp', handle: 'h', irp: 'read2' })
      .do({ do: 'pnpIrp', device: 'Pdo1', minor: 'IRP_MN_REMOVE_DEVICE' });
    // read2 was queued in the function driver, but the filter above it waits first: on read1 and read2.
    expect(run.world.irps.has('read1')).toBe(true);
    run.do({ do: 'completeIrp', irp: 'read1' });
    // The filter still waits on read2; completing it lets REMOVE reach the function driver.
    expect(run.world.devices.get('FiltDo')?.removeLock?.waiting).toBe(true);
    const last = run.do({ do: 'completeIrp', irp: 'read2' }).last.events;
    expect(last.filter((e) => e.minor === REMOVE).map((e) => e.device)).toEqual(['WidgetFdo', 'Pdo1']);
  });

  it('has the bus driver complete it at REMOVE when no driver above holds a lock for it', () => {
    // "Removing a Device in a Bus Driver", step 2: complete any requests queued in the driver.
    const run = win()
      .setup(...lockedStack().map((a) => (a.do === 'loadDriver' ? { ...a, removeLock: false } : a)), {
        do: 'openHandle',
        device: 'FiltDo',
        handle: 'h',
      })
      .do(
        { do: 'sendIrp', handle: 'h', irp: 'read1', pendsIn: 'Pdo1' },
        { do: 'pnpIrp', device: 'Pdo1', minor: 'IRP_MN_REMOVE_DEVICE' },
      );
    const done = run.last.events.find((e) => e.type === 'irpCompleted' && e.irp === 'read1');
    expect(done).toMatchObject({ device: 'Pdo1', rule: 'win.pnp.removeCompletesQueued' });
    const toBus = run.last.events.findIndex((e) => e.minor === REMOVE && e.device === 'Pdo1');
    expect(run.last.events.indexOf(done!)).toBeGreaterThan(toBus);
  });

  it('is refused with a clear reason when the named device is not in the stack', () => {
    const run = win()
      .setup(...lockedStack(), { do: 'openHandle', device: 'FiltDo', handle: 'h' })
      .do({ do: 'sendIrp', handle: 'h', irp: 'r', pendsIn: 'PciRoot' })
      .expectStatus('STATUS_INVALID_PARAMETER');
    expect(run.last.events[0]?.reason).toMatch(
      /PciRoot is not in this handle's stack \(FiltDo, WidgetFdo, Pdo1\)/,
    );
  });
});
