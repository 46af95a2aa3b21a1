import { describe, expect, it } from 'vitest';
import { createWorld, step, type Action, type World } from '../kernel';
import type { HistoryEntry } from '../store';
import { isSuccess } from '../kernel';
import { actionLabel, logRows, refLabel } from './format';
import { ownerSummaries } from './checklistModel';

function history(world: World, actions: Action[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  actions.reduce((w, action, i) => {
    const r = step(w, action);
    out.push({ id: i + 1, action, source: 'test', status: r.status, events: r.events, world: r.world });
    return r.world;
  }, world);
  return out;
}

const beep: Action[] = [
  { do: 'loadDriver', driver: 'Beep', model: 'legacy', controlDevice: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h1' },
  { do: 'stopDriver', driver: 'Beep' },
  { do: 'openHandle', device: 'Beep', handle: 'h2' },
  { do: 'closeHandle', handle: 'h1' },
];

describe('the event log’s words', () => {
  it('names an action by its do and its main names', () => {
    expect(actionLabel({ do: 'openHandle', device: 'Beep', handle: 'h1' })).toBe('openHandle Beep h1');
    expect(
      actionLabel({ do: 'createDevice', driver: 'T', device: 'Fdo', role: 'fdo', attachTo: 'Pdo' }),
    ).toBe('createDevice T Fdo → Pdo');
    expect(actionLabel({ do: 'advanceTime', seconds: 30 })).toBe('advanceTime +30 s');
    expect(actionLabel({ do: 'shutdown' })).toBe('shutdown');
  });

  it('treats STATUS_SUCCESS and 0 as success, anything else as worth a look', () => {
    expect(isSuccess('STATUS_SUCCESS')).toBe(true);
    expect(isSuccess('0')).toBe(true);
    expect(isSuccess('STATUS_NO_SUCH_DEVICE')).toBe(false);
    expect(isSuccess('EBUSY')).toBe(false);
  });

  it('labels a blocker by kind and name', () => {
    expect(refLabel({ kind: 'handle', name: 'h1' })).toBe('handle h1');
  });
});

describe('filtering the event log', () => {
  const entries = history(createWorld('windows'), beep);

  it('shows every step and every event with no filter', () => {
    const rows = logRows(entries, '  ');
    expect(rows).toHaveLength(entries.length);
    expect(rows[2]?.events).toBe(entries[2]?.events);
  });

  it('keeps steps with a matching event sentence, and only the matching events', () => {
    const rows = logRows(entries, 'unload pending');
    expect(rows.map((r) => r.index)).toEqual([2]);
    expect(rows[0]?.events.every((e) => e.type === 'unloadPending')).toBe(true);
  });

  it('matches a refused step by its status', () => {
    const refused = entries.findIndex((e) => e.status === 'STATUS_NO_SUCH_DEVICE');
    expect(refused).toBe(3);
    expect(logRows(entries, 'no_such_device').map((r) => r.index)).toContain(3);
  });
});

describe('the checklist overview', () => {
  it('lists every driver with its state and the kernel’s summary', () => {
    const w = history(createWorld('windows'), beep.slice(0, 3)).at(-1)?.world;
    if (!w) throw new Error('no world');
    const [beepDriver] = ownerSummaries(w);
    expect(beepDriver).toMatchObject({ name: '\\Driver\\Beep', state: 'Unload Pending', tone: 'pending' });
    expect(beepDriver?.summary).toMatch(/^Unload Pending: waiting/);
  });

  it('lists SVR5 modules, loaded or not', () => {
    const w = step(createWorld('svr5'), { do: 'registerModule', module: 'm', ddi: '8' }).world;
    expect(ownerSummaries(w)).toMatchObject([
      { name: 'm', state: 'not loaded', ref: { kind: 'module', name: 'm' } },
    ]);
  });
});
