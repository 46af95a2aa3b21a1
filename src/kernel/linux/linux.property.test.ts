import fc from 'fast-check';
import { isImmutable } from 'immutable';
import { describe, expect, it } from 'vitest';
import type { LinuxAction } from './actions';
import { explainLinux } from './explain';
import { refcnt, type LinuxWorld } from './model';
import { createLinuxWorld, linuxStep } from './step';
import type { LinuxResult } from './tx';

/**
 * Properties of the Linux engine over random runs (docs/domain/linux.md):
 * a module is never freed while references remain unless the unload was
 * forced, and a forced unload always taints; remove() runs for every bound
 * device before the module's memory goes (unless a forced unload skipped
 * exit, the bug the simulator shows); steps are pure and deterministic and
 * never throw; the counted references match the objects that hold them.
 */

const MODULES = ['a', 'b', 'c'] as const;
const mod = fc.constantFrom(...MODULES);
const dev = fc.constantFrom('d0', 'd1', 'd2');
const file = fc.constantFrom('f0', 'f1', 'f2');
const ref = fc.constantFrom('r0', 'r1');
const kref = fc.constantFrom('k0', 'k1');
const errno = fc.constantFrom<0 | 'ENODEV' | 'ENOMEM'>(0, 0, 0, 'ENODEV', 'ENOMEM');

const action: fc.Arbitrary<LinuxAction> = fc.oneof(
  fc.record(
    {
      do: fc.constant('defineModule' as const),
      module: mod,
      init: fc.boolean(),
      exit: fc.boolean(),
      initReturns: errno,
      initSleeps: fc.boolean(),
      exitSleeps: fc.boolean(),
      dependsOn: fc.subarray([...MODULES]),
      driver: fc.boolean(),
      kobject: fc.boolean(),
    },
    { requiredKeys: ['do', 'module'] },
  ),
  fc.record({ do: fc.constant('plugDevice' as const), device: dev, driver: mod }),
  fc.record({ do: fc.constant('unplugDevice' as const), device: dev }),
  fc.record({ do: fc.constant('insmod' as const), module: mod }),
  fc.record({ do: fc.constant('modprobe' as const), module: mod }),
  fc.record({ do: fc.constant('finishInit' as const), module: mod }),
  fc.record(
    { do: fc.constant('rmmod' as const), module: mod, force: fc.boolean() },
    { requiredKeys: ['do', 'module'] },
  ),
  fc.record({ do: fc.constant('modprobeRemove' as const), module: mod }),
  fc.record(
    { do: fc.constant('deleteModule' as const), module: mod, trunc: fc.boolean(), nonblock: fc.boolean() },
    { requiredKeys: ['do', 'module'] },
  ),
  fc.record({ do: fc.constant('finishExit' as const), module: mod }),
  fc.record({ do: fc.constant('open' as const), file, device: dev }),
  fc.record({ do: fc.constant('read' as const), file }),
  fc.record({ do: fc.constant('close' as const), file }),
  fc.record({ do: fc.constant('moduleGet' as const), module: mod, ref }),
  fc.record({ do: fc.constant('modulePut' as const), ref }),
  fc.record({ do: fc.constant('unbind' as const), module: mod, device: dev }),
  fc.record({ do: fc.constant('bind' as const), module: mod, device: dev }),
  fc.record({ do: fc.constant('kobjectGet' as const), module: mod, ref: kref }),
  fc.record({ do: fc.constant('kobjectPut' as const), ref: kref }),
);

/** Runs start by defining every module (with a device each) so most steps do something. */
const setup: LinuxAction[] = MODULES.flatMap((m, i): LinuxAction[] => [
  { do: 'defineModule', module: m },
  { do: 'plugDevice', device: `d${i}`, driver: m },
]);

const run = fc.record({
  options: fc.record({
    forceUnload: fc.boolean(),
    waitingDelete: fc.boolean(),
    modulesDisabled: fc.constantFrom(false, false, false, false, true),
  }),
  actions: fc.array(action, { minLength: 1, maxLength: 40 }),
});

function snap(w: LinuxWorld): string {
  return JSON.stringify(w, (_k, v: unknown) => (isImmutable(v) ? (v.toJS() as unknown) : v));
}

type Check = (before: LinuxWorld, r: LinuxResult, a: LinuxAction) => void;

function forAll(check: Check, runs = 300): void {
  fc.assert(
    fc.property(run, ({ options, actions }) => {
      let world = createLinuxWorld(options);
      for (const a of [...setup, ...actions]) {
        const r = linuxStep(world, a);
        check(world, r, a);
        world = r.world;
      }
    }),
    { numRuns: runs },
  );
}

