import type { LinuxRef } from './events';
import { addTaint, refcnt, type LinuxModule } from './model';
import { BLOCKED, freeModule } from './load';
import { unregisterDriver } from './driver';
import { putKobject } from './kobject';
import type { LinuxResult, LinuxTx } from './tx';

/** Unloading: delete_module (kernel/module/main.c) and the tools that call it (kmod's rmmod, modprobe -r). */

type Privileged = { privileged?: boolean };

function denied(tx: LinuxTx, a: Privileged & { module: string }): LinuxResult | null {
  if (a.privileged !== false && !tx.options.modulesDisabled) return null;
  const why = a.privileged === false ? 'the caller lacks CAP_SYS_MODULE' : 'modules_disabled is 1';
  return tx.refuse('EPERM', 'linux.perm', why, { module: a.module });
}

/** What holds a reference, as objects: open files, kernel references, the loader, holders. */
export function refBlockers(m: LinuxModule): LinuxRef[] {
  return m.refs.toArray().map((r): LinuxRef => {
    const [kind, name] = r.includes(':') ? (r.split(':', 2) as [string, string]) : ['init', r];
    if (kind === 'file') return { kind: 'file', name };
    if (kind === 'holder') return { kind: 'module', name };
    return { kind: 'reference', name: kind === 'ref' ? name : r };
  });
}

/** The raw syscall, from the user's side. */
export function deleteModule(
  tx: LinuxTx,
  a: Privileged & { module: string; trunc?: boolean; nonblock?: boolean },
): LinuxResult {
  return (
    denied(tx, a) ??
    tx.done(deleteCore(tx, a.module, a.trunc === true, 'delete_module', a.nonblock !== false))
  );
}

/** rmmod [-f]: kmod's check_module_inuse unless -f, then delete_module(O_NONBLOCK[|O_TRUNC]). */
export function rmmod(tx: LinuxTx, a: Privileged & { module: string; force?: boolean }): LinuxResult {
  const no = denied(tx, a);
  if (no) return no;
  const m = tx.modules.get(a.module);
  if (a.force !== true) {
    if (!m?.state) {
      return tx.refuse(
        'ENOENT',
        'linux.rmmod.check',
        `rmmod: ERROR: Module ${a.module} is not currently loaded`,
        { module: a.module },
      );
    }
    if (m.holders.size > 0) {
      const blockers = m.holders.toArray().map((n): LinuxRef => ({ kind: 'module', name: n }));
      const who = m.holders.join(' ');
      return tx.refuse(
        'EBUSY',
        'linux.rmmod.check',
        `rmmod: ERROR: Module ${a.module} is in use by: ${who}`,
        { module: a.module, blockers },
      );
    }
    if (refcnt(m) > 0) {
      const reason = `rmmod: ERROR: Module ${a.module} is in use`;
      return tx.refuse('EBUSY', 'linux.rmmod.check', reason, { module: a.module, blockers: refBlockers(m) });
    }
  }
  return tx.done(deleteCore(tx, a.module, a.force === true, a.force === true ? 'rmmod -f' : 'rmmod'));
}

/** modprobe -r: refused while in use; else the module, then its dependencies whose refcnt is now 0. */
export function modprobeRemove(tx: LinuxTx, a: Privileged & { module: string }): LinuxResult {
  const no = denied(tx, a);
  if (no) return no;
  const m = tx.modules.get(a.module);
  if (!m?.state)
    return tx.refuse(
      'ENOENT',
      'linux.modprobe.remove',
      `modprobe: FATAL: Module ${a.module} is not in kernel.`,
      { module: a.module },
    );
  if (refcnt(m) > 0) {
    const reason = `modprobe: FATAL: Module ${a.module} is in use.`;
    return tx.refuse('EBUSY', 'linux.modprobe.remove', reason, {
      module: a.module,
      blockers: refBlockers(m),
    });
  }
  const status = deleteCore(tx, a.module, false, 'modprobe -r');
  if (status === '0') removeUnusedDeps(tx, m.dependsOn);
  return tx.done(status);
}

/** rmmod_do_remove_module's tail: each dependency with refcnt 0 goes too, and then its own. */
function removeUnusedDeps(tx: LinuxTx, deps: readonly string[]): void {
  for (const dep of deps) {
    const d = tx.modules.get(dep);
    if (!d?.state || refcnt(d) !== 0) continue;
    if (deleteCore(tx, dep, false, 'modprobe -r') === '0') removeUnusedDeps(tx, d.dependsOn);
  }
}

/**
 * delete_module's checks, in the source's order, then GOING → exit →
 * free_module. Refusals are events; the answer is returned (the caller ends the step).
 */
