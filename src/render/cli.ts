/**
 * Draws a scenario's or a lesson's graph as an image, in Node, without a
 * browser: the same layout, texts and colours as the app's "Export SVG".
 *
 *   npm run render -- leaked-handle --step 3 --theme dark -o leaked-3.svg
 *   npm run render -- windows-default -o windows.png        (PNG through resvg)
 *   npm run render -- my-scenario.json --step 2 > step2.svg  (SVG to standard output)
 *   npm run render -- --lessons dist/images                  (every lesson's every step, light and dark)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LESSON_IDS } from '../scenarios/lessons/ids';
import { palettesFrom, type Palette } from './palette';
import { toPng } from './png';
import { openForRender } from './session';
import { slideOf } from './slide';

const USAGE = `usage: npm run render -- <scenario id | lesson id | scenario file> [--step N] [--theme light|dark] [-o out.svg|out.png]
       npm run render -- --lessons <folder>    every built-in lesson's steps as <folder>/<lesson>/step-<N>.svg (and step-<N>-dark.svg)`;

class UsageError extends Error {}

interface Args {
  readonly what?: string;
  readonly step?: number;
  readonly theme: 'light' | 'dark';
  readonly out?: string;
  readonly lessons?: string;
}

function parseArgs(argv: readonly string[]): Args {
  let what: string | undefined;
  let step: number | undefined;
  let theme: 'light' | 'dark' = 'light';
  let out: string | undefined;
  let lessons: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--step') {
      const v = value();
      if (!/^-?\d+$/.test(v)) throw new UsageError(`--step ${v}: expected a whole number, like --step 3`);
      step = Number(v);
    } else if (a === '--theme') {
      const v = value();
      if (v !== 'light' && v !== 'dark') throw new UsageError(`--theme ${v}: expected light or dark`);
      theme = v;
    } else if (a === '-o' || a === '--out') out = value();
    else if (a === '--lessons') lessons = value();
    else if (a === '-h' || a === '--help') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (what === undefined) what = a;
    else throw new UsageError(`one scenario at a time: "${what}", then "${a}"`);
  }
  if (what === undefined && lessons === undefined)
    throw new UsageError('name a scenario, a lesson or a file');
  if (out !== undefined && !/\.(svg|png)$/i.test(out))
    throw new UsageError(`-o ${out}: the file's name ends in .svg or .png`);
  return { what, step, theme, out, lessons, ...(step === undefined ? {} : { step }) };
}

async function palettes(): Promise<{ light: Palette; dark: Palette }> {
  const css = await readFile(fileURLToPath(new URL('../app/index.css', import.meta.url)), 'utf8');
  const flowCss = await readFile(
    createRequire(import.meta.url).resolve('@xyflow/react/dist/style.css'),
    'utf8',
  );
  return palettesFrom(css, flowCss);
}

/** Every lesson's every step, light and dark, at stable paths a page can `<img src>`. */
async function renderLessons(folder: string, colours: { light: Palette; dark: Palette }) {
  let files = 0;
  const index: Record<string, { title: string; steps: number }> = {};
  for (const id of LESSON_IDS) {
    const { visualizer } = await openForRender(id, 0);
    const s = visualizer.getState();
    index[id] = { title: s.title, steps: s.entries.length };
    await mkdir(join(folder, id), { recursive: true });
    for (let n = 0; n <= s.entries.length; n++) {
      visualizer.run('goTo', { step: n }, 'scenario');
      const at = visualizer.getState();
      await writeFile(join(folder, id, `step-${n}.svg`), slideOf(at, colours.light));
      await writeFile(join(folder, id, `step-${n}-dark.svg`), slideOf(at, colours.dark));
      files += 2;
    }
  }
  await writeFile(join(folder, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return files;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const colours = await palettes();
  if (args.lessons !== undefined) {
    const t0 = performance.now();
    const files = await renderLessons(args.lessons, colours);
    console.error(
      `${files} images of ${LESSON_IDS.length} lessons in ${args.lessons} (${Math.round(performance.now() - t0)} ms)`,
    );
    if (args.what === undefined) return;
  }
  const { visualizer, notes } = await openForRender(args.what!, args.step);
  for (const n of notes) console.error(`note: ${n}`);
  const svg = slideOf(visualizer.getState(), colours[args.theme]);
  if (args.out === undefined) {
    process.stdout.write(svg);
    return;
  }
  await mkdir(dirname(args.out), { recursive: true });
  await writeFile(args.out, /\.png$/i.test(args.out) ? await toPng(svg) : svg);
  console.error(`wrote ${args.out}`);
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    if (e.message) console.error(`render: ${e.message}`);
    console.error(USAGE);
    process.exit(2);
  }
  console.error(`render: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
