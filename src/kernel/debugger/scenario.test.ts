import { describe, expect, it } from 'vitest';
import { explainUnload, type Condition } from '../explain';
import { parseScenario } from '../scenario/parse';
import { runScenario } from '../scenario/run';
import type { WindowsScenario } from '../scenario/schema';
import type { WindowsWorld } from '../windows/model';
import { DEVOBJ_PDO, DEVOBJ_WIN10 } from './fixtures/devobj';
import { DRVOBJ_NO_UNLOAD } from './fixtures/drvobj';
import { IRP_NO_PROMPT } from './fixtures/irpObject';
import { SESSION } from './fixtures/session';
import { DEVNODE_PENDING_CLOSES, DEVNODE_STARTED, DEVSTACK_SHORT } from './fixtures/stacks';
import { importDebuggerText } from './import';

/** The scenario written from a paste: valid, narrated, and it holds the driver as the paste did. */

function scenarioOf(text: string): WindowsScenario {
  const s = importDebuggerText(text).scenario;
  if (s?.os !== 'windows') throw new Error('no Windows scenario was written');
  return s;
}

function play(s: WindowsScenario) {
  const run = runScenario(s);
  return { run, world: run.world as WindowsWorld };
}

function condition(world: WindowsWorld, driver: string, id: string): Condition {
  const c = explainUnload(world, driver).conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id}`);
  return c;
}

describe('the scenario of a session', () => {
  const s = scenarioOf(SESSION);

  it('is a valid unload-scenario/1 that parseScenario accepts as it is', () => {
    const again = parseScenario(JSON.parse(JSON.stringify(s)));
    expect(again.ok).toBe(true);
    expect(s.format).toBe('unload-scenario/1');
  });

  it('plays through: every step goes through, none is refused', () => {
    const { run } = play(s);
    expect(run.steps.map((r, i) => `${i} ${s.steps[i]?.do}: ${r.status}`)).toEqual(
      s.steps.map((st, i) => `${i} ${st.do}: STATUS_SUCCESS`),
    );
  });

  it('narrates every step with where in the paste it comes from', () => {
    for (const step of s.steps) expect(step.say).toBeTruthy();
    const sources = s.steps.filter((st) => /line \d+/.test(st.say ?? ''));
    expect(sources.length).toBeGreaterThanOrEqual(s.steps.length - 4);
  });

  it('names things from the paste: drivers, named devices, handles per RefCount', () => {
    expect(s.steps.filter((st) => st.do === 'loadDriver').map((st) => st.driver)).toEqual([
      'pulsar',
      'pfilt',
    ]);
    expect(s.steps).toContainEqual(
      expect.objectContaining({ do: 'openHandle', device: 'PulsarCtl', handle: 'PulsarCtl.h1' }),
    );
    expect(s.steps).toContainEqual(
      expect.objectContaining({ do: 'createDevice', device: 'pfilt.filter.b0c50', attachTo: 'PulsarCtl' }),
    );
    expect(s.steps.at(-1)).toMatchObject({ do: 'stopDriver', driver: 'pulsar' });
  });

  it('leaves pulsar Unload Pending, held by the handle, the IRP and the attached filter the paste showed', () => {
    const { world } = play(s);
    expect(world.drivers.get('pulsar')?.state).toBe('unloadPending');
    expect(condition(world, 'pulsar', 'noReferences')).toMatchObject({
      met: false,
      blockers: [{ kind: 'handle', name: 'PulsarCtl.h1' }],
    });
    expect(condition(world, 'pulsar', 'noOutstandingIrps')).toMatchObject({
      met: false,
      blockers: [{ kind: 'irp', name: 'irp.0c41a0' }],
    });
    expect(condition(world, 'pulsar', 'noAttachedDrivers')).toMatchObject({
      met: false,
      blockers: [{ kind: 'device', name: 'pfilt.filter.b0c50' }],
    });
    expect(world.devices.get('PulsarCtl')?.obReferences.size).toBe(4);
  });

  it('lets the engineer act: close the handle, complete the IRP, detach the filter — and Unload runs', () => {
    const whatIf: WindowsScenario = {
      ...s,
      steps: [
        ...s.steps,
        { do: 'completeIrp', irp: 'irp.0c41a0' },
        { do: 'closeHandle', handle: 'PulsarCtl.h1' },
        { do: 'detachDevice', device: 'pfilt.filter.b0c50' },
      ],
    };
    const { run } = play(whatIf);
    const last = run.steps.at(-1);
    expect(last?.events.map((e) => e.type)).toContain('unloadCalled');
    expect(run.steps.slice(0, -1).flatMap((r) => r.events.map((e) => e.type))).not.toContain('unloadCalled');
    // The references by pointer keep the image after Unload, as "Debugging a Failed Driver Unload" says.
    expect((run.world as WindowsWorld).drivers.get('pulsar')?.imageInMemory).toBe(true);
  });

  it('maps the objects of the paste to the names of the scenario', () => {
    expect(importDebuggerText(SESSION).scenarioNames).toEqual({
      drivers: { '\\driver\\pulsar': 'pulsar', '\\driver\\pfilt': 'pfilt' },
      devices: {
        ffffb8025e88c320: 'PulsarAux',
        ffffb8025e61d9f0: 'PulsarCtl',
        ffffb8025e9b0c50: 'pfilt.filter.b0c50',
      },
      handles: { ffffb8025e61d9f0: ['PulsarCtl.h1'] },
      irps: { ffffb8025f0c41a0: 'irp.0c41a0' },
      references: {
        ffffb8025e61d9f0: ['PulsarCtl.ref1', 'PulsarCtl.ref2', 'PulsarCtl.ref3', 'PulsarCtl.ref4'],
      },
    });
  });

  it('says where it approximates', () => {
    const imp = importDebuggerText(SESSION);
    expect(imp.approximations).toEqual(
      expect.arrayContaining([
        expect.stringContaining('RefCount 1 on ffffb8025e61d9f0 becomes one handle of unknown owner'),
        expect.stringContaining('\\Driver\\pfilt: DriverUnload was not printed'),
      ]),
    );
  });
});

describe('scenarios of other pastes', () => {
  it('a PnP stack with no Unload routine: bus PDO, FDO and filter, the driver never unloads', () => {
    const s = scenarioOf(
      `${DEVSTACK_SHORT}${DEVNODE_STARTED}${DRVOBJ_NO_UNLOAD.replace(/orbis/g, 'quasar')}`,
    );
    expect(s.steps.filter((st) => st.do === 'createDevice').map((st) => [st.device, st.role])).toEqual([
      ['ACPI.pdo.8a060', 'pdo'],
      ['Quasar0', 'fdo'],
      ['qfilter.filter.b1e40', 'filter'],
      ['quasar.control.e4c80', 'control'],
    ]);
    expect(s.steps.find((st) => st.do === 'loadDriver' && st.driver === 'quasar')).toMatchObject({
      model: 'pnp',
      unloadRoutine: false,
    });
    const { world } = play(s);
    expect(condition(world, 'quasar', 'hasUnloadRoutine').met).toBe(false);
    expect(condition(world, 'quasar', 'noAttachedDrivers')).toMatchObject({ met: false });
  });

  it('a devnode waiting for closes becomes a surprise removal after the handles open', () => {
    const pdo = DEVOBJ_PDO.replace(/ffffd10e49f8a060/g, '89c31d40')
      .replace('RefCount 0', 'RefCount 1')
      .replace('DevNode ffffd10e49f6cd20', 'DevNode 89c2e4a8')
      .replace(/AttachedDevice.*\n/, '');
    const s = scenarioOf(`${DEVNODE_PENDING_CLOSES}${pdo}`);
    const steps = s.steps.map((st) => st.do);
    expect(steps.indexOf('surpriseRemove')).toBeGreaterThan(steps.indexOf('openHandle'));
    const { run, world } = play(s);
    expect(run.steps.every((r) => r.status === 'STATUS_SUCCESS')).toBe(true);
    expect([...world.devices.values()].find((d) => d.role === 'pdo')?.devnode).toBe('RemovePendingCloses');
  });

  it('an IRP with no handle in the paste travels on a handle opened for it and closed at once', () => {
    const s = scenarioOf(IRP_NO_PROMPT);
    expect(s.steps.map((st) => st.do)).toEqual([
      'loadDriver',
      'loadDriver',
      'createDevice',
      'createDevice',
      'openHandle',
      'sendIrp',
      'closeHandle',
    ]);
    const { run } = play(s);
    expect(run.steps.every((r) => r.status === 'STATUS_SUCCESS')).toBe(true);
  });

  it('a RefCount of 65 becomes 16 handles, and says so', () => {
    const imp = importDebuggerText(DEVOBJ_WIN10.replace('RefCount 2', 'RefCount 65'));
    expect(imp.scenario?.steps.filter((st) => st.do === 'openHandle')).toHaveLength(16);
    expect(imp.approximations).toContain(
      'RefCount 65 on ffffd10e4a2c7c30: the scenario opens 16 handles for them.',
    );
  });

  it('gives names the format accepts, unique, even from odd printed names', () => {
    const odd = DEVOBJ_WIN10.replace('Quasar0', 'Quasar 0 (primary)/\\x').replace(/quasar/g, 'q$uasar');
    const s = scenarioOf(`${odd}${odd.replace(/4a2c7c30/g, '4a2c7c31')}`);
    const names = s.steps.flatMap((st) =>
      Object.entries(st)
        .filter(([k]) => ['driver', 'device', 'handle', 'attachTo'].includes(k))
        .map(([, v]) => String(v)),
    );
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
    const devices = s.steps.flatMap((st) => (st.do === 'createDevice' ? [st.device] : []));
    expect(new Set(devices).size).toBe(devices.length);
  });

  it('a driver alone, with no device left, is enough for a scenario', () => {
    const s = scenarioOf(DRVOBJ_NO_UNLOAD.replace('ffffc70b2d0e4c80\n', ''));
    expect(s.steps).toEqual([
      expect.objectContaining({ do: 'loadDriver', driver: 'orbis', unloadRoutine: false }),
    ]);
  });

  it('writes no scenario when nothing was read', () => {
    expect(importDebuggerText('hello\nworld\n').scenario).toBeUndefined();
  });
});
