import { describe, expect, it } from 'vitest';
import { channelName, readRequest, readState } from './consoleLink';

/** The console's messages: only stepping commands and the projector's place cross; anything else is dropped. */
describe('the presenter console link', () => {
  it('reads the console’s commands and nothing else', () => {
    expect(readRequest({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(readRequest({ type: 'command', id: 'next' })).toEqual({ type: 'command', id: 'next' });
    expect(readRequest({ type: 'command', id: 'goTo', step: 3 })).toEqual({
      type: 'command',
      id: 'goTo',
      step: 3,
    });
    for (const bad of [
      null,
      'next',
      { type: 'command', id: 'loadScenario' },
      { type: 'command', id: 'goTo', step: -1 },
    ])
      expect(readRequest(bad)).toBeNull();
  });
  it('reads where the projector is', () => {
    expect(readState({ type: 'state', lesson: 'leaked-handle', cursor: 2, asking: 3 })).toEqual({
      type: 'state',
      lesson: 'leaked-handle',
      cursor: 2,
      asking: 3,
    });
    expect(readState({ type: 'state', lesson: 'x', cursor: 1, asking: null })?.asking).toBeNull();
    expect(readState({ type: 'state', cursor: 'two' })).toBeNull();
  });
  it('names one channel per projected visualizer', () => {
    expect(channelName('a')).not.toBe(channelName('b'));
  });
});
