/**
 * npm run bench:kernel — the cost of one kernel step in worlds of 10, 1,000
 * and 10,000 device objects. A step's cost must not grow with the world
 * (target: at most 2× from 10 to 10,000) and the small world must take at
 * least 100,000 steps per second. Reported, not asserted: see docs/benchmarks.md.
 */
import { performance } from 'node:perf_hooks';
import { step, type Action, type World } from '../src/kernel';
import { lcg, svr5World, windowsWorld } from './worlds';

const SIZES = [10, 1_000, 10_000];
const ROUNDS = 7;
const STEPS_PER_ROUND = 200_000;

/** The Windows cycle: open a handle on a stack, send an IRP, complete it, close the handle. */
function windowsCycle(stacks: number, rand: () => number): (i: number) => Action {
  let s = 0;
  return (i) => {
    if (i % 4 === 0) s = Math.floor(rand() * stacks);
    switch (i % 4) {
      case 0:
        return { do: 'openHandle', device: `Fdo${s}`, handle: 'h' };
      case 1:
        return { do: 'sendIrp', handle: 'h', irp: 'i' };
      case 2:
        return { do: 'completeIrp', irp: 'i' };
      default:
        return { do: 'closeHandle', handle: 'h' };
    }
  };
}

/** The SVR5 cycle: open a device (autoload on first use), try a busy unload (EBUSY), close, unload. */
function svr5Cycle(modules: number, rand: () => number): (i: number) => Action {
  let m = 0;
  return (i) => {
    if (i % 4 === 0) m = Math.floor(rand() * modules);
    switch (i % 4) {
      case 0:
        return { do: 'open', device: `m${m}d0`, channel: 'c' };
      case 1:
        return { do: 'unloadModule', module: `m${m}` };
      case 2:
        return { do: 'close', channel: 'c' };
      default:
        return { do: 'unloadModule', module: `m${m}` };
    }
  };
}

function measure(start: World, next: (i: number) => Action): number {
  // Precompute the actions so the timing is the kernel's alone.
  const actions = Array.from({ length: STEPS_PER_ROUND }, (_, i) => next(i));
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let w = start;
    const t0 = performance.now();
    for (const a of actions) w = step(w, a).world;
    samples.push((performance.now() - t0) / STEPS_PER_ROUND);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN; // median ms per step
}

interface Row {
  os: string;
  devices: number;
  usPerStep: number;
  stepsPerSecond: number;
}

const rows: Row[] = [];
for (const devices of SIZES) {
  const win = windowsWorld(devices);
  const ms = measure(win.world, windowsCycle(win.stacks, lcg(1)));
  rows.push({ os: 'windows', devices, usPerStep: ms * 1000, stepsPerSecond: 1000 / ms });
}
for (const devices of SIZES) {
  const sv = svr5World(devices);
  const ms = measure(sv.world, svr5Cycle(sv.modules, lcg(1)));
  rows.push({ os: 'svr5', devices, usPerStep: ms * 1000, stepsPerSecond: 1000 / ms });
}

console.log(
  `kernel step cost, median of ${ROUNDS} rounds × ${STEPS_PER_ROUND.toLocaleString('en')} steps (node ${process.version})\n`,
);
console.log('| OS | device objects | µs per step | steps per second | ratio to 10 devices |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  const base = rows.find((b) => b.os === r.os && b.devices === SIZES[0]);
  const ratio = base ? r.usPerStep / base.usPerStep : NaN;
  console.log(
    `| ${r.os} | ${r.devices.toLocaleString('en')} | ${r.usPerStep.toFixed(2)} | ${Math.round(r.stepsPerSecond).toLocaleString('en')} | ${ratio.toFixed(2)}× |`,
  );
}
