import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/** scripts/layers.mjs (run by `npm run lint`), on small trees of its own: what it says, and whether it fails. */
interface Judged {
  readonly breaks: readonly string[];
  readonly known: readonly string[];
  readonly stale: readonly string[];
}
interface LayersScript {
  count(root: string): { upward: unknown[]; circles: string[][]; unplaced: string[] };
  judge(found: ReturnType<LayersScript['count']>, known?: { upward: string[]; circles: unknown[] }): Judged;
}
// A computed address: the script is plain JavaScript, loaded as the lint loads it.
const script = (await import(pathToFileURL(resolve('scripts/layers.mjs')).href)) as LayersScript;

let roots: string[] = [];
afterEach(() => {
  roots.forEach((r) => rmSync(r, { recursive: true, force: true }));
  roots = [];
});

/** The lines the script prints for a tree (breaks, known, stale) and whether it fails (code 1). */
function layersOf(files: Record<string, string>, withKnown = false): { out: string; code: number } {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  const found = script.count(join(root, 'src'));
  const j = withKnown ? script.judge(found) : script.judge(found, { upward: [], circles: [] });
  const out = [
    ...j.breaks,
    ...j.known,
    ...j.stale,
    `${found.upward.length} imports run up the layers; ${found.circles.length} circles of files; ${j.breaks.length + j.stale.length} to mend`,
  ].join('\n');
  return { out, code: j.breaks.length + j.stale.length > 0 ? 1 : 0 };
}

describe('when every import runs down the layers', () => {
  it('passes, whatever a test imports', () => {
    const r = layersOf({
      'kernel/world.ts': 'export const w = 1;\n',
      'store/state.ts': "import { w } from '../kernel/world';\nexport const s = w;\n",
      'lessons/state.ts': "import type { s } from '../store/state';\nexport type L = typeof s;\n",
      'app/main.tsx': "import type { L } from '../lessons/state';\nexport type M = L;\n",
      'store/store.test.ts': "import '../app/main';\n",
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 imports run up the layers; 0 circles of files; 0 to mend');
  });
});

describe('when the store core imports a feature', () => {
  it('fails and names the file, its line and both layers', () => {
    const r = layersOf({
      'lessons/state.ts': 'export type ClassroomUi = { presenter: boolean };\n',
      'store/state.ts':
        "export const x = 1;\nimport type { ClassroomUi } from '../lessons/state';\nexport type S = ClassroomUi;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('up      src/store/state.ts:2 (core) imports src/lessons/state.ts (features)');
  });

  it('counts a lazy import() and a view importing the page above it', () => {
    const r = layersOf({
      'app/useModal.ts': 'export const useModal = 1;\n',
      'graph/Graph.tsx': "export const g = () => import('../app/useModal');\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('src/graph/Graph.tsx:1 (views) imports src/app/useModal.ts (pages)');
  });
});

describe('when files import each other in a circle', () => {
  it('fails and lists the circle, even inside one folder', () => {
    const r = layersOf({
      'share/source.ts': "export const load = () => import('./link');\n",
      'share/link.ts': "import { unpack } from './unpack';\nexport const link = unpack;\n",
      'share/unpack.ts': "import './source';\nexport const unpack = 1;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('circle  3 files: src/share/link.ts, src/share/source.ts, src/share/unpack.ts');
  });
});

describe('when a file sits in no layer', () => {
  it('fails and says where to place it', () => {
    const r = layersOf({ 'newfolder/thing.ts': 'export const t = 1;\n' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('no layer src/newfolder/thing.ts');
  });
});

describe('when a helper only tests import reaches test support', () => {
  it('places the helper with the test support, on top', () => {
    const r = layersOf({
      'kernel/testing.ts': 'export const t = 1;\n',
      'kernel/windows/cases.helpers.ts': "import { t } from '../testing';\nexport const h = t;\n",
      'kernel/windows/cases.test.ts': "import { h } from './cases.helpers';\nvoid h;\n",
    });
    expect(r.code).toBe(0);
  });
});

describe('when a circle is known and owned elsewhere (KNOWN in the script)', () => {
  // The circles KNOWN lists: one within each OS's step.
  const kernelCircles = {
    'kernel/windows/pnp.ts': "import { io } from './io';\nexport const pnp = () => io;\n",
    'kernel/windows/io.ts': "import { pnp } from './pnp';\nexport const io = () => pnp;\n",
    'kernel/svr5/lifecycle.ts': "import { daemon } from './daemon';\nexport const life = () => daemon;\n",
    'kernel/svr5/daemon.ts': "import { life } from './lifecycle';\nexport const daemon = () => life;\n",
  };

  it('lists it as known and passes', () => {
    const r = layersOf(kernelCircles, true);
    expect(r.code).toBe(0);
    expect(r.out).toContain('known   circle of 2 files through src/kernel/windows/pnp.ts');
    expect(r.out).toContain('known   circle of 2 files through src/kernel/svr5/lifecycle.ts');
  });

  it('fails once it is gone, until the entry is taken out', () => {
    const windowsOnly = Object.entries(kernelCircles).filter(([file]) => file.startsWith('kernel/windows/'));
    const r = layersOf(Object.fromEntries(windowsOnly), true);
    expect(r.code).toBe(1);
    expect(r.out).toContain('KNOWN lists kernel/svr5/lifecycle.ts, which no longer occurs');
  });
});
