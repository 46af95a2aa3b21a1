import type { Os } from './osTypes';
import type { KernelPersonality, OsLight } from './personality';
import { addRules } from './rules';
import { build } from './rules/rule';
import { svr5Light } from './svr5/light';
import { windowsLight } from './windows/light';
import { windowsKernel } from './windows/personality';

/**
 * The operating systems the kernel simulates, each a personality in its own
 * folder. Adding one: its folder, a line in `OsTypes` (osTypes.ts) and one in
 * `LIGHT` and `LOADERS` here; the compiler then names everything still
 * missing (in the app too, whose table is keyed the same way).
 */
export type { ActionOf, OptionsOf, Os, OsTypes, WorldOf } from './osTypes';

/** What every page knows of each OS: names, success status, scenario format. */
const LIGHT: { readonly [O in Os]: OsLight<O> } = {
  windows: windowsLight,
  svr5: svr5Light,
};

/**
 * Each OS's kernel (its world and step), as a page loads it. The default OS's
 * comes with the page, since its first view draws a world of it; another's is
 * a chunk of its own, loaded the first time one of its worlds is wanted.
 */
const LOADERS: { readonly [O in Os]: () => Promise<KernelPersonality<O>> } = {
  windows: () => Promise.resolve(windowsKernel),
  svr5: async () => {
    const { svr5Kernel, svr5Rules } = await import('./svr5/svr5Kernel');
    addRules(build('svr5', svr5Rules));
    return svr5Kernel;
  },
};

/**
 * The kernels loaded so far: a cache of resolved imports, as the module
 * registry itself is (each OS's entry is written once, with what its import
 * resolved to, and never changes), not state of any visualizer: whichever
 * asked first, every visualizer on the page then has the same kernel.
 */
const loaded = new Map<Os, KernelPersonality<Os>>([['windows', windowsKernel]]);
const loading = new Map<Os, Promise<KernelPersonality<Os>>>();

/** Every OS, in the order the app offers them. */
export const OSES = Object.keys(LIGHT) as Os[];

/** The OS a visualizer opens on when nothing says which: the first offered. */
export const DEFAULT_OS: Os = 'windows';

export function isOs(value: unknown): value is Os {
  return typeof value === 'string' && Object.hasOwn(LIGHT, value);
}

/**
 * Loads an OS's kernel (once: later calls share the first) and answers its
 * personality. Whoever is about to make a world of an OS (the door's
 * `switchOs`, `loadScenario`, `openLesson`) awaits this first.
 */
export function loadOs<O extends Os>(os: O): Promise<KernelPersonality<O>> {
  if (!isOs(os))
    return Promise.reject(
      new TypeError(`loadOs: no OS ${JSON.stringify(os)} (there are ${OSES.join(', ')})`),
    );
  const done = loaded.get(os);
  if (done) return Promise.resolve(done as KernelPersonality<O>);
  let p = loading.get(os);
  if (!p) {
    p = LOADERS[os]().then((k) => {
      loaded.set(os, k);
      return k;
    });
    // A failed load (the network) may be tried again.
    p.catch(() => loading.delete(os));
    loading.set(os, p);
  }
  return p as Promise<KernelPersonality<O>>;
}

/** Loads every OS's kernel: the CLI, image rendering, the tests. */
export async function loadEveryOs(): Promise<void> {
  await Promise.all(OSES.map((os) => loadOs(os)));
}

/** Whether an OS's kernel has loaded (its worlds can be made and stepped now). */
export function isOsLoaded(os: Os): boolean {
  return loaded.has(os);
}

/**
 * The OS a scenario (an object or its JSON text) names, when it names a known
 * one; for loading its kernel before the scenario is loaded. Anything else is
 * for the parser to refuse, in its own words.
 */
export function osOfScenario(scenario: unknown): Os | undefined {
  let doc = scenario;
  if (typeof scenario === 'string') {
    try {
      doc = JSON.parse(scenario);
    } catch {
      return undefined;
    }
  }
  const os = typeof doc === 'object' && doc !== null ? (doc as { os?: unknown }).os : undefined;
  return isOs(os) ? os : undefined;
}

/** Loads the kernel of the OS a scenario names, if it names one (see `osOfScenario`). */
export async function loadOsOf(scenario: unknown): Promise<void> {
  const os = osOfScenario(scenario);
  if (os) await loadOs(os);
}

function heavy(os: Os): KernelPersonality<Os> {
  const k = loaded.get(os);
  if (k) return k;
  throw new Error(
    `The ${LIGHT[os].vocabulary.name} kernel has not loaded: await loadOs('${os}') (src/kernel/os.ts) before making or reading a world of it.`,
  );
}

/** An OS's personality: its light part at once, its world and step from its kernel once loaded. */
function personality<O extends Os>(light: OsLight<O>): KernelPersonality<O> {
  const k = () => heavy(light.os) as KernelPersonality<O>;
  return {
    ...light,
    createWorld: (options) => k().createWorld(options),
    step: (world, action) => k().step(world, action),
    explain: (world, owner) => k().explain(world, owner),
    owners: (world) => k().owners(world),
    ownerOf: (world, ref) => k().ownerOf(world, ref),
    namesOf: (world, kind) => k().namesOf(world, kind),
  };
}

/**
 * Every OS's personality. Its light part (names, scenario format) serves at
 * once; its world and step throw a clear error until `loadOs` has loaded it.
 */
export const PERSONALITIES: { readonly [O in Os]: KernelPersonality<O> } = {
  windows: personality(LIGHT.windows),
  svr5: personality(LIGHT.svr5),
};

/** The personality of one OS, with its own types. */
export function kernelOf<O extends Os>(os: O): KernelPersonality<O> {
  return PERSONALITIES[os];
}

/**
 * The personality of a world, for code that serves every OS: it takes any
 * world and action of that OS. (An action of another OS is refused by `step`.)
 */
export function kernelFor(world: { readonly os: Os }): KernelPersonality<Os> {
  return PERSONALITIES[world.os];
}

/** Whether a step went through: its OS's success status (`STATUS_SUCCESS`, `0`); the statuses of different OSes never collide. */
export function isSuccess(status: string): boolean {
  return OSES.some((os) => LIGHT[os].successStatus === status);
}
