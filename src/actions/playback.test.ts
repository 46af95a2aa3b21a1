import { describe, expect, it } from 'vitest';
import { defaultScenarioSource } from '../scenarios/load';
import { app } from '../store/testing';

const scenario = defaultScenarioSource('windows');

describe('playing through the steps', () => {
  it('play at the latest step starts again from the first; pause stops where it is', () => {
    const run = app({ scenario });
    const count = run.state.entries.length;
    run.do('play').expectOk();
    expect(run.state).toMatchObject({ classroom: { autoplay: true }, cursor: 0 });
    run.do('redo').do('pause').expectOk();
    expect(run.state).toMatchObject({ classroom: { autoplay: false }, cursor: 1 });
    run.do('goTo', { step: 3 }).do('play');
    expect(run.state).toMatchObject({ classroom: { autoplay: true }, cursor: 3 });
    expect(count).toBeGreaterThan(3);
  });

  it('play with no steps says why not', () => {
    app().do('play').expectError('no steps');
  });
});

describe('stepping by a delta', () => {
  it('moves and clamps; one step forward animates it', () => {
    const run = app({ scenario }).do('first');
    run.do('stepBy', { delta: 1 }).expectOk();
    expect(run.state.cursor).toBe(1);
    expect(run.state.playing).not.toBeNull();
    run.do('stepBy', { delta: -5 });
    expect(run.state.cursor).toBe(0);
    run.send('stepBy', { delta: 'x' }).expectError('whole number');
  });
});