/** The world just before event `i` (the moment of the event before it, or the step's start). */
function beforeEvent(before: LinuxWorld, r: LinuxResult, i: number): LinuxWorld {
  return i === 0 ? before : r.moments![i - 1]!;
}

describe('the Linux engine, over random runs', () => {
  it('never throws, and is pure and deterministic', () => {
    forAll((before, r, a) => {
      const s = snap(before);
      const again = linuxStep(before, a);
      expect(snap(before)).toBe(s);
      expect(again.status).toBe(r.status);
      expect(snap(again.world)).toBe(snap(r.world));
      expect(again.events).toEqual(r.events);
      expect(r.moments).toHaveLength(r.events.length);
      for (const m of r.world.modules.keys()) expect(() => explainLinux(r.world, m)).not.toThrow();
    }, 150);
  }, 120_000);

  it('a module with a non-zero refcount is never freed unless forced, and never while other modules use it', () => {
    forAll((before, r) => {
      r.events.forEach((e, i) => {
        if (e.type !== 'moduleFreed') return;
        const m = beforeEvent(before, r, i).modules.get(e.module!)!;
        expect(m.holders.size).toBe(0);
        if (refcnt(m) > 0) expect(m.forcedOut).toBe(true);
      });
    });
  }, 120_000);

  it('a forced unload always taints the kernel R', () => {
    forAll((before, r) => {
      r.events.forEach((e, i) => {
        if (e.type !== 'moduleGoing') return;
        const w = r.moments![i]!;
        if (w.modules.get(e.module!)!.forcedOut) expect(w.taint).toContain('R');
      });
      for (const letter of before.taint) expect(r.world.taint).toContain(letter);
    });
  }, 120_000);

  it('remove() runs for every bound device before the module’s memory goes (unless rmmod -f skipped exit)', () => {
    forAll((before, r) => {
      r.events.forEach((e, i) => {
        if (e.type !== 'moduleFreed') return;
        const w = beforeEvent(before, r, i);
        const m = w.modules.get(e.module!)!;
        if (m.forcedOut && !m.hasExit) return;
        const stillBound = w.devices
          .filter((d) => d.boundTo === e.module)
          .keySeq()
          .toArray();
        expect(stillBound).toEqual([]);
      });
    });
  }, 120_000);

  it('the world as of each event shows what the event says (the picture never disagrees with the story)', () => {
    forAll((_before, r) => {
      r.events.forEach((e, i) => {
        const w = r.moments![i]!;
        const m = e.module === undefined ? undefined : w.modules.get(e.module);
        const say = `${e.type} of step ${i}`;
        switch (e.type) {
          case 'moduleLive':
            expect(m?.state, say).toBe('live');
            break;
          case 'moduleGoing':
          case 'initFailed':
            expect(m?.state, say).toBe('going');
            break;
          case 'moduleFreed':
            expect(m?.state, say).toBeNull();
            break;
          case 'deviceBound':
            expect(w.devices.get(e.device!)?.boundTo, say).toBe(e.module);
            break;
          case 'deviceUnbound':
            expect(w.devices.get(e.device!)?.boundTo, say).toBeNull();
            break;
          case 'fileOpened':
            expect(w.files.has(e.file!), say).toBe(true);
            break;
          case 'fileClosed':
            expect(w.files.has(e.file!), say).toBe(false);
            break;
          case 'referenceTaken':
            expect(m?.refs.has(e.reference!) || m?.refs.has(`file:${e.file}`), say).toBe(true);
            expect(String(m?.refs.size), say).toBe(e.state);
            break;
          case 'referenceDropped':
            expect(String(m?.refs.size), say).toBe(e.state);
            break;
          case 'kernelTainted':
            expect(w.taint, say).toBe(e.state);
            break;
          default:
            break;
        }
      });
    });
  }, 120_000);

  it('the counted references are the objects that hold them', () => {
    forAll((_before, r) => {
      const w = r.world;
      for (const m of w.modules.values()) {
        if (m.state === null) {
          expect(refcnt(m)).toBe(0);
          continue;
        }
        const expected = new Set<string>();
        for (const f of w.files.values())
          if (f.module === m.name && f.generation === m.generation) expected.add(`file:${f.name}`);
        for (const x of w.refs.values())
          if (x.module === m.name && x.generation === m.generation) expected.add(`ref:${x.name}`);
        for (const h of m.holders) expected.add(`holder:${h}`);
        if (m.refs.has('init')) expect(m.state).toBe('coming');
        const counted = new Set(m.refs.toArray().filter((x) => x !== 'init'));
        expect(counted).toEqual(expected);
      }
    });
  }, 120_000);
});
