/**
 * tsx bench/compare.ts before.json after.json — two app benchmark reports
 * side by side, every figure before → after, as Markdown for docs/benchmarks.md.
 * Given one report measured with BENCH_BEFORE, its own 'before' target is the before.
 * Baselines: 'fair' is bare React Flow with the app's view, zoom limits, pane size and culling;
 * 'old bare' the whole window with every element drawn (reports from before the fair peer have none).
 */
import { readFileSync } from 'node:fs';
import { framesText, rowsOf, type Burst, type Report, type Row } from './report';

const paths = process.argv.slice(2);
if (paths.length < 1) throw new Error('usage: tsx bench/compare.ts [before.json] after.json');
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Report;
const after = read(paths[paths.length - 1] as string);
const before = paths.length > 1 ? read(paths[0] as string) : after;
const rows = (r: Report, t: 'app' | 'before') => new Map(rowsOf(r, t).map((x) => [x.objects, x]));
const b = rows(before, paths.length > 1 ? 'app' : 'before');
const a = rows(after, 'app');

const figures: [string, (x: Row) => string][] = [
  ['load → live graph painted (page clock), ms; ÷ fair', (x) => `${x.load.app} (${x.load.ratio}×)`],
  ['same in the fair peer / old bare, ms', (x) => `${x.load.fair} / ${x.load.bare}`],
  ['pan, main-thread ms/frame (IRPs animating), ÷ fair', (x) => `${x.pan.app} (${x.pan.fairRatio}×)`],
  ['same in the fair peer / old bare', (x) => `${x.pan.fair} / ${x.pan.bare}`],
  ['IRP, view still: fps / p95 ms / dropped/s / long tasks/s', (x) => framesText(x.still?.irp)],
  ['PnP removal, view still: same', (x) => framesText(x.still?.removal)],
  ['surprise removal, view still: same', (x) => framesText(x.still?.surprise)],
  ["click → painted, 'Open a handle', median / p95 ms", (x) => `${x.click.app.median} / ${x.click.app.p95}`],
  ['same in the fair peer (one node changes)', (x) => `${x.click.fair.median} / ${x.click.fair.p95}`],
  ["'Create device' → painted, median / p95 ms", (x) => `${x.create.app.median} / ${x.create.app.p95}`],
  ['same in the fair peer (one node added)', (x) => `${x.create.fair.median} / ${x.create.fair.p95}`],
  ['layout of the whole history, ms (Node)', (x) => `${x.layout.whole}`],
  ['layout after one more device, ms (Node)', (x) => `${x.layout.extend}`],
  [
    'elements in the graph, app / fair / old bare',
    (x) => `${x.elements.app} / ${x.elements.fair} / ${x.elements.bare}`,
  ],
];

console.log('| figure | objects | before | after |');
console.log('|---|---:|---:|---:|');
for (const [name, f] of figures)
  for (const n of [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => x - y)) {
    const x = b.get(n);
    const y = a.get(n);
    console.log(`| ${name} | ${n} | ${x ? f(x) : '–'} | ${y ? f(y) : '–'} |`);
  }
const one = paths.length === 1;
const heapBefore = one ? before.heapMbAfter10kStepsBefore : before.heapMbAfter10kSteps;
const jsBefore = one ? before.initialJsGzipKbBefore : before.initialJsGzipKb;
console.log(`| JS heap after 10,000 steps, MB | 50 | ${heapBefore ?? '–'} | ${after.heapMbAfter10kSteps} |`);
const burstBefore = one ? before.burstBefore : before.burst;
const burst = (b: Burst | undefined) => (b ? `${b.steps} steps in ${b.seconds} s` : '–');
console.log(
  `| the 10,000-step burst (a minute at most) | 50 | ${burst(burstBefore)} | ${burst(after.burst)} |`,
);
console.log(
  `| initial JavaScript, gzip KB | – | ${jsBefore?.total ?? '–'} | ${after.initialJsGzipKb.total} |`,
);
console.log(`\nBefore: ${before.date}, ${JSON.stringify(before.machine)}, ${before.rounds} rounds.`);
console.log(`After: ${after.date}, ${JSON.stringify(after.machine)}, ${after.rounds} rounds.`);
