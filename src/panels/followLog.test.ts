import { describe, expect, it } from 'vitest';
import { followedTop } from './EventLog';

/** The log follows the playhead: the current step's events stay in view as they play. */
describe('followedTop', () => {
  const box = 200;
  it('leaves the view alone when the whole step is in it', () => {
    expect(followedTop(100, box, { offsetTop: 150, offsetHeight: 100 }, null)).toBe(100);
  });
  it('scrolls up to a step above the view, and down to one below it', () => {
    expect(followedTop(300, box, { offsetTop: 150, offsetHeight: 100 }, null)).toBe(150);
    expect(followedTop(0, box, { offsetTop: 400, offsetHeight: 120 }, null)).toBe(320);
  });
  it('shows the newest events of a step taller than the view: its end at the bottom', () => {
    // leaked-handle step 5 in presenter mode: nine events, the box holds three.
    expect(followedTop(0, box, { offsetTop: 100, offsetHeight: 500 }, null)).toBe(400);
  });
  it('while a tall step plays, keeps the event playing now at the bottom, never above the step', () => {
    const step = { offsetTop: 100, offsetHeight: 500 };
    expect(followedTop(0, box, step, { offsetTop: 380, offsetHeight: 20 })).toBe(200);
    expect(followedTop(0, box, step, { offsetTop: 130, offsetHeight: 20 })).toBe(100);
  });
});
