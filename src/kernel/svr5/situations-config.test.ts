import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { RULES } from '../rules';
import { kernel } from '../testing';
import { tty } from './cases.helpers';

/**
 * Issue 19, SVR5: config(D2)'s CFG_MODIFY and CFG_VERIFY. Sources:
 * config(D2) ("Tell the driver to use new hardware parameters for device
 * instance idata … it must obtain new parameters from the new resource
 * manager key"; CFG_MODIFY "may be used either to replace one piece of
 * hardware with another or to correct a hardware parameter value"),
 * _verify(D2) and _verify(D2mdi) (DDI 8 drivers implement _verify's check
 * with config's CFG_VERIFY subfunction).
 */

const svr5 = () => kernel('svr5');
const loadedHot = () =>
  svr5().setup(tty({ hot: true, verifyFails: ['tty1'] }), { do: 'loadModule', module: 'tty' });

describe('when CFG_MODIFY reaches an instance', () => {
  it('is refused with EBUSY while the instance runs: it must be suspended first (a marked choice)', () => {
    const run = loadedHot()
      .do({ do: 'modifyInstance', device: 'tty0' })
      .expectStatus('EBUSY')
      .expectNoEvents('cfgModify');
    const refusal = run.eventsOf('refused')[0];
    expect(refusal?.rule).toBe('svr5.config.modifySuspended');
    expect(refusal?.model).toBeTruthy();
    expect(RULES['svr5.config.modifySuspended'].note).toMatch(/config\(D2\)/);
  });

  it('gives a suspended instance new parameters and leaves it suspended until CFG_RESUME', () => {
    const run = loadedHot()
      .do({ do: 'suspendInstance', device: 'tty0' })
      .do({ do: 'modifyInstance', device: 'tty0' })
      .expectStatus('0')
      .expectEvents('cfgModify');
    expect(run.last.events[0]?.rule).toBe('svr5.config.modify');
    expect(run.world.devices.get('tty0')).toMatchObject({ suspended: true, modified: 1 });
    expect(explainUnload(run.world, 'tty').summary).toMatch(/tty0 is suspended \(tty0 with new parameters/);
    // Still no I/O: the new card is not in use until CFG_RESUME.
    run.do({ do: 'open', device: 'tty0', channel: 'c1' }).expectStatus('EAGAIN');
    run.do({ do: 'resumeInstance', device: 'tty0' }).expectStatus('0');
    run.do({ do: 'open', device: 'tty0', channel: 'c1' }).expectStatus('0');
    expect(run.world.devices.get('tty0')?.modified).toBe(1);
  });

  it('does not hold the module: after CFG_MODIFY and CFG_RESUME the driver still unloads', () => {
    loadedHot()
      .do({ do: 'suspendInstance', device: 'tty1' }, { do: 'modifyInstance', device: 'tty1' })
      .do({ do: 'resumeInstance', device: 'tty1' })
      .do({ do: 'unloadModule', module: 'tty' })
      .expectStatus('0')
      .expectEvents('moduleFreed');
  });

  it('is refused for a driver without config(D2), a driver not loaded and a removed instance', () => {
    svr5()
      .setup(
        { do: 'registerModule', module: 'old', ddi: '7', devices: ['old0'] },
        { do: 'loadModule', module: 'old' },
      )
      .do({ do: 'modifyInstance', device: 'old0' })
      .expectStatus('EOPNOTSUPP');
    svr5()
      .setup(tty({ hot: true }))
      .do({ do: 'modifyInstance', device: 'tty0' })
      .expectStatus('EINVAL');
    loadedHot()
      .do({ do: 'hotRemove', device: 'tty1' })
      .do({ do: 'modifyInstance', device: 'tty1' })
      .expectStatus('ENODEV');
  });
});

describe('when CFG_VERIFY asks about an instance’s hardware', () => {
  it('answers 0 for hardware the driver can manage, and changes nothing', () => {
    const before = loadedHot();
    const world = before.world;
    const run = before
      .do({ do: 'verifyInstance', device: 'tty0' })
      .expectStatus('0')
      .expectEvents('cfgVerify');
    expect(run.world.modules.get('tty')).toBe(world.modules.get('tty'));
    expect(run.world.devices.get('tty0')).toMatchObject({
      removed: false,
      suspended: false,
      lastVerify: '0',
    });
  });

  it('answers the driver’s ENODEV for hardware it cannot manage, without removing the instance', () => {
    const run = loadedHot().do({ do: 'verifyInstance', device: 'tty1' }).expectStatus('ENODEV');
    expect(run.last.events.map((e) => [e.type, e.status])).toEqual([['cfgVerify', 'ENODEV']]);
    expect(run.world.devices.get('tty1')).toMatchObject({ removed: false, lastVerify: 'ENODEV' });
    // The instance is still configured: an open works (CFG_VERIFY configures and removes nothing).
    run.do({ do: 'open', device: 'tty1', channel: 'c' }).expectStatus('0');
  });

  it('is asked only of a loaded DDI 8 driver (a marked choice)', () => {
    const run = svr5().setup(tty()).do({ do: 'verifyInstance', device: 'tty0' }).expectStatus('EINVAL');
    expect(run.eventsOf('refused')[0]).toMatchObject({ rule: 'svr5.config.invalid' });
    expect(run.eventsOf('refused')[0]?.model).toBeTruthy();
  });
});

describe('when a hotplug-aware MDI network driver is suspended and resumed', () => {
  // mdi_hw_suspended(D3mdi): "used in the CFG_SUSPEND subfunction to the config(D2mdi) entry point for
  // hotplug-aware MDI drivers"; mdi_hw_resumed(D3mdi): the same in CFG_RESUME.
  const net = () =>
    svr5().setup(
      { do: 'registerModule', module: 'e3D', ddi: '8', devices: ['e3D0'], hot: true, mdi: true },
      { do: 'loadModule', module: 'e3D' },
    );

  it('tells the dlpi module inside CFG_SUSPEND, and again inside CFG_RESUME', () => {
    const run = net().do({ do: 'suspendInstance', device: 'e3D0' });
    expect(run.last.events.map((e) => [e.type, e.state])).toEqual([
      ['cfgSuspend', undefined],
      ['mdiNotified', 'mdi_hw_suspended'],
    ]);
    run.do({ do: 'resumeInstance', device: 'e3D0' });
    expect(run.last.events.map((e) => [e.type, e.rule])).toEqual([
      ['cfgResume', 'svr5.hot.suspend'],
      ['mdiNotified', 'svr5.mdi.resumed'],
    ]);
  });

  it('also in the CFG_SUSPEND drv_detach sends at unload, just before CFG_REMOVE', () => {
    const run = net().do({ do: 'unloadModule', module: 'e3D' }).expectStatus('0');
    const t = run.types();
    expect(t.slice(t.indexOf('cfgSuspend'), t.indexOf('cfgRemove') + 1)).toEqual([
      'cfgSuspend',
      'mdiNotified',
      'cfgRemove',
    ]);
  });

  it('sends no MDI notice for a driver that is not MDI', () => {
    loadedHot().do({ do: 'suspendInstance', device: 'tty0' }).expectNoEvents('mdiNotified');
  });
});
