import { fileFindings, referenceFinding, type FilesSeen } from './explainFiles';
import { linuxFinding, RULES, step, type LinuxFinding } from './finding';
import { filesByModule } from './files';
import type { LinuxModule, LinuxReading, OpenFile } from './types';

/**
 * Why the modules of a paste do not unload: for every module printed,
 * findings that name the blockers and the next command, each on its printed
 * lines — the modules the paste asks about (rmmod or modprobe -r typed, an
 * error printed, /sys/module/X read) first. The kernel's own findings
 * (taint) and open files no module explains come after.
 */

export interface ModuleAnswer {
  readonly module: string;
  /** The paste asks about it: a removal typed or refused, or /sys/module/X read. */
  readonly asked: boolean;
  readonly findings: readonly LinuxFinding[];
}

export interface LinuxExplanation {
  readonly modules: readonly ModuleAnswer[];
  /** About the kernel (taint) and about files the paste ties to no module. */
  readonly others: readonly LinuxFinding[];
}

export function explainLinux(reading: LinuxReading): LinuxExplanation {
  const byName = new Map(reading.modules.map((m) => [m.name, m]));
  const asked = reading.modules.filter(isAsked);
  const { owned, loose } = filesByModule(reading.files, reading.modules);
  // Files whose names tie them to no module: the one module asked about may own them (the engineer ran lsof on its device).
  const only = asked.length === 1 ? asked[0]?.name : undefined;
  const files: FilesSeen = { looked: reading.files.length > 0, loose: loose.length > 0 };
  const answer = (m: LinuxModule): ModuleAnswer => ({
    module: m.name,
    asked: isAsked(m),
    findings: moduleFindings(
      m,
      byName,
      owned.get(m.name) ?? [],
      m.name === only ? loose : [],
      files,
      reading,
    ),
  });
  const modules = [...asked.map(answer), ...reading.modules.filter((m) => !isAsked(m)).map(answer)];
  const others: LinuxFinding[] = [];
  if (loose.length > 0 && only === undefined) others.push(...fileFindings(undefined, loose));
  const noUnload = reading.modules.flatMap((m) =>
    m.errors.filter((e) => e.kind === 'unloadUnsupported').map((e) => e.line),
  );
  if (noUnload.length > 0)
    others.push(
      linuxFinding(
        'unloadUnsupported',
        'holds',
        'This kernel cannot unload modules at all: it was built without CONFIG_MODULE_UNLOAD.',
        noUnload,
        {
          holder: 'the kernel configuration',
          rule: RULES.unloadConfig,
        },
      ),
    );
  const t = reading.taint;
  if (t && t.letters !== '') {
    const forced = t.letters.includes('R');
    others.push(
      linuxFinding(
        'taint',
        'note',
        `The kernel is tainted ${t.letters}${t.value === undefined ? '' : ` (${t.value})`}${forced ? ': R means a module was force-unloaded (rmmod -f) since boot' : ''}.`,
        t.lines,
        { rule: RULES.taint },
      ),
    );
  }
  return { modules, others };
}

function isAsked(m: LinuxModule): boolean {
  return (
    m.removeTyped !== undefined ||
    m.errors.length > 0 ||
    m.holders !== undefined ||
    (m.lines.state !== undefined && m.lines.usedBy === undefined)
  );
}

