import { describe, expect, it } from 'vitest';
import { parseScenario } from '../kernel/core';
import windowsDefault from '../scenarios/windows-default.json';
import { app } from '../store/testing';

describe('share, export and image as commands', () => {
  it('exportJson answers the scenario file to save, which reads back as the session', () => {
    const r = app({ scenario: windowsDefault }).send('exportJson').expectOk();
    const effect = r.outcome.ok ? r.outcome.effect : undefined;
    expect(effect).toMatchObject({
      type: 'download',
      mime: 'application/json',
      name: expect.stringMatching(/\.json$/) as unknown,
    });
    const parsed = parseScenario(effect?.type === 'download' ? effect.text : '');
    expect(parsed.ok && parsed.scenario.steps.length).toBe(windowsDefault.steps.length);
  });

  it('exportImage names the file and the caption by the step shown; a bad kind is said, not thrown', () => {
    const r = app({ scenario: windowsDefault }).do('goTo', { step: 2 });
    r.send('exportImage', { kind: 'svg' }).expectOk();
    expect(r.outcome.ok && r.outcome.effect).toMatchObject({
      type: 'image',
      kind: 'svg',
      detail: expect.stringMatching(/^step 2 \/ 9 · STATUS_/) as unknown,
      name: expect.stringMatching(/step-2\.svg$/) as unknown,
    });
    r.send('exportImage', { kind: 'gif' }).expectError(
      'exportImage: kind: expected "png" or "svg", got "gif"',
    );
    r.send('copyLink').expectOk();
    expect(r.outcome.ok && r.outcome.effect).toEqual({ type: 'copyLink' });
  });
});
