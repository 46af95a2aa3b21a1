// Layers that run one way (issue #21): lists the imports under src/ that run back up the layers and the
// circles of files, counted from the imports themselves (TypeScript's own pre-processor: static, type-only,
// re-export and dynamic `import()` alike).
//
//   node scripts/layers.mjs            the counts, and every import or circle that breaks the layers; exits 1
//                                      when one is not in KNOWN below (run by `npm run lint`)
//   node scripts/layers.mjs --all      also lists the imports between folders, layer by layer
//   node scripts/layers.mjs --json     the same as data
//   node scripts/layers.mjs --no-known without the KNOWN list below
//
// The layers, bottom to top. A file may import its own folder, its own layer (never in a circle) and any
// layer below it; never one above. Test files are not counted; test support (testing.ts, src/test, src/fuzz,
// kernel/properties) composes everything, so it sits on top with the pages.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = 'src';

/** Bottom to top; the first rule that matches a file's path (relative to src/) places it. */
export const LAYERS = [
  { name: 'kernel', what: 'the pure OS simulation', match: [/^kernel\//] },
  {
    name: 'ui',
    what: 'leaf UI pieces every view uses: boundary, dialog, modal, keys, loaded-later',
    match: [/^ui\//],
  },
  {
    name: 'personalities',
    what: "what the app knows of each OS, as data: its actions' words and fields, its graph's structure (not its views)",
    match: [/^personalities\/(?!.*\.tsx$)(?!(.*\/)?(inspectors?|inspector[A-Z]\w*|legend|nodeTypes)\.ts$)/],
  },
  {
    name: 'core',
    what: 'the visualizer core: store factory, history, the door and the command registry, built-in scenarios',
    // Not the files that compose the features into a visualizer: they are the layer above the features.
    match: [
      /^store\/(?!(create|index|react)\.tsx?$)/,
      /^actions\/(?!(commands|registry|keys|offers)\.ts$)/,
      /^scenarios\//,
    ],
  },
  {
    name: 'features',
    what: 'what a feature knows and does (its state, slice, commands): lessons, animation, share, debugger',
    // A feature's React files (and its use* hooks) are its views, one layer up; so are the files that drive
    // a whole composed visualizer (the presenter console's link, opening a shared link into a new one).
    match: [
      /^(?!lessons\/consoleLink\.ts$|share\/open\.ts$)(lessons|animation|share|debugger)\/(?!.*\.tsx$)(?!(.*\/)?use[A-Z])/,
    ],
  },
  {
    name: 'composed',
    what: "the visualizer, composed: the features' slices and commands with the core's (createVisualizer, the command registry), as zustand's slices are",
    match: [/^store\//, /^actions\//],
  },
  {
    name: 'views',
    what: "the graph, the panels, the app-side OS personalities, and the features' own views",
    match: [/^graph\//, /^panels\//, /^personalities\//, /^(lessons|animation|share|debugger)\//],
  },
  {
    name: 'pages',
    what: 'app, embed, lib (component and element), the host SDK, image rendering, the CLI, test support',
    match: [/^app\//, /^embed\//, /^lib\//, /^sdk\//, /^render\//, /^cli\//],
  },
];

/**
 * Breaks of the layers that are known and owned elsewhere: listed, not failed. Each names who owns it.
 * An entry that no longer occurs is reported, so the list only shrinks.
 * `upward`: 'from -> to' (paths under src/); `circles`: a circle is known when it goes through `through`.
 */
export const KNOWN = {
  upward: [],
  circles: [
    // Within one OS's folder, owned by whoever works on that OS's rules: its step's phases call each other
    // (a PnP removal completes I/O, completing I/O resumes a removal). Hidden until 2026-12 inside the
    // registries' circle, which is gone (rules/rule.ts and osTypes.ts are leaves).
    {
      through: 'kernel/windows/pnp.ts',
      why: "Windows's step: pnp ↔ io ↔ removeIrp ↔ removeLock ↔ unload ↔ fileSystem call each other (kernel/windows, the Windows rules' owner)",
    },
    {
      through: 'kernel/svr5/lifecycle.ts',
      why: "SVR5's step: lifecycle ↔ daemon (an unload waits for the daemon, the daemon runs the unload; kernel/svr5, the SVR5 rules' owner)",
    },
  ],
};

/** Test support composes everything: wherever it lives, it sits on top with the pages. */
const TEST_SUPPORT = [/^test\//, /^fuzz\//, /^kernel\/properties\//, /(^|\/)testing\.tsx?$/];

const isTest = (rel) => /\.(test|spec|bench)\.tsx?$/.test(rel);

function layerOf(rel, support) {
  if (support.has(rel) || TEST_SUPPORT.some((re) => re.test(rel))) return LAYERS.length - 1;
  return LAYERS.findIndex((l) => l.match.some((re) => re.test(rel)));
}

/** Files that only tests (or other test support) import, such as a folder's `cases.helpers.ts`. */
function testSupport(edges, rel) {
  const importers = new Map();
  for (const [from, list] of edges)
    for (const { to } of list) importers.set(to, [...(importers.get(to) ?? []), from]);
  const support = new Set();
  for (let grew = true; grew;) {
    grew = false;
    for (const [f, by] of importers) {
      if (support.has(rel(f)) || isTest(rel(f))) continue;
      if (by.every((b) => isTest(rel(b)) || support.has(rel(b)))) {
        support.add(rel(f));
        grew = true;
      }
    }
  }
  return support;
}

function sourceFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.join(path.dirname(from), spec.replace(/\?.*$/, '')).replace(/\.js$/, '');
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (/\.tsx?$/.test(c) && fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Every file's imports of other source files, with the line they stand on. */
export function readImports(root = SRC) {
  const files = sourceFiles(root);
  const edges = new Map(files.map((f) => [f, []]));
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      const to = resolveImport(f, imp.fileName);
      if (to && edges.has(to) && to !== f) {
        const line = text.slice(0, imp.pos).split('\n').length;
        edges.get(f).push({ to, line });
      }
    }
  }
  return edges;
}

/** Tarjan's strongly connected components: each with more than one file is a circle. */
function circlesOf(edges) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    // Iterative, so a long chain cannot overflow the stack.
    const work = [[v, 0]];
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    while (work.length) {
      const top = work[work.length - 1];
      const [node, i] = top;
      const next = edges.get(node)[i];
      if (next) {
        top[1]++;
        const w = next.to;
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          on.add(w);
          work.push([w, 0]);
        } else if (on.has(w)) low.set(node, Math.min(low.get(node), idx.get(w)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === idx.get(node)) {
        const comp = [];
        let w;
        do {
          w = stack.pop();
          on.delete(w);
          comp.push(w);
        } while (w !== node);
        if (comp.length > 1) out.push(comp.sort());
      }
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
}

export function count(root = SRC) {
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const all = readImports(root);
  const support = testSupport(all, rel);
  // Tests are not counted: they may import anything, and nothing imports them.
  const edges = new Map([...all].filter(([f]) => !isTest(rel(f))));
  for (const [f, list] of edges)
    edges.set(
      f,
      list.filter(({ to }) => !isTest(rel(to))),
    );
  const unplaced = [];
  const upward = [];
  const between = new Map();
  for (const [from, list] of edges) {
    const a = layerOf(rel(from), support);
    if (a < 0) unplaced.push(rel(from));
    for (const { to, line } of list) {
      const b = layerOf(rel(to), support);
      const fa = rel(from).split('/')[0];
      const fb = rel(to).split('/')[0];
      if (fa !== fb) {
        const k = `${LAYERS[a]?.name}:${fa} -> ${LAYERS[b]?.name}:${fb}`;
        between.set(k, (between.get(k) ?? 0) + 1);
      }
      if (a >= 0 && b > a)
        upward.push({
          from: rel(from),
          line,
          to: rel(to),
          fromLayer: LAYERS[a].name,
          toLayer: LAYERS[b].name,
        });
    }
  }
  const circles = circlesOf(edges).map((c) => c.map(rel));
  return { upward, circles, unplaced, between: [...between].sort() };
}

/** Splits what `count` found into what is known (KNOWN) and what breaks the layers. */
export function judge({ upward, circles, unplaced }, known = KNOWN) {
  const knownUp = (u) => known.upward.includes(`${u.from} -> ${u.to}`);
  const knownCircle = (c) => known.circles.find((k) => c.includes(k.through));
  return {
    breaks: [
      ...upward
        .filter((u) => !knownUp(u))
        .map((u) => `up      src/${u.from}:${u.line} (${u.fromLayer}) imports src/${u.to} (${u.toLayer})`),
      ...circles
        .filter((c) => !knownCircle(c))
        .map((c) => `circle  ${c.length} files: ${c.map((f) => `src/${f}`).join(', ')}`),
      ...unplaced.map((f) => `no layer src/${f}: add its folder to LAYERS in scripts/layers.mjs`),
    ],
    known: [
      ...upward.filter(knownUp).map((u) => `known   src/${u.from} -> src/${u.to}`),
      ...circles
        .filter(knownCircle)
        .map(
          (c) =>
            `known   circle of ${c.length} files through src/${knownCircle(c).through}: ${knownCircle(c).why}`,
        ),
    ],
    stale: [
      ...known.upward.filter((k) => !upward.some((u) => `${u.from} -> ${u.to}` === k)),
      ...known.circles.filter((k) => !circles.some((c) => c.includes(k.through))).map((k) => k.through),
    ].map((k) => `KNOWN lists ${k}, which no longer occurs: take it out of scripts/layers.mjs`),
  };
}

const isMain = import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`;
if (isMain) {
  const found = count();
  // --no-known: judge without the KNOWN list (the script's own tests, on trees of their own).
  const { breaks, known, stale } = judge(
    found,
    process.argv.includes('--no-known') ? { upward: [], circles: [] } : KNOWN,
  );
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...found, between: undefined, breaks, known, stale }, null, 2));
  } else {
    if (process.argv.includes('--all')) for (const [k, n] of found.between) console.log(`${k}  ${n}`);
    console.log(`layers (bottom to top): ${LAYERS.map((l) => l.name).join(' -> ')}`);
    for (const line of [...breaks, ...known, ...stale]) console.log(line);
    console.log(
      `${found.upward.length} imports run up the layers; ${found.circles.length} circles of files; ${breaks.length + stale.length} to mend`,
    );
  }
  process.exitCode = breaks.length + stale.length > 0 ? 1 : 0;
}
