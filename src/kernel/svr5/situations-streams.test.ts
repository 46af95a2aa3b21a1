import { describe, expect, it } from 'vitest';
import { explainUnload } from '../explain';
import { kernel } from '../testing';
import type { Svr5Action } from './actions';

/**
 * Issue 19, SVR5: STREAMS modules autoloaded by I_PUSH and auto-unloaded
 * after I_POP. Source: the DLKM guide's "Automatic unloading" ("a loadable
 * STREAMS module would become a candidate for auto-unloading on its last
 * I_POP"), shared/domain/svr5.md §2 (autoload on the first STREAMS push) and
 * moduload(2) (EBUSY while there are outstanding references).
 */

const svr5 = () => kernel('svr5');
const setup: Svr5Action[] = [
  { do: 'registerModule', module: 'tty', ddi: '8', devices: ['tty0'] },
  { do: 'registerModule', module: 'ldterm', ddi: '8', streams: true },
  { do: 'open', device: 'tty0', channel: 's1' },
  { do: 'open', device: 'tty0', channel: 's2' },
];

describe('a STREAMS module', () => {
  it('is autoloaded by its first I_PUSH and held by every stream it is on', () => {
    const run = svr5()
      .setup(...setup)
      .do({ do: 'push', channel: 's1', module: 'ldterm' })
      .expectStatus('0')
      .expectEvents('loadCalled', 'moduleLoaded', 'modulePushed');
    expect(run.last.events.find((e) => e.type === 'loadCalled')?.by).toBe('auto');
    run.do({ do: 'push', channel: 's2', module: 'ldterm' }).expectNoEvents('loadCalled');
    expect(run.world.modules.get('ldterm')?.pushedOn.toArray()).toEqual(['s1', 's2']);
  });

  it('answers a demand unload with EBUSY while pushed, without calling _unload', () => {
    const run = svr5()
      .setup(...setup, { do: 'push', channel: 's1', module: 'ldterm' })
      .do({ do: 'unloadModule', module: 'ldterm' })
      .expectStatus('EBUSY')
      .expectNoEvents('unloadCalled');
    expect(run.eventsOf('refused')[0]).toMatchObject({ rule: 'svr5.streams.pushed' });
    const pushed = explainUnload(run.world, 'ldterm').conditions.find((c) => c.id === 'notPushed');
    expect(pushed).toMatchObject({ met: false, blockers: [{ kind: 'channel', name: 's1' }] });
  });

  it('becomes idle on its last I_POP, and the daemon unloads it after the delay', () => {
    const run = svr5()
      .setup(
        ...setup,
        { do: 'push', channel: 's1', module: 'ldterm' },
        { do: 'push', channel: 's2', module: 'ldterm' },
      )
      .do({ do: 'pop', channel: 's1' })
      .expectEvents('modulePopped');
    expect(run.world.modules.get('ldterm')?.idleSince).toBeNull();
    run.do({ do: 'pop', channel: 's2' });
    expect(run.eventsOf('modulePopped')[0]).toMatchObject({ rule: 'svr5.streams.pop', time: 0 });
    expect(run.world.modules.get('ldterm')?.idleSince).toBe(0);
    run.do({ do: 'advanceTime', seconds: 30 }).expectNoEvents('unloadCalled');
    run.do({ do: 'advanceTime', seconds: 30 }).expectEvents('daemonWake', 'unloadCalled', 'moduleFreed');
    // The tty driver stays: its streams are still open.
    expect(run.world.modules.get('tty')?.loaded).toBe(true);
  });

  it('is popped when its stream is closed (a marked choice)', () => {
    const run = svr5()
      .setup(...setup, { do: 'push', channel: 's1', module: 'ldterm' })
      .do({ do: 'close', channel: 's1' })
      .expectEvents('modulePopped', 'channelClosed');
    expect(run.eventsOf('modulePopped')[0]?.model).toBeTruthy();
    expect(run.world.modules.get('ldterm')?.pushedOn.size).toBe(0);
  });

  it('refuses I_POP on a stream with nothing pushed, and I_PUSH of a module that is not STREAMS', () => {
    svr5()
      .setup(...setup)
      .do({ do: 'pop', channel: 's1' })
      .expectStatus('EINVAL');
    svr5()
      .setup(...setup)
      .do({ do: 'push', channel: 's1', module: 'tty' })
      .expectStatus('EINVAL');
    svr5()
      .setup(...setup)
      .do({ do: 'push', channel: 'nope', module: 'ldterm' })
      .expectStatus('EBADF');
  });
});
