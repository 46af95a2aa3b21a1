import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

/**
 * The embed's initial JavaScript — the entry script of dist/embed.html and
 * every module it preloads (what the browser must fetch before the first
 * view) — stays at most 160 KB gzip. React Flow, the action forms, the
 * event log, the link writer, the control API, the lessons' files and the
 * debugger reader load after it (EmbedView.tsx, embed/main.tsx,
 * src/actions/onDemand.ts). Run after `npm run build`.
 */
const LIMIT = 160 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

function initialScripts(page: string): string[] {
  const html = readFileSync(`${dist}${page}`, 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  return [...entry, ...preloads];
}

test('the embed’s initial JavaScript is at most 160 KB gzip', () => {
  const files = initialScripts('embed.html');
  expect(files.length).toBeGreaterThan(0);
  const sizes = files.map((f) => ({ f, gzip: gzipSync(readFileSync(`${dist}${f}`)).length }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  const report = sizes.map((s) => `  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.f}`).join('\n');
  console.log(`embed initial JS: ${(total / 1024).toFixed(1)} KB gzip\n${report}`);
  expect(total, `embed initial JS is ${(total / 1024).toFixed(1)} KB gzip:\n${report}`).toBeLessThanOrEqual(
    LIMIT,
  );
  // The graph library is not part of it.
  for (const { f } of sizes)
    expect(readFileSync(`${dist}${f}`, 'utf8')).not.toContain('react-flow__renderer');
});