function deleteCore(tx: LinuxTx, name: string, trunc: boolean, by: string, nonblock = true): string {
  const refuse = (
    status: string,
    rule: Parameters<LinuxTx['emit']>[1],
    reason: string,
    blockers?: LinuxRef[],
  ) => {
    tx.emit('refused', rule, { module: name, status, reason, by, ...(blockers ? { blockers } : {}) });
    return status;
  };
  const m = tx.modules.get(name);
  if (!m?.state) return refuse('ENOENT', 'linux.delete.noent', `no module ${name} is loaded`);
  if (m.state === 'unformed')
    return refuse('ENOENT', 'linux.state.unformed', `${name} is still being set up`);
  if (m.holders.size > 0) {
    const blockers = m.holders.toArray().map((n): LinuxRef => ({ kind: 'module', name: n }));
    return refuse(
      'EWOULDBLOCK',
      'linux.delete.holders',
      `other modules use ${name}: ${m.holders.join(', ')}`,
      blockers,
    );
  }
  if (m.state !== 'live') {
    const rule = m.state === 'coming' ? 'linux.state.coming' : 'linux.state.going';
    return refuse(
      'EBUSY',
      rule,
      m.state === 'coming' ? `${name}'s init is still running` : `${name} is already going`,
    );
  }
  const ignored = trunc && !tx.options.forceUnload ? ' (O_TRUNC ignored: no CONFIG_MODULE_FORCE_UNLOAD)' : '';
  let forced = false;
  if (m.hasInit && !m.hasExit) {
    forced = tryForce(tx, name, trunc);
    if (!forced)
      return refuse(
        'EBUSY',
        'linux.delete.noExit',
        `${name} has an init function but no exit function${ignored}`,
      );
  }
  const canForce = trunc && tx.options.forceUnload;
  if (refcnt(m) > 0 && !nonblock && tx.options.waitingDelete && !canForce && !forced) {
    tx.patchModule(name, { state: 'going', waiter: true });
    tx.emit('moduleGoing', 'linux.delete.waitOld', { module: name, state: 'going', by });
    tx.emit('deleteWaiting', 'linux.delete.waitOld', {
      module: name,
      blockers: refBlockers(m),
      reason: `${by} sleeps until ${name}'s refcnt (${refcnt(m)}) is 0`,
    });
    return BLOCKED;
  }
  if (refcnt(m) > 0) {
    forced = tryForce(tx, name, trunc) || forced;
    if (!forced)
      return refuse(
        'EWOULDBLOCK',
        'linux.delete.refcnt',
        `${name}'s refcnt is ${refcnt(m)}${ignored}`,
        refBlockers(m),
      );
  }
  tx.patchModule(name, { state: 'going', forcedOut: forced });
  tx.emit('moduleGoing', 'linux.delete.exit', { module: name, state: 'going', by });
  if (!m.hasExit) {
    freeModule(tx, name);
    return '0';
  }
  tx.emit('exitCalled', 'linux.delete.exit', { module: name });
  if (m.exitSleeps) {
    tx.emit('exitWaiting', 'linux.state.going', { module: name, state: 'going' });
    return BLOCKED;
  }
  exitBody(tx, name);
  return '0';
}

/** What exit does (its driver, its kobject), then free_module. */
function exitBody(tx: LinuxTx, name: string): void {
  const m = tx.mod(name);
  if (m.driverRegistered) unregisterDriver(tx, name);
  const k = tx.kobjects.find((o) => o.module === name && o.generation === m.generation && o.refs.has('self'));
  if (k) putKobject(tx, k.name, 'self');
  freeModule(tx, name);
}

/** try_force_unload: O_TRUNC with CONFIG_MODULE_FORCE_UNLOAD taints R and lets the module go. */
function tryForce(tx: LinuxTx, name: string, trunc: boolean): boolean {
  if (!trunc || !tx.options.forceUnload) return false;
  if (!tx.taint.includes('R')) {
    tx.taint = addTaint(tx.taint, 'R');
    tx.emit('kernelTainted', 'linux.taint.forced', { module: name, state: tx.taint });
  }
  return true;
}

/** A sleeping exit wakes: it unregisters its driver and puts its kobject, and the module is freed. */
export function finishExit(tx: LinuxTx, a: { module: string }): LinuxResult {
  if (tx.modules.get(a.module)?.state !== 'going') {
    return tx.refuse('EINVAL', 'linux.delete.exit', `${a.module}'s exit is not running`, {
      module: a.module,
    });
  }
  exitBody(tx, a.module);
  return tx.done('0');
}

/**
 * module_put on a GOING module with a waiter (kernels before 3.13): the last
 * one wakes the sleeping delete_module, which runs exit and frees it.
 */
export function wakeWaiter(tx: LinuxTx, name: string): void {
  const m = tx.modules.get(name);
  if (!m || m.state !== 'going' || !m.waiter || refcnt(m) > 0) return;
  tx.patchModule(name, { waiter: false });
  tx.emit('exitCalled', 'linux.delete.waitOld', { module: name });
  if (m.exitSleeps) {
    tx.emit('exitWaiting', 'linux.state.going', { module: name, state: 'going' });
    return;
  }
  exitBody(tx, name);
}