function moduleFindings(
  m: LinuxModule,
  byName: ReadonlyMap<string, LinuxModule>,
  files: readonly OpenFile[],
  maybe: readonly OpenFile[],
  seen: FilesSeen,
  reading: LinuxReading,
): LinuxFinding[] {
  const out: LinuxFinding[] = [];
  const err = (kind: string) => m.errors.filter((e) => e.kind === kind).map((e) => e.line);
  if (m.builtin)
    out.push(
      linuxFinding(
        'builtin',
        'holds',
        `${m.name} is built into the kernel, not a loaded module: nothing can unload it.`,
        err('builtin'),
        {
          module: m.name,
          holder: 'the kernel image',
          rule: RULES.builtin,
          next: [
            step(
              `grep -w ${m.name} /lib/modules/$(uname -r)/modules.builtin`,
              'shows it is built in; only a kernel built with it as a module (=m) can unload it',
            ),
          ],
        },
      ),
    );
  // The kernel's answer, not the module's: told once, among the others; here a note on the line it was said.
  const unsupported = err('unloadUnsupported');
  if (unsupported.length > 0)
    out.push(
      linuxFinding(
        'refused',
        'note',
        `${m.name} could not be removed: this kernel cannot unload modules at all.`,
        unsupported,
        {
          module: m.name,
          rule: RULES.unloadConfig,
        },
      ),
    );
  const missing = m.errors.filter((e) => e.kind === 'sysfsMissing').map((e) => e.line);
  if (missing.length > 0)
    out.push(
      linuxFinding(
        'notLoaded',
        'unknown',
        `/sys/module/${m.name} could not be read: it went away while lsmod ran (unloaded), or /sys/module is not mounted here (a container); its row is not to be trusted.`,
        missing,
        {
          module: m.name,
          next: [
            step(`grep -w ^${m.name} /proc/modules`, 'tells whether it is loaded, from the kernel itself'),
          ],
        },
      ),
    );
  if (m.notLoaded && m.refcnt === undefined)
    out.push(
      linuxFinding(
        'notLoaded',
        'note',
        `${m.name} is not loaded: there is nothing to unload.`,
        err('notLoaded'),
        {
          module: m.name,
          next: [step(`lsmod | grep ${m.name}`, 'lists it if it is loaded under this name')],
        },
      ),
    );
  if (m.builtin || (m.notLoaded && m.refcnt === undefined)) return out;
  out.push(...holderFindings(m, byName));
  out.push(...stateFindings(m));
  if (files.length > 0) out.push(...fileFindings(m, files));
  if (maybe.length > 0) out.push(...fileFindings(m, maybe, true));
  const refs = referenceFinding(m, files.length > 0, seen);
  if (refs) out.push(refs);
  out.push(...refusalFindings(m));
  if (
    m.removeTyped &&
    m.errors.length === 0 &&
    !out.some((f) => f.status === 'holds' || f.status === 'unknown')
  )
    out.push(
      linuxFinding(
        'removed',
        'note',
        `Nothing printed says removing ${m.name} failed: it was unloaded, unless an error was left out of the paste.`,
        [m.removeTyped.line],
        {
          module: m.name,
          next: [step(`lsmod | grep ${m.name}`, 'prints nothing once it is gone')],
        },
      ),
    );
  if (m.taint)
    out.push(
      linuxFinding('taint', 'note', `${m.name} taints the kernel: ${m.taint}.`, m.lines.taint ?? [], {
        module: m.name,
        rule: RULES.taint,
      }),
    );
  const log = reading.log.filter((l) => l.module === m.name).map((l) => l.line);
  if (log.length > 0)
    out.push(
      linuxFinding(
        'log',
        'note',
        `The kernel log names ${m.name} on ${log.length === 1 ? 'one line' : `${log.length} lines`}.`,
        log,
        { module: m.name },
      ),
    );
  return out;
}

/** The modules holding `m`: lsmod's "Used by", /sys/module/X/holders, rmmod's "in use by:". */
function holderFindings(m: LinuxModule, byName: ReadonlyMap<string, LinuxModule>): LinuxFinding[] {
  const names = [...new Set([...(m.usedBy ?? []), ...(m.holders ?? [])])];
  const lines = [...(m.lines.usedBy ?? []), ...(m.lines.holders ?? [])];
  if (names.length === 0) {
    // lsmod and /proc/modules print the holders on the module's own row: an empty list there is printed, a ✓.
    if (m.usedBy !== undefined && m.refcnt === 0)
      return [
        linuxFinding('holders', 'clear', `No module uses ${m.name}.`, m.lines.usedBy ?? [], {
          module: m.name,
          rule: RULES.holders,
        }),
      ];
    if (m.holders !== undefined && m.usedBy === undefined)
      return [
        linuxFinding(
          'holders',
          'note',
          `ls printed no holders of ${m.name} (if its whole output was pasted, no module uses it).`,
          m.lines.holders ?? [],
          { module: m.name },
        ),
      ];
    return [];
  }
  const chain = removalOrder(names, byName);
  const text = `${m.name} is used by ${names.join(', ')}: ${names.length === 1 ? 'it' : 'they'} must be unloaded first.`;
  return [
    linuxFinding('holders', 'holds', text, lines, {
      module: m.name,
      holder: names.join(', '),
      rule: RULES.holders,
      next: [
        step(
          `modprobe -r ${chain.join(' ')}`,
          `unloads ${chain.join(', ')} (users first), each only if nothing holds it`,
        ),
        step(`modprobe -r ${m.name}`, `then unloads ${m.name} and the modules it alone used`),
      ],
    }),
  ];
}

