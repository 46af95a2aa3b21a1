import { describe, expect, it } from 'vitest';
import {
  at,
  unloadOncePerLoad,
  noBlockersAtUnload,
  dispatchPaths,
  noNewIrpsWhenPending,
  noAttachWhenPending,
  structural,
  pendingHasBlocker,
  stopAnswers,
  type StepCtx,
} from './windowsInvariants';
import { consistent } from './windowsConsistency';
import {
  initializingRefused,
  removeLocksRespected,
  removeWaitsBeforePassingDown,
} from './windowsLockInvariants';
import {
  cleanupCancelsQueued,
  rebalanceKeepsIrps,
  cancelRestoresState,
  childrenRemovedFirst,
  removeCompleteUnregisters,
  appRegistrantsApart,
  mountedVolumeRespected,
  startRespected,
} from './windowsRound3Invariants';
import type { WindowsAction, WindowsOptions } from '../scenario/actions';
import { createWorld } from '../world';
import { windowsRunArb } from './windowsArbs';
import { check, pureAndDeterministic, runProperty, type Crash as CrashOf } from './harness';

/**
 * Property tests of the Windows engine against shared/domain/windows.md:
 * random action sequences, every step checked against the world before and
 * after it.
 */

const NUM_RUNS = 2000;

type Crash = CrashOf<WindowsAction>;

/** Runs a property over many random runs; `each` checks one step, `perRun` sees every step of a run. */
function property(
  each: (c: StepCtx) => void,
  perRun: (steps: StepCtx[], crash?: Crash) => void = () => {},
  numRuns = NUM_RUNS,
  snapshots = false,
): void {
  runProperty(
    windowsRunArb(),
    (o: Partial<WindowsOptions>) => createWorld('windows', o),
    each,
    perRun,
    numRuns,
    snapshots,
  );
}

// ── The properties ────────────────────────────────────────────────────────

