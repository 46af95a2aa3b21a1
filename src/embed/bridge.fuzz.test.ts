import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FuzzLog, runs } from '../fuzz/harness';
import { hostile, hostileArb, keyArb, own, type Make } from '../fuzz/hostile';
import { notPlain } from '../fuzz/plain';
import { plantedArb } from '../fuzz/plant';
import { BUILT_IN_SCENARIOS } from '../scenarios';
import { packScenario } from '../share/pack';
import { createVisualizer, type Visualizer } from '../store';
import { respond } from './bridge';
import { MAX_ID } from './protocol';
import { stateReport } from './report';

/**
 * Fuzzing the embed's postMessage handler (`respond`, which every message
 * from an allowed origin goes through, on a real visualizer; docs/embed.md,
 * docs/limits.md): arbitrary values, messages of every type with hostile
 * fields (prototype keys, huge strings, deep nesting, getters, proxies),
 * dispatched actions made from real scenario steps with hostile values
 * planted in them, and loads of damaged, packed and oversized scenarios.
 * It never rejects; it answers every message exactly once, `ok` with the
 * state or one bounded error, repeating a usable `id`;
 * the visualizer stays well formed.
 */

const log = new FuzzLog('postMessage handler');
afterAll(() => console.info(log.report()));

const MAX_ANSWER = 10_001;
const TYPES = ['load', 'goto', 'step', 'play', 'pause', 'dispatch', 'setTheme', 'getState'] as const;
const BASES: readonly unknown[] = Object.values(BUILT_IN_SCENARIOS);
const STEPS: readonly unknown[] = BASES.flatMap((b) => (b as { steps: unknown[] }).steps);

async function handled(v: Visualizer, make: Make): Promise<void> {
  const data = make();
  const out = await log.runAsync(data, () => respond(v, data, () => undefined));
  // Exactly one reply, whatever came: ok with the state, or an error in words.
  expect(out.type === 'ok' || out.type === 'error').toBe(true);
  if (out.type === 'error') {
    expect(out.message.trim()).not.toBe('');
    expect(out.message.length).toBeLessThanOrEqual(MAX_ANSWER);
  } else {
    expect(notPlain(out, 10_000)).toBeNull();
    expect(out.state.step).toBe(stateReport(v.getState()).step);
  }
  if (typeof out.id === 'string') expect(out.id.length).toBeLessThanOrEqual(MAX_ID);
  // The id comes back when it is one a reply can carry (text up to MAX_ID characters, or a number).
  const sent = idSent(data);
  if (sent !== undefined) expect(out.id).toBe(sent);
  // The visualizer is still one a host can ask about.
  const report = stateReport(v.getState());
  expect(report.step).toBeGreaterThanOrEqual(0);
  expect(report.step).toBeLessThanOrEqual(report.steps);
}

/** The id a host put on a plain message, if a reply should repeat it. */
function idSent(data: unknown): string | number | undefined {
  try {
    if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'id')) return undefined;
    const d = Object.getOwnPropertyDescriptor(data, 'id');
    if (!d || !('value' in d)) return undefined;
    const id: unknown = d.value;
    if (typeof id === 'string' && id.length <= MAX_ID) return id;
    if (typeof id === 'number' && Number.isFinite(id)) return id;
  } catch {
    // A proxy that throws: no id to expect.
  }
  return undefined;
}

/** A field: usually a fitting value, often a hostile one. */
const field = (fitting: fc.Arbitrary<unknown>): fc.Arbitrary<Make> =>
  fc.oneof(
    { weight: 2, arbitrary: fitting.map((v) => () => v) },
    { weight: 1, arbitrary: hostile({ huge: false }) },
  );

/** A message of one of the types, its fields fitting or hostile, now and then an extra key. */
const typedMessage: fc.Arbitrary<Make> = fc
  .record(
    {
      type: field(fc.constantFrom(...TYPES)),
      id: field(fc.oneof(fc.string({ maxLength: 10 }), fc.integer())),
      step: field(fc.integer({ min: -3, max: 30 })),
      delta: field(fc.integer({ min: -3, max: 3 })),
      theme: field(fc.constantFrom('light', 'dark', 'auto')),
      action: field(fc.constantFrom(...STEPS)),
      scenario: field(fc.constantFrom('windows-default', 'svr5-default', ...BASES)),
    },
    { requiredKeys: ['type'] },
  )
  .chain((r) =>
    fc.option(fc.tuple(keyArb, hostile({ huge: false })), { freq: 4 }).map((extra) => () => {
      const m: Record<string, unknown> = {};
      for (const [k, make] of Object.entries(r)) own(m, k, make());
      if (extra) own(m, extra[0], extra[1]());
      return m;
    }),
  );

describe('fuzzing the postMessage handler', () => {
  it('never rejects on arbitrary values', async () => {
    const v = createVisualizer();
    await fc.assert(
      fc.asyncProperty(hostileArb, (make) => handled(v, make)),
      runs(5_000),
    );
  }, 120_000);

  it('never rejects on messages of every type with hostile fields', async () => {
    const v = createVisualizer();
    await fc.assert(
      fc.asyncProperty(typedMessage, (make) => handled(v, make)),
      runs(6_000),
    );
  }, 120_000);

  it('never rejects on dispatched steps with hostile values planted in them', async () => {
    const v = createVisualizer();
    const dispatch = plantedArb(STEPS, hostile({ huge: false })).map((make): Make => () => ({
      type: 'dispatch',
      action: make(),
    }));
    await fc.assert(
      fc.asyncProperty(dispatch, (make) => handled(v, make)),
      runs(5_000),
    );
  }, 120_000);

  it('never rejects on loads of damaged, packed, huge and hostile scenarios', async () => {
    const v = createVisualizer();
    const scenario = fc.oneof(
      plantedArb(BASES, hostileArb),
      plantedArb(BASES, hostile({ huge: false })).map((make) => () => {
        try {
          return JSON.stringify(make()) ?? '';
        } catch {
          return '{';
        }
      }),
      fc.constantFrom(...BASES).map((b) => () => packScenario(b)),
      fc.string({ maxLength: 20 }).map((s) => () => `~1.${s}`),
    );
    const load = scenario.map((make): Make => () => ({ type: 'load', scenario: make() }));
    await fc.assert(
      fc.asyncProperty(load, (make) => handled(v, make)),
      runs(1_500),
    );
  }, 120_000);
});