/** The holders, each after the modules holding it (as printed), so each goes before what it uses. */
function removalOrder(names: readonly string[], byName: ReadonlyMap<string, LinuxModule>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, depth: number) => {
    if (seen.has(name) || depth > 32) return;
    seen.add(name);
    const h = byName.get(name);
    for (const up of [...(h?.usedBy ?? []), ...(h?.holders ?? [])]) visit(up, depth + 1);
    out.push(name);
  };
  for (const n of names) visit(n, 0);
  return out;
}

function stateFindings(m: LinuxModule): LinuxFinding[] {
  const out: LinuxFinding[] = [];
  if (m.permanent)
    out.push(
      linuxFinding(
        'permanent',
        'holds',
        `${m.name} is [permanent]: it has an init function and no exit function, so the kernel will not unload it.`,
        m.lines.permanent ?? [],
        {
          module: m.name,
          holder: 'its missing exit function',
          rule: RULES.noExit,
          next: [
            step(
              `rmmod -f ${m.name}`,
              'forces it only if the kernel has CONFIG_MODULE_FORCE_UNLOAD, and taints it (R); otherwise reboot',
            ),
          ],
        },
      ),
    );
  if (m.state === 'going')
    out.push(
      linuxFinding(
        'state',
        'holds',
        `${m.name} is GOING (being unloaded): its exit function is running or stuck, and new users are refused (try_module_get fails).`,
        m.lines.state ?? [],
        {
          module: m.name,
          holder: 'its own exit function',
          rule: RULES.state,
          next: [step('dmesg | tail -50', 'shows a hung task or an oops in its exit function')],
        },
      ),
    );
  if (m.state === 'coming')
    out.push(
      linuxFinding(
        'state',
        'holds',
        `${m.name} is COMING (still loading): its init function has not returned, and it cannot be unloaded until it does.`,
        m.lines.state ?? [],
        {
          module: m.name,
          holder: 'its own init function',
          rule: RULES.state,
        },
      ),
    );
  return out;
}

/** What the kernel answered delete_module(2), where the paste printed it. */
function refusalFindings(m: LinuxModule): LinuxFinding[] {
  const out: LinuxFinding[] = [];
  const forced = m.removeTyped?.force === true;
  const seen = new Map<string, number>();
  for (const e of m.errors) {
    if (e.kind !== 'wouldBlock' && e.kind !== 'busy' && e.kind !== 'failed') continue;
    // One finding per answer: rmmod and libkmod print the same refusal twice.
    const key = `${forced}|${e.kind}|${e.errno ?? ''}`;
    const at = seen.get(key);
    const prior = at === undefined ? undefined : out[at];
    if (prior) {
      out[at as number] = { ...prior, lines: [...new Set([...prior.lines, e.line])].sort((a, b) => a - b) };
      continue;
    }
    seen.set(key, out.length);
    if (forced && (e.kind === 'wouldBlock' || e.kind === 'busy')) {
      out.push(
        linuxFinding(
          'forceRefused',
          'holds',
          `rmmod -f was refused too (${e.errno ?? e.kind}): this kernel is built without CONFIG_MODULE_FORCE_UNLOAD, so only freeing its users will do.`,
          [m.removeTyped?.line, e.line],
          {
            module: m.name,
            holder: 'the kernel configuration',
            rule: RULES.force,
          },
        ),
      );
      continue;
    }
    const why =
      e.kind === 'wouldBlock'
        ? 'the kernel answered EWOULDBLOCK: modules use it or its reference count is not zero'
        : e.kind === 'busy'
          ? 'the kernel answered EBUSY: it is not LIVE (still loading or already going), or it has no exit function'
          : `${e.tool} failed: ${e.errno ?? 'no reason printed'}`;
    out.push(
      linuxFinding('refused', 'note', `${e.tool} could not remove ${m.name}: ${why}.`, [e.line], {
        module: m.name,
        rule: e.kind === 'busy' ? RULES.noExit : RULES.deleteModule,
      }),
    );
  }
  return out;
}