describe('Windows engine properties (random action sequences)', { timeout: 60_000 }, () => {
  it('never throws: every action, on any world, gets a status', () => {
    property(
      () => {},
      (_steps, crash) => {
        check(!crash, () => `step ${crash!.index} ${JSON.stringify(crash!.action)} threw: ${crash!.error}`);
      },
    );
  });

  it('calls Unload at most once per load, only after a successful DriverEntry, only if it has an Unload routine', () => {
    const inv = unloadOncePerLoad();
    let withUnload = 0;
    let withDeferred = 0;
    property(
      (c) => inv.each(c),
      (steps) => {
        inv.reset();
        const events = steps.flatMap((s) => s.result.events);
        if (events.some((e) => e.type === 'unloadCalled')) withUnload++;
        if (
          steps.some(
            (s, i) =>
              s.result.events.some((e) => e.type === 'unloadDeferred') &&
              steps.slice(i + 1).some((t) => t.result.events.some((e) => e.type === 'unloadCalled')),
          )
        )
          withDeferred++;
      },
    );
    // Not vacuous: Unload (and a deferred Unload completing later) happens in a good share of runs.
    expect(withUnload).toBeGreaterThan(NUM_RUNS * 0.2);
    expect(withDeferred).toBeGreaterThan(NUM_RUNS * 0.02);
  });

  it('never calls Unload while a handle, outstanding IRP, attached device or registration remains', () => {
    let unloads = 0;
    property(noBlockersAtUnload, (steps) => {
      unloads += steps.flatMap((s) => s.result.events).filter((e) => e.type === 'unloadCalled').length;
    });
    expect(unloads).toBeGreaterThan(NUM_RUNS * 0.3);
  });

  it('runs a deferred Unload as soon as its last blocker goes', () => {
    let deferred = 0;
    property(pendingHasBlocker, (steps) => {
      if (steps.some((s) => s.result.events.some((e) => e.type === 'unloadDeferred'))) deferred++;
    });
    expect(deferred).toBeGreaterThan(NUM_RUNS * 0.05);
  });

  it('answers sc stop as documented: not found, delete pending, invalid request, success or deferred', () => {
    let stops = 0;
    property(stopAnswers, (steps) => {
      stops += steps.filter(
        (s) => s.action.do === 'stopDriver' && s.result.events.some((e) => e.type === 'unloadPending'),
      ).length;
    });
    expect(stops).toBeGreaterThan(NUM_RUNS * 0.3);
  });

  it('sends no new IRP to an unload-pending driver (cleanup and close still pass)', () => {
    let dispatched = 0;
    let refusedPending = 0;
    property(noNewIrpsWhenPending, (steps) => {
      for (const s of steps) {
        dispatched += dispatchPaths(s.result.events).size;
        if (s.result.events.some((e) => e.type === 'refused' && e.rule === 'seed.3.noNewIrps'))
          refusedPending++;
      }
    });
    expect(dispatched).toBeGreaterThan(NUM_RUNS);
    expect(refusedPending).toBeGreaterThan(0);
  });

  it('attaches no device onto an unload-pending device', () => {
    let attached = 0;
    property(noAttachWhenPending, (steps) => {
      attached += steps.flatMap((s) => s.result.events).filter((e) => e.type === 'deviceAttached').length;
    });
    expect(attached).toBeGreaterThan(NUM_RUNS);
  });

  it('completes no IRP_MN_REMOVE_DEVICE while a remove lock is held, and grants no lock after IoReleaseRemoveLockAndWait', () => {
    let waits = 0;
    let resumed = 0;
    property(removeLocksRespected, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.type === 'removeLockWait')) waits++;
      if (events.some((e) => e.type === 'deleteRequested' && e.rule === 'win.removeLock.wait')) resumed++;
    });
    // Not vacuous: REMOVE waits on a remove lock, and goes on after the release, in a share of runs.
    expect(waits).toBeGreaterThan(NUM_RUNS * 0.02);
    expect(resumed).toBeGreaterThan(NUM_RUNS * 0.005);
  });

  it('holds IRP_MN_REMOVE_DEVICE at a driver waiting on its remove lock: no driver below, nor the PDO, has it yet', () => {
    let heldAbove = 0;
    property(removeWaitsBeforePassingDown, (steps) => {
      const waitsAbovePdo = steps.some((s) =>
        s.result.events.some(
          (e) => e.type === 'removeLockWait' && s.result.world.devices.get(e.device ?? '')?.attachedTo,
        ),
      );
      if (waitsAbovePdo) heldAbove++;
    });
    // Not vacuous: a driver above a PDO waits on its lock in a share of runs.
    expect(heldAbove).toBeGreaterThan(NUM_RUNS * 0.01);
  });

  it('leaves no IRP of a closed handle queued, except at a driver that forgets IRP_MJ_CLEANUP (marked as a bug)', () => {
    let cancelled = 0;
    property(cleanupCancelsQueued, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.rule === 'win.close.cleanupCancels' && e.type === 'irpCompleted')) cancelled++;
    });
    // Not vacuous: a cleanup cancels a queued IRP in a share of runs. (A forgetful cleanup is rarer in
    // random runs; situations-round3.test.ts plays it on purpose.)
    expect(cancelled).toBeGreaterThan(NUM_RUNS * 0.005);
  });

  it('drops a target-device registration once its callback hears REMOVE_COMPLETE, unless it forgets', () => {
    let told = 0;
    property(removeCompleteUnregisters, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.state === 'GUID_TARGET_DEVICE_REMOVE_COMPLETE')) told++;
    });
    expect(told).toBeGreaterThan(NUM_RUNS * 0.005);
  });

  it('tells applications in DBT_ words before drivers, and their registrations go at remove-pending or remove-complete', () => {
    let told = 0;
    property(appRegistrantsApart, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.state === 'DBT_DEVICEQUERYREMOVE' || e.state === 'DBT_DEVICEREMOVECOMPLETE'))
        told++;
    });
    // Not vacuous: applications are told of a removal in a share of runs.
    expect(told).toBeGreaterThan(NUM_RUNS * 0.005);
  });

  it('lets no storage device be query-removed with files open on its mounted volume, opens nothing on a locked volume, and unloads no file system with a volume mounted', () => {
    let mounted = 0;
    let held = 0;
    property(mountedVolumeRespected, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.rule === 'win.fs.queryRemove' || e.rule === 'win.fs.dismount')) mounted++;
      if (events.some((e) => e.rule === 'win.fs.mountedHolds')) held++;
    });
    // Not vacuous: a removal reaches a mounted file system, and a stop meets a mounted volume, in a share of runs.
    expect(mounted).toBeGreaterThan(NUM_RUNS * 0.005);
    expect(held).toBeGreaterThan(NUM_RUNS * 0.001);
  });

  it('starts a stack bottom-up, removes it after a failed start, and opens nothing in a stack not started', () => {
    let started = 0;
    let failed = 0;
    property(startRespected, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.rule === 'win.start.bottomUp' && e.type === 'devnodeState')) started++;
      if (events.some((e) => e.rule === 'win.start.removeAfterFail')) failed++;
    });
    // Not vacuous: starts succeed and fail in a share of runs.
    expect(started).toBeGreaterThan(NUM_RUNS * 0.002);
    expect(failed).toBeGreaterThan(NUM_RUNS * 0.002);
  });

  it('never loses a queued IRP in a rebalance, and holds IRPs only while the stack is query-stopped or stopped', () => {
    let held = 0;
    property(rebalanceKeepsIrps, (steps) => {
      if (steps.some((s) => s.result.events.some((e) => e.rule === 'win.rebalance.restartReleases'))) held++;
    });
    // Not vacuous: a held request is released by a restart in a share of runs.
    expect(held).toBeGreaterThan(NUM_RUNS * 0.002);
  });

  it('removes child devnodes before their parent: no REMOVE completes below a child still started', () => {
    let children = 0;
    property(childrenRemovedFirst, (steps) => {
      if (steps.some((s) => s.result.events.some((e) => e.rule === 'win.pnp.childrenFirst'))) children++;
    });
    // Not vacuous: a parent's removal removes a child first in a share of runs.
    expect(children).toBeGreaterThan(NUM_RUNS * 0.002);
  });

  it('puts a devnode back, on a cancelled query-remove, in the state it had before the query', () => {
    let cancelled = 0;
    property(cancelRestoresState, (steps) => {
      if (steps.some((s) => s.result.events.some((e) => e.rule === 'win.pnp.cancelRestores'))) cancelled++;
    });
    expect(cancelled).toBeGreaterThan(NUM_RUNS * 0.002);
  });

  it('opens nothing, and attaches nothing on top of a device, while it is DO_DEVICE_INITIALIZING', () => {
    let refused = 0;
    property(initializingRefused, (steps) => {
      if (steps.some((s) => s.result.events.some((e) => e.rule === 'win.open.initializing'))) refused++;
    });
    expect(refused).toBeGreaterThan(NUM_RUNS * 0.005);
  });

  it('cites Windows rules, marks modelling choices, answers NTSTATUS names, and a refusal changes nothing', () => {
    property(structural);
  });

  it('is pure and deterministic: the world before a step is untouched and the same step gives the same result', () => {
    property(
      (c) => pureAndDeterministic(c, at(c)),
      () => {},
      1000,
      true,
    );
  });

  it('keeps the world consistent: devices, stacks, handles, IRPs, registrations and references agree', () => {
    let removes = 0;
    let freed = 0;
    property(consistent, (steps) => {
      const events = steps.flatMap((s) => s.result.events);
      if (events.some((e) => e.type === 'pnpIrp' && e.minor === 'IRP_MN_REMOVE_DEVICE')) removes++;
      if (events.some((e) => e.type === 'imageFreed')) freed++;
    });
    expect(removes).toBeGreaterThan(NUM_RUNS * 0.05);
    expect(freed).toBeGreaterThan(NUM_RUNS * 0.1);
  });
});
