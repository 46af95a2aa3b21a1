import { describe, expect, it } from 'vitest';
import {
  runScenario,
  step,
  type Action,
  type KernelEvent,
  type World,
  type WindowsScenario,
} from '../kernel';
import { defaultScenario } from '../scenarios/load';
import { planStep, scalePlan, shortIrpName, TIMING, type Cue, type PulseCue, type TokenCue } from './plan';

const e = (type: KernelEvent['type'], fields: Partial<KernelEvent> = {}): KernelEvent => ({
  type,
  rule: 'win.io.complete',
  ...fields,
});

const tokens = (cues: readonly Cue[]) => cues.filter((c): c is TokenCue => c.kind === 'token');
const pulses = (cues: readonly Cue[]) => cues.filter((c): c is PulseCue => c.kind === 'pulse');
/** The hops that move: from → to. */
const moves = (cues: readonly Cue[]) =>
  tokens(cues)
    .filter((c) => c.from !== c.to)
    .map((c) => `${c.label} ${c.from}→${c.to}`);

function afterDefault(os: 'windows' | 'svr5'): World {
  const run = runScenario(defaultScenario(os));
  const last = run.steps[run.steps.length - 1];
  if (!last) throw new Error('the default scenario has no steps');
  return last.world;
}

function eventsOf(world: World, action: Action): readonly KernelEvent[] {
  return step(world, action).events;
}

const stackIrp = (minor: string, devices: string[]) =>
  devices.map((device) => e('pnpIrp', { device, minor, major: 'IRP_MJ_PNP' }));

describe('shortIrpName', () => {
  it('drops the IRP_MJ_/IRP_MN_ prefix and the _DEVICE suffix', () => {
    expect(shortIrpName('IRP_MJ_READ')).toBe('READ');
    expect(shortIrpName('IRP_MN_QUERY_REMOVE_DEVICE')).toBe('QUERY_REMOVE');
    expect(shortIrpName('IRP_MN_SURPRISE_REMOVAL')).toBe('SURPRISE_REMOVAL');
    expect(shortIrpName(undefined)).toBe('IRP');
  });
});

