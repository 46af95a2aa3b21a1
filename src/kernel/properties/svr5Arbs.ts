import fc from 'fast-check';
import { DDI_VERSIONS, ERRNOS, type Svr5Action, type Svr5Options } from '../scenario/actions';
import { CHANNELS, MODULES, biased, rarely, usually } from './pools';

/** Random SVR5 action sequences, with a setup prefix of dependent modules and an old driver. */

// ── SVR5 ──────────────────────────────────────────────────────────────────

type S<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;

const moduleName = biased(MODULES);
/** Instances, the usual ones (`M0d0`, `M1d0`, …) first; `nodev` is never configured. */
const instance = biased([
  ...MODULES.map((m) => `${m}d0`),
  ...MODULES.map((m) => `${m}d1`),
  ...MODULES.map((m) => `${m}0`),
  'nodev',
]);
const channel = biased(CHANNELS);
const errno = fc.constantFrom(...ERRNOS);
/** `_load` / `_unload` results: mostly 0 (as a number or a string), sometimes an errno. */
const returns = (zeroWeight: number) =>
  fc.oneof(
    { weight: zeroWeight, arbitrary: fc.constantFrom(0 as const, '0' as const) },
    { weight: 1, arbitrary: errno },
  );
const seconds = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 30, 60, 120) },
);

const registerModuleArb: fc.Arbitrary<S<'registerModule'>> = moduleName.chain((module) =>
  fc.record(
    {
      do: fc.constant('registerModule' as const),
      module: fc.constant(module),
      ddi: fc.constantFrom(...DDI_VERSIONS),
      devices: fc.oneof(
        { weight: 3, arbitrary: fc.constant<string[]>([`${module}d0`]) },
        { weight: 3, arbitrary: fc.constant<string[]>([`${module}d0`, `${module}d1`]) },
        { weight: 1, arbitrary: fc.subarray([`${module}d0`, `${module}d1`]) },
        { weight: 1, arbitrary: fc.subarray([`${module}d0`, 'M0d0', `${module}d0`]) },
      ),
      unloadRoutine: usually,
      loadReturns: returns(5),
      unloadReturns: returns(2),
      dependsOn: fc.subarray([...MODULES], { maxLength: 2 }),
      hba: rarely,
      static: rarely,
      mdi: fc.boolean(),
      hot: fc.boolean(),
      unloadDelay: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 3600 })),
      copyoutInUnload: rarely,
      failsAfterDetach: fc.boolean(),
      addFails: fc.subarray([`${module}d0`, `${module}d1`], { maxLength: 1 }),
      verifyFails: fc.subarray([`${module}d0`, `${module}d1`], { maxLength: 1 }),
      drainSeconds: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }) },
      ),
      unloadSleeps: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }) },
      ),
    },
    { requiredKeys: ['do', 'module', 'ddi'] },
  ),
);

const svr5ActionArb: fc.Arbitrary<Svr5Action> = fc.oneof(
  { weight: 4, arbitrary: registerModuleArb },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('loadModule' as const), module: moduleName }) },
  { weight: 6, arbitrary: fc.record({ do: fc.constant('open' as const), device: instance, channel }) },
  { weight: 6, arbitrary: fc.record({ do: fc.constant('close' as const), channel }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('unloadModule' as const), module: moduleName }) },
  { weight: 5, arbitrary: fc.record({ do: fc.constant('advanceTime' as const), seconds }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('hotRemove' as const), device: instance }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('hotAdd' as const), device: instance }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('suspendInstance' as const), device: instance }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('resumeInstance' as const), device: instance }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('modifyInstance' as const), device: instance }) },
  { weight: 2, arbitrary: fc.constant({ do: 'unloadAll' as const }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('push' as const), channel, module: moduleName }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('pop' as const), channel }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('verifyInstance' as const), device: instance }) },
);

