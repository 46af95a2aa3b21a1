import type { StepResult } from '../types';
import type { Svr5Action } from './actions';
import { waitForUnload } from './daemon';
import { load } from './lifecycle';
import type { Svr5World } from './model';
import type { Svr5Tx } from './tx';

/**
 * STREAMS modules (DLKM guide, automatic loading and unloading): the first
 * I_PUSH of a loadable STREAMS module that is not loaded autoloads it; each
 * stream it is pushed on holds it; on its last I_POP it becomes a candidate
 * for auto-unloading, and the daemon unloads it after the unload delay.
 */

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

/** ioctl(I_PUSH): the module goes on top of the stream; autoloaded on first use. */
export function push(tx: Svr5Tx, a: Act<'push'>): Result {
  const ch = tx.channels.get(a.channel);
  if (!ch) {
    return tx.refuse('EBADF', 'svr5.streams.invalid', `no stream is open as ${a.channel}`, {
      channel: a.channel,
    });
  }
  const m = tx.modules.get(a.module);
  if (!m?.streams) {
    return tx.refuse('EINVAL', 'svr5.streams.invalid', `${a.module} is not a STREAMS module`, {
      channel: a.channel,
      module: a.module,
    });
  }
  const pushed = ch.pushed ?? [];
  if (pushed.includes(a.module)) {
    return tx.refuse('EEXIST', 'svr5.streams.invalid', `${a.module} is already pushed on ${a.channel}`, {
      channel: a.channel,
      module: a.module,
    });
  }
  // A push that meets the module's _unload in progress waits for it, as an open does.
  waitForUnload(tx, a.module, `the I_PUSH of ${a.module}`);
  if (!tx.mod(a.module).loaded) {
    const s = load(tx, a.module, 'auto');
    if (s !== '0') return tx.done(s);
  }
  const now = tx.mod(a.module);
  const wasIdle = now.pushedOn.size === 0 && tx.autoCandidates.has(now.name) && now.idleSince !== null;
  tx.patchModule(a.module, { pushedOn: now.pushedOn.add(a.channel), idleSince: null });
  tx.channels = tx.channels.set(a.channel, { ...ch, pushed: [...pushed, a.module] });
  tx.emit('modulePushed', wasIdle ? 'svr5.auto.idleRestart' : 'svr5.streams.push', {
    module: a.module,
    channel: a.channel,
    time: tx.clock,
  });
  return tx.done();
}

/** ioctl(I_POP): the topmost module comes off the stream. */
export function pop(tx: Svr5Tx, a: Act<'pop'>): Result {
  const ch = tx.channels.get(a.channel);
  if (!ch) {
    return tx.refuse('EBADF', 'svr5.streams.invalid', `no stream is open as ${a.channel}`, {
      channel: a.channel,
    });
  }
  if ((ch.pushed ?? []).length === 0) {
    return tx.refuse('EINVAL', 'svr5.streams.invalid', `no module is pushed on ${a.channel}`, {
      channel: a.channel,
    });
  }
  popTop(tx, a.channel, 'svr5.streams.pop');
  return tx.done();
}

/** Closing a stream pops every module still on it, top first [MODEL: svr5.streams.closePops]. */
export function popAll(tx: Svr5Tx, channel: string): void {
  while ((tx.channels.get(channel)?.pushed ?? []).length > 0) popTop(tx, channel, 'svr5.streams.closePops');
}

function popTop(tx: Svr5Tx, channel: string, rule: 'svr5.streams.pop' | 'svr5.streams.closePops'): void {
  const ch = tx.channels.get(channel)!;
  const pushed = ch.pushed ?? [];
  const name = pushed[pushed.length - 1]!;
  tx.channels = tx.channels.set(channel, { ...ch, pushed: pushed.slice(0, -1) });
  const m = tx.mod(name);
  const pushedOn = m.pushedOn.delete(channel);
  const idle = pushedOn.size === 0 && m.openChannels.size === 0 && m.dependents.size === 0;
  tx.patchModule(name, idle ? { pushedOn, idleSince: tx.clock } : { pushedOn });
  tx.emit('modulePopped', rule, {
    module: name,
    channel,
    time: tx.clock,
    ...(idle
      ? { reason: 'its last I_POP: it is idle now, a candidate for auto-unload after the delay' }
      : {}),
  });
}
