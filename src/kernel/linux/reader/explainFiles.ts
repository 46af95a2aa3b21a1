import { linuxFinding, RULES, step, type LinuxFinding } from './finding';
import type { LinuxModule, OpenFile } from './types';

/**
 * What holds a module's reference count besides the modules using it: the
 * open files of its devices (fops.owner = THIS_MODULE takes one per open
 * file), and what is left when no printed file explains the count — a
 * kernel reference, or a question the paste cannot answer.
 */

/** What the paste shows of open files: whether lsof or fuser printed any, and whether some are tied to no module. */
export interface FilesSeen {
  readonly looked: boolean;
  readonly loose: boolean;
}

/** Open files: each process, with the file and the command to free it. */
export function fileFindings(
  m: LinuxModule | undefined,
  files: readonly OpenFile[],
  guessed = false,
): LinuxFinding[] {
  const byPid = new Map<string, OpenFile[]>();
  for (const f of files) {
    const key = f.pid === null ? 'kernel' : String(f.pid);
    const list = byPid.get(key) ?? [];
    list.push(f);
    byPid.set(key, list);
  }
  const out: LinuxFinding[] = [];
  for (const [pid, list] of byPid) {
    const first = list[0];
    if (!first) continue;
    const paths = [...new Set(list.map((f) => f.path))];
    const who = pid === 'kernel' ? 'the kernel' : `pid ${pid}${first.command ? ` (${first.command})` : ''}`;
    const what = paths.slice(0, 4).join(', ') + (paths.length > 4 ? ` and ${paths.length - 4} more` : '');
    const whose = m
      ? ` — ${m.name}'s device file if the name says so; each open file holds a reference on its module`
      : '';
    const text = `${who} holds ${what} open${list.length > paths.length ? ` (${list.length} descriptors or mappings)` : ''}${whose}.`;
    const path = paths[0] ?? '';
    const abs = path.startsWith('/') ? path : `/dev/${path}`;
    const next =
      pid === 'kernel'
        ? [step(`umount ${first.command ?? abs}`, 'the kernel uses it for a mount: unmount it first')]
        : [
            step(
              `kill ${pid}`,
              `ends ${first.command ?? 'the process'} (close or stop it properly if you can)`,
            ),
            step(`fuser -k ${abs}`, 'kills every process holding the file'),
          ];
    out.push(
      linuxFinding(
        'openFiles',
        !m ? 'note' : guessed ? 'unknown' : 'holds',
        text,
        list.map((f) => f.line),
        {
          ...(m ? { module: m.name } : {}),
          holder: who,
          rule: RULES.fops,
          next,
        },
      ),
    );
  }
  return out;
}

/** The reference count: what the printed holders and files explain, and what they do not. */
export function referenceFinding(
  m: LinuxModule,
  filesFound: boolean,
  seen: FilesSeen,
): LinuxFinding | undefined {
  const holders = new Set([...(m.usedBy ?? []), ...(m.holders ?? [])]).size;
  const inUse = m.errors.filter((e) => e.kind === 'inUse' || e.kind === 'wouldBlock').map((e) => e.line);
  const r = m.refcnt;
  if (r === undefined && inUse.length === 0) return undefined;
  if (r !== undefined && r <= 0) {
    if (r === 0 && holders === 0 && inUse.length === 0)
      return linuxFinding('references', 'clear', `${m.name}'s reference count is 0.`, m.lines.refcnt ?? [], {
        module: m.name,
        rule: RULES.deleteModule,
      });
    return undefined;
  }
  // Without a count, a refusal is explained by the modules using it when there are some (kmod checks holders first).
  if (r === undefined && holders > 0) return undefined;
  const extra = r === undefined ? undefined : r - holders;
  if (extra !== undefined && extra <= 0) return undefined;
  const count =
    r === undefined
      ? `rmmod saw a reference count above 0`
      : `refcnt ${r}${holders > 0 ? `, ${holders} of it from the modules using it` : ''}`;
  const lines = [...(m.lines.refcnt ?? []), ...inUse];
  if (filesFound)
    return linuxFinding(
      'references',
      'note',
      `${m.name}: ${count}; the open files above take the rest (one reference per open file).`,
      lines,
      {
        module: m.name,
        rule: RULES.fops,
      },
    );
  // Files tied to no module may be its: then the paste cannot tell a file's reference from a kernel one.
  if (seen.loose)
    return linuxFinding(
      'references',
      'unknown',
      `${m.name}: ${count}; the open files printed take the rest if they are its device files (their names do not say).`,
      lines,
      {
        module: m.name,
        rule: RULES.fops,
      },
    );
  if (!seen.looked)
    return linuxFinding(
      'references',
      'unknown',
      `${m.name}: ${count}${extra === undefined ? '' : `; ${extra} more held by open device files or by kernel code`}. The paste does not show which: look for processes holding its device files.`,
      lines,
      {
        module: m.name,
        rule: RULES.fops,
        next: [
          step(
            `lsof 2>/dev/null | grep -i ${m.name.split('_')[0]}`,
            'lists processes with its device files open',
          ),
          step(`fuser -v /dev/${m.name.split('_')[0]}*`, 'the same, by device file'),
        ],
      },
    );
  return linuxFinding(
    'references',
    'holds',
    `${m.name}: ${count}, and no process printed holds its files: a kernel reference (try_module_get) you cannot see from user space — another subsystem using it, or a leak in the module.`,
    lines,
    {
      module: m.name,
      holder: 'a kernel reference',
      rule: RULES.deleteModule,
      next: [
        step(
          `rmmod -f ${m.name}`,
          'only with CONFIG_MODULE_FORCE_UNLOAD; it taints the kernel (R) and may crash it — a reboot is safer',
        ),
      ],
    },
  );
}
