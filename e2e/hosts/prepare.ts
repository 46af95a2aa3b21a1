import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { snippets } from './snippets';

/**
 * The library as hosts meet it (issue 18): `npm run build:lib`, `npm pack`,
 * then fresh host apps outside this repository (nothing of ours to resolve
 * against) that install the tarball from the npm registry/cache as a docs
 * author would — Vite + React 19 and Vite + React 18, each built with
 * `vite build` and checked with `tsc --noEmit` (skipLibCheck: false) — and
 * the tarball unpacked, whose element script a plain page of another origin
 * loads. Installs are kept between runs, keyed by the tarball's and the
 * fixtures' contents: a second run with nothing changed installs nothing.
 */

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./', import.meta.url));
// One folder per checkout: two checkouts testing at once never share a pack or an install.
const work = join(
  tmpdir(),
  `unload-lens-hosts-${createHash('sha256').update(repo).digest('hex').slice(0, 8)}`,
);

interface ReactHost {
  readonly react: string;
  /** The built host app (`vite build`), to serve. */
  readonly dist: string;
  /** `vite build`'s output: a chunk-size warning would be in it. */
  readonly buildLog: string;
  /** `tsc --noEmit` with skipLibCheck false: exit code and what it said. */
  readonly tsc: { readonly code: number; readonly output: string };
  /** gzip bytes of JavaScript: the whole host, and the same host without the package. */
  readonly js: { readonly total: number; readonly first: number; readonly baseline: number };
}

export interface Hosts {
  /** The unpacked package (what `npm install unload-lens-*.tgz` puts in node_modules/unload-lens). */
  readonly lib: string;
  readonly tarball: { readonly path: string; readonly bytes: number; readonly files: number };
  /** gzip bytes of JavaScript of `unload-lens-element.js`: before it runs, and with all it may load. */
  readonly element: { readonly first: number; readonly total: number };
  readonly react: readonly ReactHost[];
  /** The plain pages (elements.html, hostile.html) with `__LENS__` for the element script's origin. */
  readonly plain: string;
}

/** React lines the fixtures install: the project's own (19) and the oldest the peer range allows (18.3). */
const REACTS = [
  { name: 'react19', react: '^19.3.1', types: '^19.3.0', typesDom: '^19.3.0' },
  { name: 'react18', react: '^18.3.1', types: '^18.3.0', typesDom: '^18.3.0' },
];

const own = (p: string) =>
  JSON.parse(readFileSync(join(repo, 'node_modules', p, 'package.json'), 'utf8')) as { version: string };

async function sh(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  try {
    const r = await run(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, output: `${r.stdout}${r.stderr}` };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof err.code === 'number' ? err.code : 1,
      output: `${err.stdout ?? ''}${err.stderr ?? ''}${err.message}`,
    };
  }
}