describe('planStep', () => {
  it('plans nothing for a step with nothing to draw', () => {
    expect(planStep([])).toEqual({ cues: [], total: 0 });
    expect(planStep([e('clockAdvanced', { time: 30 }), e('fileSystemFlush')])).toEqual({
      cues: [],
      total: 0,
    });
  });

  describe('when a PnP IRP goes through a stack', () => {
    const query = stackIrp('IRP_MN_QUERY_REMOVE_DEVICE', ['Filter', 'Fdo', 'Pdo']);

    it('moves one token device to device in the order the kernel delivered it', () => {
      const plan = planStep(query);
      expect(moves(plan.cues)).toEqual([
        'QUERY_REMOVE device:Filter→device:Fdo',
        'QUERY_REMOVE device:Fdo→device:Pdo',
      ]);
      expect(new Set(tokens(plan.cues).map((c) => c.token)).size).toBe(1);
    });

    it('shows the token at the first device, then hops, then rests at the last', () => {
      const cues = tokens(planStep(query).cues);
      expect(cues.map((c) => [c.at, c.duration])).toEqual([
        [0, TIMING.appear],
        [TIMING.appear, TIMING.hop],
        [TIMING.appear + TIMING.hop, TIMING.hop],
        [TIMING.appear + 2 * TIMING.hop, TIMING.linger],
      ]);
      expect(cues[0]).toMatchObject({ from: 'device:Filter', to: 'device:Filter' });
      expect(cues[3]).toMatchObject({ from: 'device:Pdo', to: 'device:Pdo' });
    });

    it('starts a new token when the minor function changes: CANCEL goes bottom-up as emitted', () => {
      const cancel = stackIrp('IRP_MN_CANCEL_REMOVE_DEVICE', ['Pdo', 'Fdo', 'Filter']);
      const plan = planStep([...query, ...cancel]);
      expect(moves(plan.cues)).toEqual([
        'QUERY_REMOVE device:Filter→device:Fdo',
        'QUERY_REMOVE device:Fdo→device:Pdo',
        'CANCEL_REMOVE device:Pdo→device:Fdo',
        'CANCEL_REMOVE device:Fdo→device:Filter',
      ]);
      expect(new Set(tokens(plan.cues).map((c) => c.token))).toEqual(new Set([0, 1]));
      const tones = new Map(tokens(plan.cues).map((c) => [c.label, c.tone]));
      expect(tones.get('CANCEL_REMOVE')).toBe('ok');
    });

    it('gives REMOVE a danger tone', () => {
      const plan = planStep(stackIrp('IRP_MN_REMOVE_DEVICE', ['Fdo', 'Pdo']));
      expect(tokens(plan.cues).every((c) => c.tone === 'danger' && c.label === 'REMOVE')).toBe(true);
    });
  });

  describe('when an I/O request is sent and completed', () => {
    const dispatch = ['Filter', 'Fdo'].map((device) =>
      e('irpDispatched', { irp: 'r1', device, major: 'IRP_MJ_READ', handle: 'h1' }),
    );
    const complete = ['Fdo', 'Filter'].map((device) =>
      e('irpCompleted', { irp: 'r1', device, major: 'IRP_MJ_READ' }),
    );

    it('sends it down, pends it, and brings it back up on completion', () => {
      const down = planStep([
        ...dispatch,
        e('irpPending', { irp: 'r1', device: 'Fdo', status: 'STATUS_PENDING' }),
      ]);
      expect(moves(down.cues)).toEqual(['READ device:Filter→device:Fdo']);
      expect(pulses(down.cues)).toMatchObject([{ node: 'irp:r1', tone: 'pending', label: 'STATUS_PENDING' }]);
      const up = planStep(complete);
      expect(moves(up.cues)).toEqual(['READ ✓ device:Fdo→device:Filter']);
      expect(tokens(up.cues)[0]?.tone).toBe('ok');
    });

    it('keeps two IRPs apart even when they follow each other', () => {
      const other = ['Filter', 'Fdo'].map((device) =>
        e('irpDispatched', { irp: 'r2', device, major: 'IRP_MJ_READ', handle: 'h1' }),
      );
      expect(new Set(tokens(planStep([...dispatch, ...other]).cues).map((c) => c.token)).size).toBe(2);
    });

    it('follows CREATE, CLEANUP and CLOSE by their handle', () => {
      const create = ['Top', 'Bottom'].map((device) =>
        e('irpDispatched', { device, major: 'IRP_MJ_CREATE', handle: 'h1' }),
      );
      const cleanup = ['Top', 'Bottom'].map((device) =>
        e('irpDispatched', { device, major: 'IRP_MJ_CLEANUP', handle: 'h1' }),
      );
      const plan = planStep([...create, ...cleanup]);
      expect(moves(plan.cues)).toEqual([
        'CREATE device:Top→device:Bottom',
        'CLEANUP device:Top→device:Bottom',
      ]);
    });
  });

  describe('when state changes', () => {
    it('pulses each changed object in order, overlapping', () => {
      const plan = planStep([
        e('unloadPending', { driver: 'Toaster' }),
        e('unloadCalled', { driver: 'Toaster' }),
        e('imageFreed', { driver: 'Toaster' }),
      ]);
      expect(plan.cues).toEqual([
        {
          kind: 'pulse',
          event: 0,
          at: 0,
          duration: 500,
          node: 'driver:Toaster',
          label: 'Unload Pending',
          tone: 'pending',
        },
        {
          kind: 'pulse',
          event: 1,
          at: 200,
          duration: 500,
          node: 'driver:Toaster',
          label: 'Unload called',
          tone: 'pending',
        },
        {
          kind: 'pulse',
          event: 2,
          at: 400,
          duration: 500,
          node: 'driver:Toaster',
          label: 'image freed',
          tone: 'ok',
        },
      ]);
      expect(plan.total).toBe(900);
    });

    it('pulses the object a refusal names, in the danger tone, with the status', () => {
      const plan = planStep([
        e('refused', { device: 'Beep', driver: 'Beep', handle: 'h2', status: 'STATUS_NO_SUCH_DEVICE' }),
      ]);
      expect(plan.cues).toMatchObject([
        { kind: 'pulse', node: 'device:Beep', tone: 'danger', label: 'refused: STATUS_NO_SUCH_DEVICE' },
      ]);
    });

    it('pulses SVR5 modules and instances', () => {
      const plan = planStep([
        e('unloadCalled', { module: 'asyc' }),
        e('cfgRemove', { module: 'asyc', device: 'asyc0' }),
        e('moduleFreed', { module: 'asyc' }),
      ]);
      expect(pulses(plan.cues).map((c) => `${c.node} ${c.label}`)).toEqual([
        'module:asyc Unload called',
        'device:asyc0 CFG_REMOVE',
        'module:asyc module freed',
      ]);
    });

    it('starts a token after the pulses before it, and a pulse after the token before it arrives', () => {
      const plan = planStep([
        e('deviceCreated', { device: 'Fdo' }),
        ...stackIrp('IRP_MN_REMOVE_DEVICE', ['Fdo', 'Pdo']),
        e('deviceDeleted', { device: 'Fdo' }),
      ]);
      const [created, ...rest] = plan.cues;
      const hops = tokens(rest);
      const deleted = pulses(rest)[0];
      expect(created?.at).toBe(0);
      expect(hops[0]?.at).toBe(TIMING.pulseGap);
      const arrival = TIMING.pulseGap + TIMING.appear + TIMING.hop;
      expect(deleted?.at).toBe(arrival);
      const ats = plan.cues.map((c) => c.at);
      expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    });
  });

  describe('when the user prefers reduced motion', () => {
    it('moves nothing: each delivery is a labelled pulse at its device, in the same order', () => {
      const plan = planStep(stackIrp('IRP_MN_QUERY_REMOVE_DEVICE', ['Filter', 'Fdo', 'Pdo']), {
        motion: false,
      });
      expect(tokens(plan.cues)).toEqual([]);
      expect(pulses(plan.cues).map((c) => [c.at, c.node, c.label])).toEqual([
        [0, 'device:Filter', 'QUERY_REMOVE'],
        [TIMING.hop, 'device:Fdo', 'QUERY_REMOVE'],
        [2 * TIMING.hop, 'device:Pdo', 'QUERY_REMOVE'],
      ]);
    });

    it('still shows every state change', () => {
      const events = [
        ...stackIrp('IRP_MN_REMOVE_DEVICE', ['Fdo', 'Pdo']),
        e('deviceDeleted', { device: 'Pdo' }),
        e('unloadCalled', { driver: 'Toaster' }),
      ];
      const still = pulses(planStep(events, { motion: false }).cues).map((c) => c.node);
      const moving = pulses(planStep(events).cues).map((c) => c.node);
      expect(still).toEqual(['device:Fdo', 'device:Pdo', ...moving]);
    });
  });

  describe('when a step has many events', () => {
    const many = Array.from({ length: 40 }, (_, i) => e('deviceCreated', { device: `d${i}` }));

    it('compresses the step to the cap, keeping the order', () => {
      const plan = planStep(many);
      expect(plan.total).toBeLessThanOrEqual(TIMING.cap);
      expect(plan.total).toBeGreaterThan(TIMING.cap - 1);
      expect(pulses(plan.cues).map((c) => c.node)).toEqual(many.map((x) => `device:${x.device}`));
    });

    it('does not compress when the cap is lifted', () => {
      expect(planStep(many, { cap: Infinity }).total).toBe(39 * TIMING.pulseGap + TIMING.pulse);
    });
  });
});

