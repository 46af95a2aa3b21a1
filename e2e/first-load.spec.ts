import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

/**
 * The first load's JavaScript — the entry script of a page and every module
 * it preloads (what the browser must fetch before the first view) — stays
 * within its limit: the app's 180 KB gzip, the embed's 120 KB. React Flow
 * is not part of either: both pages draw the graph still (GraphPreview.tsx)
 * while it loads. The action forms, the inspector's rows, the link writer,
 * the control API, the lessons' files and the debugger reader load after
 * it or when first wanted (VisualizerView.tsx, EmbedView.tsx,
 * src/app/lazyParts.tsx, src/actions/onDemand.ts). Run after `npm run build`.
 */
const PAGES = [
  // NOT YET: this round's kernel mechanisms (cleanup, eject, start, rebalance, drv_detach, child
  // devnodes…) took the app's first load past its target (190.2 KB at d0fd08a and ea14834, 190.0 since
  // the benchmark's generator left it); `cap` keeps it from growing further while the target waits for
  // each OS's kernel to load when first wanted (`npm run size` says where the bytes are).
  // The fourth round (KMDF, Driver Verifier, wait-wake, device usage, the REMOVE order, SVR5's
  // CFG_MODIFY/VERIFY, static and STREAMS modules, MDI) grew the kernel chunk from 58.8 to 68.5 KB and
  // the store from 16.4 to 18.7: 207.9 KB. The cap moves with it, and stops there: the way back is
  // each OS's kernel loaded when first wanted (issue 21's personalities, issue 22).
  // The link writer (share/makeLink.ts, with fflate's compressor) left the first view: it loads beside
  // it, for the address, the kept work and the Share menu: 202.5 KB (size-os).
  // A page opened on one lesson loads it alone (src/lessons/catalogue.ts): 202.8 KB.
  // This session's merges (issue 19's registrants, volumes, paging file, KMDF remove lock and destroy
  // callback; issue 17's held-back offers and stage shape; declared node sizes) took it to 210.7 KB.
  // SVR5's kernel and rules load when a world of SVR5 is first wanted (src/kernel/os.ts `loadOs`): 201.2 KB.
  // Issue 21's commands as data (each command's zod argument schema, <CommandButton>, share/export/image
  // as commands) and issue 22's overview: 206.9 KB (with a live-class button since taken out).
  { name: 'the app', page: 'index.html', kb: 180, cap: 207.9, notYet: true },
  // 160.0 KB at ea14834; 159.5 once the service worker's registration and the height reporter loaded
  // beside the first view (src/embed/main.tsx); 173.2 after the fourth round's kernel (above); 111.5 on
  // Preact (vite.config.ts, embedOnPreact: react-dom was 63 KB of it, Preact with compat is 8). Issue
  // 18's target for the interactive iframe's first view is 120 KB: met, and the cap from now on.
  { name: 'the embed', page: 'embed.html', kb: 120, cap: 120, notYet: false },
] as const;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function initialScripts(page: string): string[] {
  const html = readFileSync(`${dist}${page}`, 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\.?\/([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/([^"]+)"/g)].map((m) => m[1]!);
  return [...entry, ...preloads];
}

for (const { name, page, cap } of PAGES)
  test(`${name}’s initial JavaScript is at most ${cap} KB gzip, without React Flow`, () => {
    const files = initialScripts(page);
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((f) => ({ f, gzip: gzipSync(readFileSync(`${dist}${f}`)).length }));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    const report = sizes.map((s) => `  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.f}`).join('\n');
    console.log(`${page} initial JS: ${(total / 1024).toFixed(1)} KB gzip\n${report}`);
    expect(
      total,
      `${page} initial JS is ${(total / 1024).toFixed(1)} KB gzip:\n${report}`,
    ).toBeLessThanOrEqual(cap * 1024);
    // The graph library is not part of it.
    for (const { f } of sizes)
      expect(readFileSync(`${dist}${f}`, 'utf8')).not.toContain('react-flow__renderer');
  });

for (const { name, page, kb, notYet } of PAGES.filter((p) => p.kb < p.cap || p.notYet))
  test(`${name}’s initial JavaScript meets its ${kb} KB gzip target`, () => {
    test.fail(notYet, `over its ${kb} KB target (not yet)`);
    const total = initialScripts(page).reduce((n, f) => n + gzipSync(readFileSync(`${dist}${f}`)).length, 0);
    expect(total).toBeLessThanOrEqual(kb * 1024);
  });

/**
 * Another OS's kernel (`<os>Kernel-….js`, src/kernel/os.ts): it loads only when a world of that OS is
 * wanted, so a page's whole is that of its default OS (Windows); SVR5's is measured apart below.
 */
const OTHER_OS = /(?:^|[-/])[a-z0-9]+Kernel-[\w-]+\.js$/;

/**
 * Every script a page may load: its first load and all that any of them may `import()` later (each
 * chunk names the chunks it loads, as `./name-hash.js`), for the targets on the whole, but another
 * OS's kernel.
 */
function allScripts(page: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || OTHER_OS.test(f)) return;
    seen.add(f);
    // (`./sw.js`, the service worker's address, names a file of the site's root: not a chunk.)
    for (const m of readFileSync(`${dist}${f}`, 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g))
      if (existsSync(`${dist}assets/${m[1]!}`)) visit(`assets/${m[1]!}`);
  };
  initialScripts(page).forEach(visit);
  return [...seen];
}
const gzipKb = (files: readonly string[]) =>
  files.reduce((n, f) => n + gzipSync(readFileSync(`${dist}${f}`)).length, 0) / 1024;

// Issue 18's targets for the interactive iframe (embed.html): at most 120 KB gzip before its graph is
// interactive (the first load above, met on Preact; React Flow comes just after it), at most 180 KB with
// everything it may load (React Flow, the panels, the control API, the link writer, every lesson's file).
// NOT YET in all: 263.0 KB, then 285.9 with the fourth round's kernel mechanisms and lessons, 222.4 on
// Preact (of which the lesson catalogue's text is about 25 KB, React Flow with d3 about 55, the kernel
// with Immutable and zod about 75); `npm run size` says where the rest is. The cap keeps the whole from
// growing.
// 231.8 KB after this session's kernel mechanisms and lessons (issue 19) and presenter shaping (issue 17).
// 222.0 KB once SVR5's kernel and rules load only for a world of SVR5 (11.4 KB more then, apart).
// 230.4 KB with issue 17's question drawn in the frame (its panel loads when a host opens a lesson)
// and issue 21's argument schemas.
const IFRAME = { total: 180, totalCap: 231.4 };

test(`the interactive iframe loads at most ${IFRAME.totalCap} KB gzip JavaScript in all`, () => {
  const files = allScripts('embed.html');
  expect(files.length).toBeGreaterThan(initialScripts('embed.html').length);
  const kb = gzipKb(files);
  console.log(`embed.html, everything it may load: ${kb.toFixed(1)} KB gzip in ${files.length} files`);
  expect(kb).toBeLessThanOrEqual(IFRAME.totalCap);
});

test(`the interactive iframe's whole meets issue 18's ${IFRAME.total} KB gzip target`, () => {
  test.fail(true, `over its ${IFRAME.total} KB target (not yet)`);
  expect(gzipKb(allScripts('embed.html'))).toBeLessThanOrEqual(IFRAME.total);
});

for (const { name, path } of [
  { name: 'the app', path: '/' },
  { name: 'the embed', path: '/embed.html?scenario=windows-default&step=9' },
])
  test(`${name} draws the graph still while React Flow loads, then the live graph in its place`, async ({
    page,
  }) => {
    // React Flow's chunks held back, as a slow line would.
    let release = () => {};
    const held = new Promise<void>((go) => (release = go));
    await page.route(/\/assets\/(embed-)?(AppGraph|EmbedGraph|Graph)-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(path);
    const preview = page.getByTestId('graph-preview');
    await expect(preview).toBeVisible();
    // The same world as the live graph will draw: the drivers, the stack, Beep's handle.
    for (const name of ['BusEnum', 'Toaster', 'ToastFilter', 'Beep', 'ToasterPdo', 'h1'])
      await expect(preview.locator('text', { hasText: name }).first()).toBeAttached();
    await expect(preview.getByText('device stack of ToasterPdo')).toBeAttached();
    await expect(
      page.getByRole('status').filter({ hasText: 'Loading the interactive graph' }),
    ).toBeAttached();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    release();
    await expect(page.locator('.react-flow__node[data-id="device:Beep"]')).toBeVisible();
    await expect(preview).toHaveCount(0);
  });