async function must(cmd: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const r = await sh(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.output.slice(-4000)}`);
  return r.output;
}

/**
 * gzip bytes of JavaScript in `dir`: every file (`total`), and those the
 * entries load before anything runs — the entries and their static imports,
 * not what they `import()` later (`first`).
 */
function jsSizes(dir: string, entries: readonly string[]) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  const first = new Set<string>();
  const walk = (f: string) => {
    if (first.has(f)) return;
    first.add(f);
    const code = readFileSync(join(dir, f), 'utf8');
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([\w.-]+\.js)["']/g,
    ))
      if (m[1]) walk(m[1]);
  };
  entries.forEach(walk);
  return { total: files.reduce((n, f) => n + gz(f), 0), first: [...first].reduce((n, f) => n + gz(f), 0) };
}

/** The element script's, in the package: before it runs, and with every chunk it may `import()` later for a Windows scenario. */
function elementSizes(pkg: string) {
  const entry = 'unload-lens-element.js';
  const reached = new Set<string>();
  const visit = (f: string) => {
    // Not another OS's kernel (`<os>Kernel-….js`): it loads only when a world of that OS is wanted.
    if (reached.has(f) || /(?:^|[-/])[a-z0-9]+Kernel-[\w-]+\.js$/.test(f)) return;
    reached.add(f);
    for (const m of readFileSync(join(pkg, f), 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g))
      if (m[1]) visit(m[1]);
  };
  visit(entry);
  const gz = (f: string) => gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length;
  return { first: jsSizes(pkg, [entry]).first, total: [...reached].reduce((n, f) => n + gz(f), 0) };
}

/** The same for a built page: its entry scripts are the `assets/*.js` its HTML names. */
function pageSizes(dist: string, page: string) {
  const html = readFileSync(join(dist, page), 'utf8');
  return jsSizes(
    join(dist, 'assets'),
    [...html.matchAll(/\/assets\/([\w.-]+\.js)/g)].map((m) => m[1] ?? ''),
  );
}

async function reactHost(line: (typeof REACTS)[number], tarball: string, key: string): Promise<ReactHost> {
  const dir = join(work, `${line.name}-${key}`);
  const pkg = {
    name: `host-${line.name}`,
    private: true,
    type: 'module',
    dependencies: { 'unload-lens': `file:${tarball}`, react: line.react, 'react-dom': line.react },
    devDependencies: {
      '@types/react': line.types,
      '@types/react-dom': line.typesDom,
      '@vitejs/plugin-react': own('@vitejs/plugin-react').version,
      typescript: own('typescript').version,
      vite: own('vite').version,
    },
  };
  // Installed once per package (the key is the tarball's hash); the app's files are copied afresh each run.
  const installed = join(dir, 'node_modules', '.installed');
  if (!existsSync(installed)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    await must('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
    writeFileSync(installed, '');
  }
  for (const name of ['dist', 'dist-baseline', 'src'])
    rmSync(join(dir, name), { recursive: true, force: true });
  cpSync(join(fixtures, 'react'), dir, { recursive: true });
  // The docs' React snippets, as written: compiled by the build and tsc, drawn by snippets.html.
  mkdirSync(join(dir, 'src', 'snippets'));
  for (const s of snippets().filter((s) => s.lang === 'tsx'))
    writeFileSync(join(dir, 'src', 'snippets', `${s.name}.tsx`), s.code);
  const bin = (name: string) => join(dir, 'node_modules', '.bin', name);
  const buildLog = await must(bin('vite'), ['build'], dir);
  await must(bin('vite'), ['build'], dir, { BASELINE: '1' });
  const tsc = await sh(bin('tsc'), ['-p', '.'], dir);
  return {
    react: (
      JSON.parse(readFileSync(join(dir, 'node_modules/react/package.json'), 'utf8')) as { version: string }
    ).version,
    dist: join(dir, 'dist'),
    buildLog,
    tsc,
    js: {
      ...pageSizes(join(dir, 'dist'), 'index.html'),
      baseline: pageSizes(join(dir, 'dist-baseline'), 'baseline.html').total,
    },
  };
}

/** Builds the package, packs it, and makes (or reuses) every host. Takes minutes the first time. */
export async function prepareHosts(): Promise<Hosts> {
  mkdirSync(work, { recursive: true });
  await must('node', ['scripts/build-lib.mjs'], repo);
  const packed = join(work, 'pack');
  rmSync(packed, { recursive: true, force: true });
  mkdirSync(packed);
  const out = await must(
    'npm',
    ['pack', join(repo, 'dist-lib'), '--pack-destination', packed, '--json', '--loglevel=error'],
    repo,
  );
  const info = (
    JSON.parse(out.slice(out.indexOf('['))) as { filename: string; size: number; entryCount: number }[]
  )[0]!;
  const tarball = join(packed, info.filename);
  const lib = join(packed, 'unpacked');
  mkdirSync(lib);
  await must('tar', ['-xzf', tarball, '-C', lib], repo);
  const key = createHash('sha256')
    .update(readFileSync(tarball))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  // Hosts of earlier packages are of no further use.
  for (const name of readdirSync(work))
    if (/^react\d+-/.test(name) && !name.endsWith(key))
      rmSync(join(work, name), { recursive: true, force: true });
  // The hosts install a copy named by its contents: `file:` dependencies are read at install time.
  const kept = join(work, `unload-lens-${key}.tgz`);
  cpSync(tarball, kept);
  for (const name of readdirSync(work))
    if (/^unload-lens-.*\.tgz$/.test(name) && join(work, name) !== kept) rmSync(join(work, name));
  const react = await Promise.all(REACTS.map((line) => reactHost(line, kept, key)));
  return {
    lib: join(lib, 'package'),
    tarball: { path: relative(repo, tarball), bytes: info.size, files: info.entryCount },
    element: elementSizes(join(lib, 'package')),
    react,
    plain: join(fixtures, 'plain'),
  };
}
