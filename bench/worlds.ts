import { createWorld, step, type Action, type World } from '../src/kernel';

/**
 * Worlds of a given number of device objects, built through the kernel's own
 * steps (so they are real worlds, not hand-made data).
 */

function build(world: World, actions: Iterable<Action>): World {
  let w = world;
  for (const a of actions) {
    const r = step(w, a);
    if (r.events.some((e) => e.type === 'refused'))
      throw new Error(`setup step refused: ${JSON.stringify(a)}`);
    w = r.world;
  }
  return w;
}

/** Windows: PnP stacks of PDO + FDO + filter (3 devices each), one bus, plus legacy drivers for the rest. */
export function windowsWorld(devices: number): { world: World; stacks: number } {
  const stacks = Math.max(1, Math.floor(devices / 3));
  function* actions(): Generator<Action> {
    yield { do: 'loadDriver', driver: 'Bus', model: 'pnp' };
    yield { do: 'loadDriver', driver: 'Func', model: 'pnp' };
    yield { do: 'loadDriver', driver: 'Filt', model: 'pnp' };
    for (let i = 0; i < stacks; i++) {
      yield { do: 'createDevice', driver: 'Bus', device: `Pdo${i}`, role: 'pdo' };
      yield { do: 'createDevice', driver: 'Func', device: `Fdo${i}`, role: 'fdo', attachTo: `Pdo${i}` };
      yield { do: 'createDevice', driver: 'Filt', device: `Flt${i}`, role: 'filter', attachTo: `Pdo${i}` };
    }
    for (let i = stacks * 3; i < devices; i++) {
      yield { do: 'loadDriver', driver: `Legacy${i}`, model: 'legacy', controlDevice: `Cdo${i}` };
    }
  }
  return { world: build(createWorld('windows'), actions()), stacks };
}

/** SVR5: modules of 4 device instances each. */
export function svr5World(devices: number): { world: World; modules: number } {
  const modules = Math.max(1, Math.floor(devices / 4));
  function* actions(): Generator<Action> {
    for (let i = 0; i < modules; i++) {
      yield {
        do: 'registerModule',
        module: `m${i}`,
        ddi: '8',
        devices: [0, 1, 2, 3].map((j) => `m${i}d${j}`),
      };
    }
  }
  return { world: build(createWorld('svr5'), actions()), modules };
}

/** A small deterministic generator (no Math.random in benchmarks either: runs are repeatable). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
