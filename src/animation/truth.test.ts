import { describe, expect, it } from 'vitest';
import { kernel } from '../kernel/testing';
import { step } from '../kernel';
import { app } from '../store/testing';
import { selectWorld } from '../store/selectors';
import { planStep } from './plan';
import { currentMoment } from '../store/moment';

describe('a step’s animation plan', () => {
  it('names the event each cue shows, in the kernel’s order', () => {
    const w = kernel('windows').setup(
      { do: 'loadDriver', driver: 'B', model: 'legacy', controlDevice: 'Beep' },
      { do: 'openHandle', device: 'Beep', handle: 'h1' },
      { do: 'stopDriver', driver: 'B' },
    ).world;
    const r = step(w, { do: 'closeHandle', handle: 'h1' });
    const plan = planStep(r.events);
    const events = plan.cues.map((c) => c.event);
    expect(events).toEqual([...events].sort((a, b) => a - b));
    expect(plan.cues.every((c) => c.event >= 0 && c.event < r.events.length)).toBe(true);
    expect(new Set(events).has(r.events.findIndex((e) => e.type === 'unloadCalled'))).toBe(true);
    // Reduced motion keeps the same order: still pulses for the same events.
    const still = planStep(r.events, { motion: false }).cues.map((c) => c.event);
    expect(still).toEqual([...still].sort((a, b) => a - b));
    expect(new Set(still)).toEqual(new Set(events));
  });
});

describe('what is drawn while a step animates', () => {
  const lesson = () => app().do('openLesson', { id: 'leaked-handle', step: 4 }).do('redo');

  it('is the world before the step until its first event plays', () => {
    const r = lesson();
    const playing = r.state.playing;
    if (!playing) throw new Error('the step plays');
    r.do('animationAt', { at: { entryId: playing.entryId, nonce: playing.nonce, event: -1 } });
    const shown = selectWorld(r.state);
    expect(shown).toBe(r.state.entries[3]?.world);
  });

  it('is the world as of the event being played, then the final world when it ends', () => {
    const r = lesson();
    const playing = r.state.playing;
    const entry = r.state.entries[4];
    if (!playing || !entry?.moments) throw new Error('the step plays, with moments');
    const unload = entry.events.findIndex((e) => e.type === 'unloadCalled');
    r.do('animationAt', { at: { entryId: playing.entryId, nonce: playing.nonce, event: unload - 1 } });
    const mid = selectWorld(r.state);
    expect(mid.os === 'windows' && mid.drivers.get('Beeper')?.state).toBe('unloadPending');
    r.do('animationAt', { at: null });
    const end = selectWorld(r.state);
    expect(end.os === 'windows' && end.drivers.get('Beeper')?.state).toBe('unloaded');
  });

  it('ignores a moment of another animation (a replay, a jump)', () => {
    const r = lesson();
    const playing = r.state.playing;
    if (!playing) throw new Error('the step plays');
    r.do('animationAt', { at: { entryId: playing.entryId, nonce: playing.nonce, event: 0 } });
    r.do('undo').do('redo');
    expect(currentMoment(r.state)).toBeNull();
    expect(selectWorld(r.state)).toBe(r.state.entries[4]?.world);
  });
});