/** Actions that belong together (names shared); shutdown, which ends a run, is rare. */
const svr5ChunkArb: fc.Arbitrary<Svr5Action[]> = fc.oneof(
  { weight: 120, arbitrary: svr5ActionArb.map((a) => [a]) },
  {
    weight: 20,
    arbitrary: fc
      .tuple(registerModuleArb, channel)
      .map(([reg, ch]): Svr5Action[] => [
        reg,
        { do: 'open', device: reg.devices?.[0] ?? `${reg.module}0`, channel: ch },
      ]),
  },
  {
    weight: 20,
    arbitrary: fc.tuple(instance, channel, seconds).map(([dev, ch, s]): Svr5Action[] => [
      { do: 'open', device: dev, channel: ch },
      { do: 'close', channel: ch },
      { do: 'advanceTime', seconds: s },
    ]),
  },
  {
    weight: 10,
    arbitrary: fc.tuple(channel, moduleName).map(([ch, m]): Svr5Action[] => [
      { do: 'close', channel: ch },
      { do: 'unloadModule', module: m },
    ]),
  },
  {
    weight: 10,
    arbitrary: moduleName.map((m): Svr5Action[] => [
      { do: 'loadModule', module: m },
      { do: 'unloadModule', module: m },
    ]),
  },
  {
    weight: 10,
    // The daemon's _unload is still running when an open (or a demand load or unload) arrives.
    arbitrary: fc
      .tuple(instance, channel, seconds, moduleName, fc.constantFrom('open', 'loadModule', 'unloadModule'))
      .map(([dev, ch, s, m, then]): Svr5Action[] => [
        { do: 'advanceTime', seconds: s },
        then === 'open' ? { do: 'open', device: dev, channel: ch } : { do: then, module: m },
      ]),
  },
  {
    weight: 8,
    // A hot-plug slot: suspend the instance, try it, resume or remove it.
    arbitrary: fc
      .tuple(fc.oneof(fc.constant('M0d0'), instance), channel, fc.boolean())
      .map(([dev, ch, remove]): Svr5Action[] => [
        { do: 'open', device: dev, channel: 'c3' },
        { do: 'close', channel: 'c3' },
        { do: 'suspendInstance', device: dev },
        { do: 'open', device: dev, channel: ch },
        // config(CFG_MODIFY) while the slot is suspended, sometimes.
        ...(remove ? [] : [{ do: 'modifyInstance' as const, device: dev }]),
        remove ? { do: 'hotRemove', device: dev } : { do: 'resumeInstance', device: dev },
        { do: 'verifyInstance', device: dev },
      ]),
  },
  {
    weight: 8,
    // A STREAMS module pushed on an open stream, popped (or the stream closed), then time passes.
    arbitrary: fc
      .tuple(instance, channel, fc.boolean(), seconds)
      .map(([dev, ch, popIt, s]): Svr5Action[] => [
        { do: 'registerModule', module: 'S0', ddi: '8', streams: true, devices: [] },
        { do: 'open', device: dev, channel: ch },
        { do: 'push', channel: ch, module: 'S0' },
        popIt ? { do: 'pop', channel: ch } : { do: 'close', channel: ch },
        { do: 'advanceTime', seconds: s },
      ]),
  },
  { weight: 1, arbitrary: fc.constant<Svr5Action[]>([{ do: 'shutdown' }]) },
);

/** Module M0 (DDI 8, two instances), maybe M1 depending on it, maybe an old driver M2. */
const svr5Prefix: fc.Arbitrary<Svr5Action[]> = fc
  .record({
    dependent: fc.boolean(),
    old: fc.boolean(),
    oldUnload: fc.boolean(),
    demand: fc.boolean(),
    open: fc.boolean(),
    hot: fc.boolean(),
    unloadReturns: returns(3),
    drainSeconds: fc.constantFrom(0, 0, 90),
    unloadSleeps: fc.constantFrom(0, 0, 45),
  })
  .map(({ dependent, old, oldUnload, demand, open, hot, unloadReturns, drainSeconds, unloadSleeps }) => [
    {
      do: 'registerModule' as const,
      module: 'M0',
      ddi: '8' as const,
      devices: ['M0d0', 'M0d1'],
      hot,
      unloadReturns,
      drainSeconds,
      unloadSleeps,
    },
    ...(dependent
      ? [
          {
            do: 'registerModule' as const,
            module: 'M1',
            ddi: '8mp' as const,
            devices: ['M1d0'],
            dependsOn: ['M0'],
          },
        ]
      : []),
    ...(old
      ? [
          {
            do: 'registerModule' as const,
            module: 'M2',
            ddi: '7' as const,
            devices: ['M2d0'],
            unloadRoutine: oldUnload,
            unloadDelay: 30,
          },
        ]
      : []),
    ...(demand ? [{ do: 'loadModule' as const, module: dependent ? 'M1' : 'M0' }] : []),
    ...(open ? [{ do: 'open' as const, device: dependent ? 'M1d0' : 'M0d0', channel: 'c0' }] : []),
  ]);

const svr5OptionsArb: fc.Arbitrary<Partial<Svr5Options>> = fc.record(
  {
    defUnloadDelay: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 150 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 3600 }) },
    ),
    unloadWake: fc.integer({ min: 1, max: 120 }),
    profiling: rarely,
  },
  { requiredKeys: [] },
);

/** An SVR5 run: options, then maybe a setup prefix, then 5–40 random actions. */
export const svr5RunArb = (maxLength = 40) =>
  fc.record({
    options: svr5OptionsArb,
    actions: fc
      .tuple(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant<Svr5Action[]>([]) },
          { weight: 2, arbitrary: svr5Prefix },
        ),
        fc.array(svr5ChunkArb, { minLength: 5, maxLength: Math.ceil(maxLength / 1.4) }),
      )
      .map(([prefix, tail]) => [...prefix, ...tail.flat()].slice(0, Math.max(maxLength, prefix.length + 5))),
  });
