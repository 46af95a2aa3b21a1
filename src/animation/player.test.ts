import { describe, expect, it } from 'vitest';
import { timeScale } from './clock';
import { createManualClock } from './testing';
import { planStep, scalePlan, type Plan } from './plan';
import { IDLE, play, type Scene } from './player';
import type { KernelEvent } from '../kernel';

const e = (type: KernelEvent['type'], fields: Partial<KernelEvent> = {}): KernelEvent => ({
  type,
  rule: 'win.io.complete',
  ...fields,
});

const query = ['Filter', 'Fdo', 'Pdo'].map((device) =>
  e('pnpIrp', { device, minor: 'IRP_MN_QUERY_REMOVE_DEVICE', major: 'IRP_MJ_PNP' }),
);

function record(plan: Plan) {
  const clock = createManualClock();
  const scenes: Scene[] = [];
  const stop = play(plan, clock, (s) => scenes.push(s));
  const last = () => scenes[scenes.length - 1] ?? IDLE;
  return { clock, scenes, stop, last };
}

describe('createManualClock', () => {
  it('runs callbacks in time order only when advanced, and cancels', () => {
    const clock = createManualClock();
    const seen: string[] = [];
    clock.schedule(() => seen.push('b'), 20);
    clock.schedule(() => seen.push('a'), 10);
    const cancel = clock.schedule(() => seen.push('never'), 15);
    cancel();
    clock.advance(5);
    expect(seen).toEqual([]);
    clock.advance(20);
    expect(seen).toEqual(['a', 'b']);
    expect(clock.now()).toBe(25);
    expect(clock.pending()).toBe(0);
  });
});

describe('timeScale', () => {
  it('divides by the speed and is zero in instant mode', () => {
    expect(timeScale({ speed: 2, instant: false })).toBe(0.5);
    expect(timeScale({ speed: 0.5, instant: false })).toBe(2);
    expect(timeScale({ speed: 4, instant: true })).toBe(0);
  });
});

describe('play', () => {
  it('is active at once, moves one token hop by hop, and goes idle at the end', () => {
    const plan = planStep(query);
    const { clock, last } = record(plan);
    expect(last()).toEqual({ active: true, tokens: [], pulses: [] });
    clock.advance(0);
    expect(last().tokens).toMatchObject([{ from: 'device:Filter', to: 'device:Filter', enter: true }]);
    clock.advance(150);
    expect(last().tokens).toMatchObject([{ from: 'device:Filter', to: 'device:Fdo', enter: false }]);
    clock.advance(350);
    expect(last().tokens).toMatchObject([{ from: 'device:Fdo', to: 'device:Pdo' }]);
    clock.advance(350);
    expect(last().tokens).toMatchObject([{ from: 'device:Pdo', to: 'device:Pdo' }]);
    expect(last().active).toBe(true);
    clock.advance(plan.total);
    expect(last()).toBe(IDLE);
    expect(clock.pending()).toBe(0);
  });

  it('shows one ring per node: a new pulse replaces the one still fading there', () => {
    const plan = planStep([e('unloadPending', { driver: 'T' }), e('unloadCalled', { driver: 'T' })]);
    const { clock, last } = record(plan);
    clock.advance(0);
    expect(last().pulses.map((p) => p.label)).toEqual(['Unload Pending']);
    clock.advance(200);
    expect(last().pulses.map((p) => p.label)).toEqual(['Unload called']);
    clock.advance(499);
    expect(last().pulses).toHaveLength(1);
    clock.advance(1);
    expect(last()).toBe(IDLE);
  });

  it('plays faster at a higher speed', () => {
    const plan = scalePlan(planStep(query), timeScale({ speed: 2, instant: false }));
    const { clock, last } = record(plan);
    clock.advance(75);
    expect(last().tokens[0]?.to).toBe('device:Fdo');
    clock.advance(plan.total);
    expect(last()).toBe(IDLE);
  });

  it('stops at once when cancelled (a new step)', () => {
    const { clock, last, stop } = record(planStep(query));
    clock.advance(200);
    expect(last().tokens).toHaveLength(1);
    stop();
    expect(last()).toBe(IDLE);
    expect(clock.pending()).toBe(0);
  });

  it('goes idle for an empty plan', () => {
    const { clock, last } = record(planStep([]));
    clock.advance(0);
    expect(last()).toBe(IDLE);
  });
});