describe('scalePlan', () => {
  const plan = planStep(stackIrp('IRP_MN_REMOVE_DEVICE', ['Fdo', 'Pdo']));

  it('divides every time by the speed', () => {
    const fast = scalePlan(plan, 1 / 2);
    expect(fast.total).toBe(plan.total / 2);
    expect(fast.cues.map((c) => c.at)).toEqual(plan.cues.map((c) => c.at / 2));
  });

  it('makes everything instant with factor 0', () => {
    const instant = scalePlan(plan, 0);
    expect(instant.total).toBe(0);
    expect(instant.cues.every((c) => c.at === 0 && c.duration === 0)).toBe(true);
  });
});

describe('with the real kernel', () => {
  describe('when the Toaster stack is removed in order', () => {
    const events = eventsOf(afterDefault('windows'), {
      do: 'requestRemove',
      device: 'ToasterFdo',
      present: false,
    });
    const plan = planStep(events);

    it('sends QUERY_REMOVE then REMOVE top-down', () => {
      expect(moves(plan.cues)).toEqual([
        'QUERY_REMOVE device:ToastFilterDo→device:ToasterFdo',
        'QUERY_REMOVE device:ToasterFdo→device:ToasterPdo',
        'REMOVE device:ToastFilterDo→device:ToasterFdo',
        'REMOVE device:ToasterFdo→device:ToasterPdo',
      ]);
    });

    it('pulses the deletions and the unloads, within the cap', () => {
      const labels = pulses(plan.cues).map((c) => `${c.node} ${c.label}`);
      expect(labels).toContain('device:ToasterFdo deleted');
      expect(labels).toContain('driver:Toaster Unload called');
      expect(labels).toContain('driver:ToastFilter image freed');
      expect(plan.total).toBeLessThanOrEqual(TIMING.cap);
    });
  });

  describe('when a filter vetoes the query', () => {
    it('cancels bottom-up', () => {
      const base = defaultScenario('windows');
      if (base.os !== 'windows') throw new Error('expected a Windows scenario');
      const vetoing: WindowsScenario = {
        ...base,
        steps: base.steps.map((s) =>
          s.do === 'loadDriver' && s.driver === 'ToastFilter' ? { ...s, vetoesQueryRemove: true } : s,
        ),
      };
      const run = runScenario(vetoing);
      const world = run.steps[run.steps.length - 1]?.world;
      if (!world) throw new Error('no world');
      const plan = planStep(eventsOf(world, { do: 'requestRemove', device: 'ToasterFdo', present: false }));
      expect(moves(plan.cues)).toEqual([
        'CANCEL_REMOVE device:ToasterPdo→device:ToasterFdo',
        'CANCEL_REMOVE device:ToasterFdo→device:ToastFilterDo',
      ]);
      expect(pulses(plan.cues)[0]).toMatchObject({ node: 'device:ToastFilterDo', tone: 'danger' });
    });
  });

  describe('when a serial port closes on SVR5', () => {
    it('pulses the instance and the module', () => {
      const plan = planStep(eventsOf(afterDefault('svr5'), { do: 'close', channel: 'tty1' }));
      expect(tokens(plan.cues)).toEqual([]);
      expect(pulses(plan.cues).length).toBeGreaterThan(0);
      expect(pulses(plan.cues).every((c) => /^(module|device|channel):/.test(c.node))).toBe(true);
    });
  });
});
