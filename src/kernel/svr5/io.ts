import type { Svr5Action } from './actions';
import type { StepResult } from '../types';
import { waitForUnload } from './daemon';
import { load } from './lifecycle';
import { popAll } from './streams';
import type { Svr5World } from './model';
import type { Svr5Tx } from './tx';

type Act<K extends Svr5Action['do']> = Extract<Svr5Action, { do: K }>;
type Result = StepResult<Svr5World>;

/** open(2): autoloads the module on the first open of one of its devices, then calls open(D2). */
export function open(tx: Svr5Tx, a: Act<'open'>): Result {
  if (tx.channels.has(a.channel)) {
    return tx.refuse('EEXIST', 'svr5.channel.invalid', `channel ${a.channel} is already open`, {
      channel: a.channel,
    });
  }
  const dev = tx.devices.get(a.device);
  if (!dev) {
    return tx.refuse('ENXIO', 'svr5.open.noDevice', `no device is named ${a.device}`, { device: a.device });
  }
  if (dev.removed) {
    const why = dev.addFailed ? 'its CFG_ADD failed: it is not configured' : 'it was removed (CFG_REMOVE)';
    return tx.refuse('ENODEV', 'svr5.open.noDevice', `${a.device}: ${why}`, {
      device: a.device,
      module: dev.module,
    });
  }
  if (dev.suspended) {
    return tx.refuse('EAGAIN', 'svr5.hot.suspendedIo', `${a.device} is suspended (CFG_SUSPEND)`, {
      device: a.device,
      module: dev.module,
      channel: a.channel,
    });
  }
  // An open that meets a _unload in progress sleeps until it returns, then goes on (autoloading if it was freed).
  waitForUnload(tx, dev.module, `the open of ${a.device}`);
  const m = tx.mod(dev.module);
  // An open restarts the idle clock of a module that was already loaded and idle (not one it autoloads).
  const wasIdle = m.loaded && m.idleSince !== null && tx.autoCandidates.has(m.name);
  if (!m.loaded) {
    if (m.hba) {
      return tx.refuse(
        'ENXIO',
        'svr5.load.hbaNoAutoload',
        `${m.name} is an HBA driver: it is never autoloaded`,
        {
          device: a.device,
          module: m.name,
        },
      );
    }
    const s = load(tx, m.name, 'auto');
    if (s !== '0') return tx.done(s);
    // The module loaded, but CFG_ADD failed for the very instance being opened [MODEL: svr5.load.addFails].
    if (tx.devices.get(a.device)?.removed) return tx.done('ENODEV');
  }
  const now = tx.mod(m.name);
  tx.patchDevice(a.device, { channels: tx.devices.get(a.device)!.channels.add(a.channel) });
  tx.channels = tx.channels.set(a.channel, { name: a.channel, device: a.device });
  tx.patchModule(m.name, { idleSince: null, openChannels: now.openChannels.add(a.channel) });
  tx.emit('openCalled', wasIdle ? 'svr5.auto.idleRestart' : 'svr5.open', {
    module: m.name,
    device: a.device,
    channel: a.channel,
    time: tx.clock,
  });
  tx.emit('channelOpened', 'svr5.open', { channel: a.channel, device: a.device, module: m.name });
  return tx.done();
}

/** close(2): close(D2) runs on the last close of the device; the module may become idle. */
export function close(tx: Svr5Tx, a: Act<'close'>): Result {
  const ch = tx.channels.get(a.channel);
  if (!ch)
    return tx.refuse('EBADF', 'svr5.channel.invalid', `no open channel is named ${a.channel}`, {
      channel: a.channel,
    });
  const dev = tx.devices.get(ch.device);
  if (!dev) throw new Error(`kernel invariant: device ${ch.device} is missing`);
  // Closing the stream dismantles it: each module still pushed on it is popped first.
  popAll(tx, a.channel);
  const left = dev.channels.delete(a.channel);
  tx.patchDevice(ch.device, { channels: left });
  tx.channels = tx.channels.delete(a.channel);
  const m = tx.mod(dev.module);
  const openChannels = m.openChannels.delete(a.channel);
  if (left.size === 0) {
    tx.emit('closeCalled', 'svr5.close.last', { module: dev.module, device: ch.device, channel: a.channel });
  }
  tx.emit('channelClosed', 'svr5.open', {
    channel: a.channel,
    device: ch.device,
    module: dev.module,
    time: tx.clock,
  });
  // The idle clock starts when nothing holds the module any more.
  tx.patchModule(
    dev.module,
    openChannels.size === 0 && m.dependents.size === 0 && m.pushedOn.size === 0
      ? { openChannels, idleSince: tx.clock }
      : { openChannels },
  );
  return tx.done();
}
