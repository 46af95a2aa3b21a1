import { kobjectName } from './model';
import { ranFreedCode } from './refs';
import type { LinuxResult, LinuxTx } from './tx';

/** kobjects whose release() is a module's code (Documentation/core-api/kobject.rst). */

export function kobjectGet(tx: LinuxTx, a: { module: string; ref: string }): LinuxResult {
  const k = tx.kobjects.get(kobjectName(a.module));
  if (!k)
    return tx.refuse('ENOENT', 'linux.kobject.release', `${a.module} has no kobject`, { module: a.module });
  if (tx.kobjectRefs.has(a.ref))
    return tx.refuse('EINVAL', 'linux.kobject.release', `reference ${a.ref} is already held`, {
      reference: a.ref,
    });
  tx.kobjects = tx.kobjects.set(k.name, { ...k, refs: k.refs.add(a.ref) });
  tx.kobjectRefs = tx.kobjectRefs.set(a.ref, k.name);
  tx.emit('kobjectGet', 'linux.kobject.release', {
    module: k.module,
    kobject: k.name,
    reference: a.ref,
    state: String(k.refs.size + 1),
  });
  return tx.done('0');
}

export function kobjectPut(tx: LinuxTx, a: { ref: string }): LinuxResult {
  const k = tx.kobjectRefs.get(a.ref);
  if (k === undefined)
    return tx.refuse('EINVAL', 'linux.kobject.release', `no kobject reference ${a.ref} is held`, {
      reference: a.ref,
    });
  tx.kobjectRefs = tx.kobjectRefs.remove(a.ref);
  return tx.done(putKobject(tx, k, a.ref));
}

/** kobject_put: the last one calls release(), which is the module's code. */
export function putKobject(tx: LinuxTx, name: string, ref: string): string {
  const k = tx.kobjects.get(name);
  if (!k) return '0';
  const refs = k.refs.remove(ref);
  tx.kobjects = tx.kobjects.set(name, { ...k, refs });
  tx.emit('kobjectPut', 'linux.kobject.release', {
    module: k.module,
    kobject: name,
    reference: ref,
    state: String(refs.size),
  });
  if (refs.size > 0) return '0';
  tx.kobjects = tx.kobjects.remove(name);
  if (ranFreedCode(tx, k.module, k.generation, 'kobject release()', { kobject: name })) return 'Oops';
  tx.emit('kobjectReleased', 'linux.kobject.release', { module: k.module, kobject: name });
  return '0';
}
