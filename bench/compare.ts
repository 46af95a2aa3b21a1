/**
 * tsx bench/compare.ts before.json after.json — two app benchmark reports
 * side by side, every figure before → after, as Markdown for docs/benchmarks.md.
 * Given one report measured with BENCH_BEFORE, its own 'before' target is the before.
 */
import { readFileSync } from 'node:fs';
import { rowsOf, type Burst, type Report, type Row } from './report';

const paths = process.argv.slice(2);
if (paths.length < 1) throw new Error('usage: tsx bench/compare.ts [before.json] after.json');
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Report;
const after = read(paths[paths.length - 1] as string);
const before = paths.length > 1 ? read(paths[0] as string) : after;
const rows = (r: Report, t: 'app' | 'before') => new Map(rowsOf(r, t).map((x) => [x.objects, x]));
const b = rows(before, paths.length > 1 ? 'app' : 'before');
const a = rows(after, 'app');

const figures: [string, (x: Row) => string][] = [
  ['pan, main-thread ms/frame, app ÷ bare', (x) => `${x.pan.ratio}× (${x.pan.app} / ${x.pan.bare})`],
  ["click → painted, 'Open a handle', median / p95 ms", (x) => `${x.click.app.median} / ${x.click.app.p95}`],
  ['same in bare React Flow (one node changes)', (x) => `${x.click.bare.median} / ${x.click.bare.p95}`],
  ["'Create device' → painted, median / p95 ms", (x) => `${x.create.app.median} / ${x.create.app.p95}`],
  ['same in bare React Flow (one node added)', (x) => `${x.create.bare.median} / ${x.create.bare.p95}`],
  ['layout of the whole history, ms (Node)', (x) => `${x.layout.whole}`],
  ['layout after one more device, ms (Node)', (x) => `${x.layout.extend}`],
  ['load → graph painted, app / bare ms', (x) => `${x.load.app} / ${x.load.bare}`],
  ['elements in the graph, app / bare', (x) => `${x.elements.app} / ${x.elements.bare}`],
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
