import { dropRef, ranFreedCode, takeRef, tryModuleGet } from './refs';
import type { LinuxResult, LinuxTx } from './tx';
import { wakeWaiter } from './unload';

/** Open files (fops.owner) and kernel references (try_module_get/module_put). */

export function open(tx: LinuxTx, a: { file: string; device: string }): LinuxResult {
  if (tx.files.has(a.file))
    return tx.refuse('EINVAL', 'linux.fops.open', `file ${a.file} is already open`, { file: a.file });
  const d = tx.devices.get(a.device);
  if (!d?.present || d.boundTo === null) {
    const why = d?.present ? `${a.device} has no driver bound: no device node` : `no device ${a.device}`;
    return tx.refuse('ENXIO', 'linux.fops.noNode', why, { device: a.device, file: a.file });
  }
  const module = d.boundTo;
  const m = tx.mod(module);
  if (ranFreedCode(tx, module, m.generation, 'fops_get', { device: a.device, file: a.file })) {
    return tx.done('Oops');
  }
  if (!tryModuleGet(tx, module)) {
    const why = `try_module_get(${module}) failed: ${module} is going`;
    return tx.refuse('ENXIO', 'linux.state.going', why, { module, device: a.device, file: a.file });
  }
  takeRef(tx, module, `file:${a.file}`, 'linux.fops.open', { file: a.file, device: a.device });
  tx.files = tx.files.set(a.file, {
    name: a.file,
    device: a.device,
    module,
    generation: m.generation,
    orphaned: false,
  });
  tx.patchDevice(a.device, { files: tx.dev(a.device).files.add(a.file) });
  tx.emit('fileOpened', 'linux.fops.open', { module, device: a.device, file: a.file });
  return tx.done('0');
}

export function read(tx: LinuxTx, a: { file: string }): LinuxResult {
  const f = tx.files.get(a.file);
  if (!f) return tx.refuse('EBADF', 'linux.fops.open', `no open file ${a.file}`, { file: a.file });
  if (ranFreedCode(tx, f.module, f.generation, 'read()', { file: f.name, device: f.device }))
    return tx.done('Oops');
  if (f.orphaned) {
    const reason = `${f.device}'s remove() ran: the driver answers ENODEV`;
    tx.emit('fileRead', 'linux.fops.afterRemove', {
      module: f.module,
      device: f.device,
      file: f.name,
      status: 'ENODEV',
      reason,
    });
    return tx.done('ENODEV');
  }
  tx.emit('fileRead', 'linux.fops.open', { module: f.module, device: f.device, file: f.name, status: '0' });
  return tx.done('0');
}

/** The last close: release(), then fops_put → module_put. */
export function close(tx: LinuxTx, a: { file: string }): LinuxResult {
  const f = tx.files.get(a.file);
  if (!f) return tx.refuse('EBADF', 'linux.fops.release', `no open file ${a.file}`, { file: a.file });
  tx.files = tx.files.remove(a.file);
  const d = tx.devices.get(f.device);
  if (d) tx.patchDevice(f.device, { files: d.files.remove(a.file) });
  if (ranFreedCode(tx, f.module, f.generation, 'release()', { file: f.name, device: f.device })) {
    tx.emit('fileClosed', 'linux.fops.release', { file: f.name, device: f.device });
    return tx.done('Oops');
  }
  tx.emit('releaseCalled', 'linux.fops.release', { module: f.module, device: f.device, file: f.name });
  dropRef(tx, f.module, `file:${f.name}`, 'linux.fops.release', { file: f.name });
  tx.emit('fileClosed', 'linux.fops.release', { module: f.module, device: f.device, file: f.name });
  wakeWaiter(tx, f.module);
  return tx.done('0');
}

export function moduleGet(tx: LinuxTx, a: { module: string; ref: string }): LinuxResult {
  if (tx.refs.has(a.ref))
    return tx.refuse('EINVAL', 'linux.ref.get', `reference ${a.ref} is already held`, { reference: a.ref });
  const m = tx.modules.get(a.module);
  if (!m) return tx.refuse('ENOENT', 'linux.load.notFound', `no module ${a.module}`, { module: a.module });
  if (!tryModuleGet(tx, a.module)) {
    const rule = m.state === 'going' ? 'linux.state.going' : 'linux.ref.get';
    const why = `try_module_get(${a.module}) answered false: ${m.state === 'going' ? 'it is going' : 'it is not loaded'}`;
    return tx.refuse('ENODEV', rule, why, { module: a.module, reference: a.ref });
  }
  takeRef(tx, a.module, `ref:${a.ref}`, 'linux.ref.get');
  tx.refs = tx.refs.set(a.ref, { name: a.ref, module: a.module, generation: m.generation });
  return tx.done('0');
}

export function modulePut(tx: LinuxTx, a: { ref: string }): LinuxResult {
  const r = tx.refs.get(a.ref);
  if (!r) return tx.refuse('EINVAL', 'linux.ref.put', `no reference ${a.ref} is held`, { reference: a.ref });
  tx.refs = tx.refs.remove(a.ref);
  if (ranFreedCode(tx, r.module, r.generation, 'module_put', { reference: a.ref })) return tx.done('Oops');
  dropRef(tx, r.module, `ref:${a.ref}`, 'linux.ref.put');
  wakeWaiter(tx, r.module);
  return tx.done('0');
}
