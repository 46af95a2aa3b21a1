import { describe, expect, it, vi } from 'vitest';
import svr5Default from '../scenarios/svr5-default.json';

/**
 * Each OS's kernel loads when first wanted (src/kernel/os.ts). The test setup loads every OS, so
 * these run on fresh modules, as a page that has loaded only its first view.
 */
const SVR5 = { ...svr5Default };

async function freshKernel() {
  vi.resetModules();
  return import('./core');
}

describe('loadOs', () => {
  it('has the default OS at once, another only once loaded', async () => {
    const k = await freshKernel();
    expect(k.isOsLoaded('windows')).toBe(true);
    expect(k.isOsLoaded('svr5')).toBe(false);
    expect(k.createWorld('windows').os).toBe('windows');
  });

  it('throws a clear error naming the OS and loadOs when a world of an unloaded OS is wanted', async () => {
    const k = await freshKernel();
    const says = /The SVR5 kernel has not loaded: await loadOs\('svr5'\)/;
    expect(() => k.createWorld('svr5')).toThrow(says);
    expect(() => k.kernelOf('svr5').createWorld()).toThrow(says);
    expect(() => k.kernelOf('svr5').owners({} as never)).toThrow(says);
  });

  it('serves the light part of every OS before loading: names, success status, the parser', async () => {
    const k = await freshKernel();
    expect(k.kernelOf('svr5').vocabulary.longName).toBe('SVR5 (DDI)');
    expect(k.isSuccess('0')).toBe(true);
    expect(k.isOs('svr5')).toBe(true);
    expect(k.isOs('linux')).toBe(false);
    expect(
      Object.keys(k.RULES).some((id) => id.startsWith('svr5.')),
      'its rules come with its kernel',
    ).toBe(false);
    const r = k.parseScenario({ ...SVR5, steps: [{ do: 'nope' }] });
    expect(r.ok ? '' : r.errors.map((e) => e.message).join('\n')).toContain('"nope"');
    expect(k.parseScenario(SVR5).ok).toBe(true);
    expect(k.isOsLoaded('svr5')).toBe(false);
    // An unknown OS is refused in the parser's own words, loaded or not.
    const bad = k.parseScenario({ ...SVR5, os: 'linux' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toContain('os');
  });

  it('checks the rules a scenario cites once its OS has loaded them', async () => {
    const k = await freshKernel();
    const citing = (rule: string) => k.parseScenario({ ...SVR5, rule });
    // Before: SVR5's rules have not come; the door parses again after loading (a typo is caught then).
    expect(citing('svr5.seed.cleanup').ok).toBe(true);
    const windowsTypo = k.parseScenario({ ...svr5Default, os: 'windows', steps: [], rule: 'seed.nope' });
    expect(windowsTypo.ok ? '' : windowsTypo.errors.map((e) => e.message).join()).toContain('unknown rule');
    await k.loadOs('svr5');
    expect(citing('svr5.seed.cleanup').ok).toBe(true);
    const typo = citing('svr5.seed.cleanupp');
    expect(typo.ok ? '' : typo.errors.map((e) => e.message).join()).toContain(
      'did you mean "svr5.seed.cleanup"',
    );
  });

  it('is idempotent: one load, the same personality for every call', async () => {
    const k = await freshKernel();
    const [a, b] = await Promise.all([k.loadOs('svr5'), k.loadOs('svr5')]);
    expect(a).toBe(b);
    expect(await k.loadOs('svr5')).toBe(a);
    expect(k.isOsLoaded('svr5')).toBe(true);
    expect(k.RULES['svr5.seed.cleanup'].os, 'its rules came with it').toBe('svr5');
    const world = k.createWorld('svr5');
    expect(world.os).toBe('svr5');
    expect(k.kernelOf('svr5').owners(world)).toEqual([]);
  });

  it('refuses an OS that does not exist, in words', async () => {
    const k = await freshKernel();
    await expect(k.loadOs('linux' as never)).rejects.toThrow(/no OS "linux" \(there are windows, svr5\)/);
  });

  it('loads the OS a scenario names (object or JSON text), and nothing for anything else', async () => {
    const k = await freshKernel();
    expect(k.osOfScenario('{"os":"svr5"}')).toBe('svr5');
    expect(k.osOfScenario({ os: 'windows' })).toBe('windows');
    expect(k.osOfScenario('not json')).toBeUndefined();
    expect(k.osOfScenario({ os: 'linux' })).toBeUndefined();
    await k.loadOsOf('{"os":"svr5"}');
    expect(k.isOsLoaded('svr5')).toBe(true);
  });
});

describe('the door with an OS not loaded', () => {
  it('loads its kernel, then runs the command; loadFor first runs it at once', async () => {
    vi.resetModules();
    const { createVisualizer } = await import('../store');
    const { isOsLoaded } = await import('./core');
    const v = createVisualizer();
    const first = v.run('switchOs', { os: 'svr5' });
    expect(first).toEqual({
      ok: false,
      error: 'switchOs: the SVR5 kernel is loading; it runs once it has loaded',
    });
    expect(v.getState().os).toBe('windows');
    await vi.waitFor(() => expect(v.getState().os).toBe('svr5'));
    expect(isOsLoaded('svr5')).toBe(true);

    vi.resetModules();
    const fresh = await import('../store');
    const w = fresh.createVisualizer();
    const scenario = SVR5;
    await fresh.loadFor({ scenario });
    expect(w.run('loadScenario', { scenario }).ok).toBe(true);
    expect(w.getState().os).toBe('svr5');
    expect(w.getState().entries.length).toBeGreaterThan(1);
  });
});
