import { describe, expect, it } from 'vitest';
import { createVisualizer } from '../store';
import { defaultScenarioSource } from '../scenarios/load';
import { stepAnnouncement } from './Announcer';

describe('each step said in words', () => {
  it('says the step, its action and status, every event’s sentence and the narration', () => {
    const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
    v.execute('stopDriver', { driver: 'Beep' });
    const { cursor, entries } = v.getState();
    const said = stepAnnouncement(cursor, entries);
    expect(said).toMatch(/^Step 10 of 10: stopDriver, STATUS_SUCCESS\. /);
    expect(said).toContain('Beep and its device objects are marked Unload Pending.');
    expect(said).toContain('Beep: Unload is deferred');
    const opened = stepAnnouncement(9, entries);
    expect(opened).toContain('handle h1 is open on Beep.');
    expect(opened).toContain('An application opens \\Device\\Beep');
  });

  it('says where the session starts', () => {
    const v = createVisualizer({ scenario: defaultScenarioSource('windows') });
    expect(stepAnnouncement(0, v.getState().entries)).toBe('Step 0 of 9: the start, before any step.');
  });
});
