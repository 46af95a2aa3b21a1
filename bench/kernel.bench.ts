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
const ROUNDS = 9;
const STEPS_PER_ROUND = 100_000;

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

interface Case {
  readonly os: 'windows' | 'svr5';
  readonly devices: number;
  readonly world: World;
  /** Precomputed, so the timing is the kernel's alone. */
  readonly actions: readonly Action[];
  readonly samples: number[];
}

function makeCase(os: Case['os'], devices: number, world: World, next: (i: number) => Action): Case {
  return {
    os,
    devices,
    world,
    actions: Array.from({ length: STEPS_PER_ROUND }, (_, i) => next(i)),
    samples: [],
  };
}

/** One timed round: ms per step. */
function round(c: Case): number {
  let w = c.world;
  const t0 = performance.now();
  for (const a of c.actions) w = step(w, a).world;
  return (performance.now() - t0) / c.actions.length;
}

const all: Case[] = [
  ...SIZES.map((n) => {
    const win = windowsWorld(n);
    return makeCase('windows', n, win.world, windowsCycle(win.stacks, lcg(1)));
  }),
  ...SIZES.map((n) => {
    const sv = svr5World(n);
    return makeCase('svr5', n, sv.world, svr5Cycle(sv.modules, lcg(1)));
  }),
];

// Rounds are interleaved across the sizes of one OS, so a busy moment on the machine hits every
// size alike; each size reports its best round (the least disturbed) and its median. The OSes run
// one after the other, as the app runs them.
for (const os of ['windows', 'svr5'] as const) {
  const mine = all.filter((c) => c.os === os);
  for (const c of mine) round(c); // warm-up: JIT and caches
  for (let r = 0; r < ROUNDS; r++) for (const c of mine) c.samples.push(round(c));
}

const rows = all.map((c) => {
  const sorted = [...c.samples].sort((a, b) => a - b);
  const us = (ms: number | undefined) => (ms ?? NaN) * 1000;
  return {
    os: c.os,
    devices: c.devices,
    best: us(sorted[0]),
    median: us(sorted[Math.floor(sorted.length / 2)]),
  };
});

console.log(
  `kernel step cost: ${ROUNDS} interleaved rounds × ${STEPS_PER_ROUND.toLocaleString('en')} steps per size (node ${process.version})\n`,
);
console.log(
  '| OS | device objects | µs per step (best) | µs (median) | steps per second (best) | ratio to 10 (best) | ratio to 10 (median) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const base = rows.find((b) => b.os === r.os && b.devices === SIZES[0]);
  const cells = [
    r.os,
    r.devices.toLocaleString('en'),
    r.best.toFixed(2),
    r.median.toFixed(2),
    Math.round(1e6 / r.best).toLocaleString('en'),
    `${base ? (r.best / base.best).toFixed(2) : '?'}×`,
    `${base ? (r.median / base.median).toFixed(2) : '?'}×`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}
