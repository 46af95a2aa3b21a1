import { describe, expect, it } from 'vitest';
import { runProperty } from '../../properties/harness';
import { windowsRunArb } from '../../properties/windowsArbs';
import type { StepCtx } from '../../properties/windowsInvariants';
import fc from 'fast-check';
import type { WindowsAction, WindowsOptions } from '../actions';
import { createWorld } from '../../world';
import {
  bugCheckHalts,
  cleanupInHierarchyOrder,
  frameworkLeavesNoWdmBug,
  noCallbackIntoFreedImage,
} from './kmdfInvariants';

/** KMDF and Driver Verifier properties over random Windows runs (issue 19). */

const NUM_RUNS = 1000;

/** The Windows runs, with about half of every load (the deep setups' too) changed by `change`. */
const runsWith = (change: Partial<Extract<WindowsAction, { do: 'loadDriver' }>>) =>
  fc.tuple(windowsRunArb(), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 })).map(([run, flips]) => ({
    ...run,
    actions: run.actions.map((a, i): WindowsAction =>
      a.do === 'loadDriver' && flips[i % 64] ? { ...a, ...change } : a,
    ),
  }));
const kmdfRuns = runsWith({ framework: 'kmdf' });
/**
 * Verified runs: about half of every load under Driver Verifier, and a quarter of those with each
 * modelled unload mistake (an ETW provider or a WMI callback left registered, leaked pool, a timer left queued), so a bug check comes in a fair share of
 * runs (with the mistakes only as often as the Windows runs make them, it came in 0.2–0.7 % of runs,
 * and the not-vacuous guard below failed now and then).
 */
const verifiedRuns = fc
  .tuple(windowsRunArb(), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 64, maxLength: 64 }))
  .map(([run, picks]) => ({
    ...run,
    actions: run.actions.map((a, i): WindowsAction => {
      const pick = picks[i % 64] ?? 0;
      if (a.do !== 'loadDriver' || pick < 4) return a;
      const mistakes = [
        { leavesEtwProvider: true },
        { leavesWmiCallback: true },
        { leaksPool: true },
        { leavesTimer: true },
      ];
      const mistake = pick === 4 ? {} : pick === 5 ? mistakes[i % 2] : mistakes[pick - 4];
      return { ...a, verifier: true, ...mistake };
    }),
  }));

/** KMDF runs where about half the devices created get a WdfObjectReference right away, so unloads with one held come often. */
const referencedRuns = fc
  .tuple(kmdfRuns, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }))
  .map(([run, flips]) => ({
    ...run,
    actions: run.actions.flatMap((a, i): WindowsAction[] =>
      a.do === 'createDevice' && flips[i % 64]
        ? [a, { do: 'wdfObjectReference', device: a.device, tag: 'held' }]
        : [a],
    ),
  }));

function property(
  each: (c: StepCtx) => void,
  perRun: (steps: StepCtx[]) => void = () => {},
  runs = kmdfRuns,
): void {
  runProperty(runs, (o: Partial<WindowsOptions>) => createWorld('windows', o), each, perRun, NUM_RUNS, false);
}

describe('KMDF and Driver Verifier properties (random action sequences)', { timeout: 120_000 }, () => {
  it('runs a KMDF driver’s cleanup callbacks in hierarchy order: children before parents, each once', () => {
    let seen = new Set<string>();
    let runs = 0;
    let nested = 0;
    property(
      (c) => {
        if (c.index === 0) seen = new Set();
        cleanupInHierarchyOrder(c, seen);
      },
      (steps) => {
        const cleanups = steps
          .flatMap((s) => s.result.events)
          .filter((e) => e.state === 'EvtCleanupCallback');
        if (cleanups.length > 0) runs++;
        if (
          cleanups.some(
            (e) => e.wdfObject?.startsWith('WDFREQUEST') || e.wdfObject?.startsWith('WDFFILEOBJECT'),
          )
        )
          nested++;
      },
    );
    // Not vacuous: framework objects are deleted in a share of runs, some with requests or files under them.
    console.log(`KMDF cleanup: ${runs} runs of ${NUM_RUNS}, ${nested} with requests or files under a device`);
    expect(runs).toBeGreaterThan(NUM_RUNS * 0.05);
    expect(nested).toBeGreaterThan(NUM_RUNS * 0.005);
  });

  it('never reports a forgotten cleanup or unregistration for a KMDF driver', () => {
    let flushed = 0;
    property(frameworkLeavesNoWdmBug, (steps) => {
      if (steps.some((s) => s.result.events.some((e) => e.rule === 'win.kmdf.cleanupFlushes'))) flushed++;
    });
    console.log(`KMDF cleanup flushes: ${flushed} runs of ${NUM_RUNS}`);
    expect(flushed).toBeGreaterThan(NUM_RUNS * 0.002);
  });

  it('runs no framework callback in a freed image: a reference held at unload is reported, never dropped later', () => {
    let leaked = 0;
    property(
      noCallbackIntoFreedImage,
      (steps) => {
        if (steps.some((s) => s.result.events.some((e) => e.rule === 'win.kmdf.refLeakedAtUnload'))) leaked++;
      },
      referencedRuns,
    );
    // Not vacuous: some runs unload a KMDF driver still holding a WDFDEVICE reference.
    console.log(`KMDF references leaked at unload: ${leaked} runs of ${NUM_RUNS}`);
    expect(leaked).toBeGreaterThan(NUM_RUNS * 0.02);
  });

  it('stops everything after a bug check, and bug checks only where the rules say', () => {
    let stopped = 0;
    property(
      bugCheckHalts,
      (steps) => {
        if (steps.some((s) => s.result.world.bugCheck)) stopped++;
      },
      verifiedRuns,
    );
    console.log(`bug checks: ${stopped} runs of ${NUM_RUNS}`);
    expect(stopped).toBeGreaterThan(NUM_RUNS * 0.05);
  });
});
