import { describe, expect, it } from 'vitest';
import windowsDefault from '../scenarios/windows-default.json';
import { app } from '../store/testing';
import { runHostRequest } from './hostRequests';

describe('the host adapters’ one table of moves', () => {
  it('runs each move as its command, marked as the embed’s', () => {
    const r = app({ scenario: windowsDefault });
    const v = r.visualizer;
    expect(runHostRequest(v, 'goto', { step: 2 })).toMatchObject({ ok: true });
    expect(r.state.cursor).toBe(2);
    expect(runHostRequest(v, 'step', {})).toMatchObject({ ok: true });
    expect(r.state.cursor).toBe(3);
    expect(runHostRequest(v, 'step', { delta: -2 })).toMatchObject({ ok: true });
    expect(r.state.cursor).toBe(1);
    expect(runHostRequest(v, 'play')).toMatchObject({ ok: true });
    expect(r.state.classroom.autoplay).toBe(true);
    expect(runHostRequest(v, 'pause')).toMatchObject({ ok: true });
    expect(r.state.classroom.autoplay).toBe(false);
  });

  it('a bad request is answered by the command’s schema, in words, and changes nothing', () => {
    const r = app({ scenario: windowsDefault });
    const before = r.state;
    const out = runHostRequest(r.visualizer, 'goto', { step: 1.5 });
    expect(out).toMatchObject({ ok: false, error: 'goTo: step: expected a whole number, got 1.5' });
    expect(r.state).toBe(before);
  });
});
