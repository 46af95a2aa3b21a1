import { describe, expect, it } from 'vitest';
import { SESSION } from '../kernel/debugger/fixtures/session';
import { defaultScenarioSource } from '../scenarios/load';
import { app } from '../store/testing';
import { DEBUGGER_COMMANDS } from './commands';

describe('pasting a debugger session', () => {
  it('draws the world it describes and keeps the findings and unread lines beside it', () => {
    const r = app({ scenario: defaultScenarioSource('windows'), commands: DEBUGGER_COMMANDS })
      .do('importDebugger', { text: SESSION })
      .expectOk();
    const s = r.state;
    expect(s.imported?.drawn).toBe(true);
    expect(s.imported?.explanation.drivers.map((d) => d.driver)).toContain('\\Driver\\pulsar');
    expect(s.imported?.problems.length).toBeGreaterThan(0);
    expect(s.entries.length).toBeGreaterThan(0);
    expect(s.entries.every((e) => e.source === 'scenario')).toBe(true);
    expect(s.title).not.toBe('');
    // Acting on it keeps the findings; loading another scenario drops them.
    r.do('undo');
    expect(r.state.imported).not.toBeNull();
    r.do('loadScenario', { scenario: defaultScenarioSource('windows') });
    expect(r.state.imported).toBeNull();
  });

  it('keeps the current work when nothing could be read, and says what to paste', () => {
    const r = app({ scenario: defaultScenarioSource('windows'), commands: DEBUGGER_COMMANDS });
    const before = r.state.entries;
    r.do('importDebugger', { text: 'hello\nworld' }).expectError('nothing this reader reads was found');
    expect(r.state.entries).toBe(before);
    r.send('importDebugger', { text: 42 }).expectError('text: expected the debugger output, got 42');
  });
});

describe('a visualizer without the debugger reader (an embed)', () => {
  it('answers that it has no such action, and never loads the reader', () => {
    app({ scenario: defaultScenarioSource('windows') })
      .send('importDebugger', { text: SESSION })
      .expectError('no action "importDebugger"');
  });
});

describe('a paste read in the worker', () => {
  it('is drawn from what the worker read, without reading it again', async () => {
    const { ReadResult } = await import('./readResult');
    const { readPaste } = await import('./reading');
    const { reading, scenario } = readPaste(SESSION);
    const read = new ReadResult(SESSION, reading, scenario);
    const r = app({ scenario: defaultScenarioSource('windows'), commands: DEBUGGER_COMMANDS })
      .do('importDebugger', { text: SESSION, read })
      .expectOk();
    // The very reading the worker made is the one kept.
    expect(r.state.imported).toBe(reading);
  });

  it('refuses a reading it did not make (a structured clone from another window) or of another text', async () => {
    const { ReadResult } = await import('./readResult');
    const { readPaste } = await import('./reading');
    const { reading, scenario } = readPaste(SESSION);
    const r = app({ scenario: defaultScenarioSource('windows'), commands: DEBUGGER_COMMANDS });
    const before = r.state.entries;
    r.send('importDebugger', { text: SESSION, read: structuredClone({ text: SESSION, reading, scenario }) });
    r.expectError('only a reading this page made');
    r.send('importDebugger', { text: 'other', read: new ReadResult(SESSION, reading, scenario) });
    r.expectError('of the same text');
    expect(r.state.entries).toBe(before);
  });

  it('refuses a paste over the limit at once, saying how long it is and what to paste', () => {
    app({ scenario: defaultScenarioSource('windows'), commands: DEBUGGER_COMMANDS })
      .send('importDebugger', { text: 'x'.repeat(5_000_001) })
      .expectError('5,000,001 characters long, over the 5,000,000');
  });
});
