import type { LinuxModule, OpenFile } from './types';

/**
 * Whose device file is it? A paste of lsof or fuser names files, not
 * modules. A file is a module's when its name starts with the module's
 * (`nvidia0`, `nvidiactl` are nvidia's; `nvidia-uvm` is nvidia_uvm's, the
 * longest name winning); the others are nobody's — the explanation offers
 * them to the one module asked about, when there is one, as a question.
 */
export function filesByModule(
  files: readonly OpenFile[],
  modules: readonly LinuxModule[],
): { owned: Map<string, OpenFile[]>; loose: OpenFile[] } {
  const names = modules.map((m) => m.name).sort((a, b) => b.length - a.length);
  const owned = new Map<string, OpenFile[]>();
  const loose: OpenFile[] = [];
  for (const f of files) {
    const base = (f.path.split('/').pop() ?? '').toLowerCase().replace(/-/g, '_');
    const name = names.find((n) => n.length >= 2 && base.startsWith(n.toLowerCase()));
    if (name === undefined) {
      loose.push(f);
      continue;
    }
    const list = owned.get(name) ?? [];
    list.push(f);
    owned.set(name, list);
  }
  return { owned, loose };
}
