import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { kernel } from '../testing';
import type { Svr5Action } from './actions';
import { tty } from './cases.helpers';

/**
 * Issue 19, SVR5: static (non-loadable) modules and moduload(0). Sources:
 * the DLKM guide's "Static modules" ("A static module is nonloadable … the
 * module always remains linked into the kernel"); moduload(2) ("If modid
 * specifies 0 (zero), moduload attempts to unload all loadable modules";
 * "When moduload finds that it cannot demand-unload a module … it flags the
 * module as a candidate for subsequent unloading by the kernel's
 * auto-unload mechanism"; EINVAL: "modid does not specify a valid loadable
 * module identifier").
 */

const svr5 = () => kernel('svr5');
const kd: Svr5Action = { do: 'registerModule', module: 'kd', ddi: '8', devices: ['kd0'], static: true };

describe('a static module', () => {
  it('is present from boot: its instances configured, no _load called', () => {
    const run = svr5()
      .do(kd)
      .expectStatus('0')
      .expectEvents('cfgAdd', 'moduleLoaded')
      .expectNoEvents('loadCalled');
    expect(run.world.modules.get('kd')).toMatchObject({ loaded: true, loadedBy: 'static' });
    expect(run.last.events.find((e) => e.type === 'moduleLoaded')?.rule).toBe('svr5.static.linked');
  });

  it('answers modadmin -U with EINVAL, not EBUSY, and _unload is not called', () => {
    const run = svr5()
      .setup(kd)
      .do({ do: 'unloadModule', module: 'kd' })
      .expectStatus('EINVAL')
      .expectNoEvents('unloadCalled');
    expect(run.eventsOf('refused')[0]?.rule).toBe('svr5.static.notLoadable');
    // Not a candidate for auto-unload either: nothing ever unloads it.
    expect(run.world.autoCandidates.has('kd')).toBe(false);
    run.do({ do: 'advanceTime', seconds: 3600 }).expectNoEvents('unloadCalled');
    expect(run.world.modules.get('kd')?.loaded).toBe(true);
  });

  it('answers modadmin -l with EINVAL (a marked choice: there is no loadable module to load)', () => {
    const run = svr5().setup(kd).do({ do: 'loadModule', module: 'kd' }).expectStatus('EINVAL');
    expect(run.eventsOf('refused')[0]?.model).toBeTruthy();
  });

  it('serves opens with no autoload and stays loaded after the last close', () => {
    const run = svr5()
      .setup(kd)
      .do({ do: 'open', device: 'kd0', channel: 'c' })
      .expectStatus('0')
      .expectNoEvents('loadCalled');
    run.do({ do: 'close', channel: 'c' }, { do: 'advanceTime', seconds: 600 }).expectNoEvents('unloadCalled');
  });

  it('says so in the checklist: not a loadable module', () => {
    const x = explainUnload(svr5().do(kd).world, 'kd');
    expect(x.conditions.find((c) => c.id === 'loadable')).toMatchObject({
      met: false,
      rule: 'svr5.static.notLoadable',
    });
    expect(x.summary).toMatch(/static module, linked into the kernel/);
  });

  it('may depend only on static modules', () => {
    svr5()
      .setup(tty())
      .do({ do: 'registerModule', module: 'kd', ddi: '8', static: true, dependsOn: ['tty'] })
      .expectStatus('EINVAL');
  });
});

describe('modadmin -u 0 (moduload with modid 0)', () => {
  /** kd static; lp idle (autoloaded, closed); fd open; ip demand-loaded as tcp's dependency. */
  const machine = () =>
    svr5().setup(
      kd,
      { do: 'registerModule', module: 'lp', ddi: '8' },
      { do: 'registerModule', module: 'fd', ddi: '8' },
      { do: 'registerModule', module: 'ip', ddi: '8' },
      { do: 'registerModule', module: 'tcp', ddi: '8', dependsOn: ['ip'] },
      { do: 'open', device: 'lp0', channel: 'p' },
      { do: 'close', channel: 'p' },
      { do: 'open', device: 'fd0', channel: 'f' },
      { do: 'loadModule', module: 'tcp' },
    );

  it('unloads every loadable module nothing holds, a dependent before what it depends on', () => {
    const run = machine().do({ do: 'unloadAll' });
    const freed = run.eventsOf('moduleFreed').map((e) => e.module);
    expect(freed).toEqual(expect.arrayContaining(['lp', 'tcp', 'ip']));
    expect(freed.indexOf('tcp')).toBeLessThan(freed.indexOf('ip'));
    expect(run.world.modules.get('kd')?.loaded).toBe(true);
    expect(run.world.modules.get('fd')?.loaded).toBe(true);
  });

  it('refuses the busy one once, calling no _unload for it, and answers EBUSY (a marked choice)', () => {
    const run = machine().do({ do: 'unloadAll' }).expectStatus('EBUSY');
    expect(run.eventsOf('refused').map((e) => [e.module, e.rule])).toEqual([
      ['fd', 'svr5.seed.notWhileOpen'],
    ]);
    expect(run.eventsOf('unloadCalled').map((e) => e.module)).not.toContain('fd');
    const done = run.eventsOf('unloadAllDone')[0];
    expect(done).toMatchObject({ status: 'EBUSY', rule: 'svr5.unload.allStatus' });
    expect(done?.reason).toMatch(/kd \(static\), fd/);
    expect(done?.model).toBeTruthy();
  });

  it('makes a demand-loaded module it could not unload a candidate for auto-unload', () => {
    const run = svr5()
      .setup(tty(), { do: 'loadModule', module: 'tty' }, { do: 'open', device: 'tty0', channel: 'c' })
      .do({ do: 'unloadAll' })
      .expectStatus('EBUSY')
      .expectEvents('refused', 'autoUnloadCandidate');
    run.do({ do: 'close', channel: 'c' }, { do: 'advanceTime', seconds: 120 }).expectEvents('moduleFreed');
  });

  it('answers 0 when every loadable module went, leaving the static ones', () => {
    const run = svr5()
      .setup(kd, tty(), { do: 'loadModule', module: 'tty' })
      .do({ do: 'unloadAll' })
      .expectStatus('0');
    expect(run.world.modules.get('kd')?.loaded).toBe(true);
    expect(run.world.modules.get('tty')?.loaded).toBe(false);
  });

  it('answers an errno _unload returned, and keeps that module', () => {
    svr5()
      .setup(tty({ unloadReturns: 'EIO' }), { do: 'loadModule', module: 'tty' })
      .do({ do: 'unloadAll' })
      .expectStatus('EIO')
      .expectEvents('unloadCalled', 'unloadFailed');
  });
});
