import { count } from './draft';
import { type Finding, finding } from './finding';
import { DOCS, type NextCommand } from './next';
import { sameName } from './store';
import type {
  DebuggerDevice,
  DebuggerHandle,
  DebuggerImport,
  DebuggerIrp,
  DebuggerProcess,
  DebuggerThread,
} from './types';

/**
 * The next question after "a file is open on it" and "an IRP is
 * outstanding": which process. A handle-table entry printed by
 * `!devhandles <device>` is on that device; one printed by `!handle` is on
 * the device its file's name ends with (`{Serial0}`). Its process is the
 * PROCESS block printed above it, named by `!process 0 0` or `!thread`
 * when the block printed no image. An IRP's sender is the thread `!irp`
 * printed (`Thread <addr>:`) or a `!thread` whose "IRP List" holds it, and
 * that thread's owning process (shared/domain/windows.md rule 4a: an open
 * file object or an IRP keeps the driver loaded).
 */

export interface Who {
  readonly processes: ReadonlyMap<string, DebuggerProcess>;
  readonly byPid: ReadonlyMap<string, DebuggerProcess>;
  readonly threads: ReadonlyMap<string, DebuggerThread>;
  readonly senderOf: ReadonlyMap<string, string>;
  readonly handles: readonly DebuggerHandle[];
  readonly searched: ReadonlyMap<string, { line: number; whole: boolean }>;
}

export function whoOf(imp: DebuggerImport): Who {
  const processes = new Map((imp.processes ?? []).map((p) => [p.address, p]));
  const byPid = new Map<string, DebuggerProcess>();
  for (const p of imp.processes ?? []) if (p.pid !== undefined) byPid.set(pidKey(p.pid), p);
  const threads = new Map((imp.threads ?? []).map((t) => [t.address, t]));
  const senderOf = new Map<string, string>();
  for (const t of imp.threads ?? []) for (const irp of t.irps) senderOf.set(irp, t.address);
  for (const irp of imp.irps) if (irp.thread) senderOf.set(irp.address, irp.thread);
  const searched = new Map((imp.handleSearches ?? []).map((s) => [s.device, s]));
  return { processes, byPid, threads, senderOf, handles: imp.handles ?? [], searched };
}

function pidKey(pid: string): string {
  return pid.replace(/^0+(?=.)/, '').toLowerCase();
}

/** `vmtoolsd.exe (PID 0x68c = 1676, process 81c72520)`, with what is known. */
export function processLabel(p: DebuggerProcess | undefined, address?: string, image?: string): string {
  const name = p?.image ?? image;
  const pid = p?.pid === undefined ? undefined : `PID 0x${pidKey(p.pid)} = ${parseInt(p.pid, 16)}`;
  const at = p?.address ?? address;
  const inner = [pid, at === undefined ? undefined : `process ${at}`]
    .filter((x) => x !== undefined)
    .join(', ');
  if (name === undefined) return at === undefined ? 'a process the paste does not name' : `process ${at}`;
  return inner === '' ? name : `${name} (${inner})`;
}

/** The handles printed as open on `d`. */
export function handlesOn(d: DebuggerDevice, who: Who): DebuggerHandle[] {
  const bare = d.name?.replace(/^\\Device\\/i, '');
  return who.handles.filter(
    (h) =>
      h.device === d.address ||
      (h.device === undefined &&
        h.deviceName !== undefined &&
        bare !== undefined &&
        sameName(h.deviceName, bare)),
  );
}

const hex = (h: string) => `0x${h.replace(/^0+(?=.)/, '')}`;

/** One finding per process (or kernel table) holding handles on `d`: who, which handles, which file objects. */
export function holders(d: DebuggerDevice, label: string, who: Who): Finding[] {
  const byHolder = new Map<string, DebuggerHandle[]>();
  for (const h of handlesOn(d, who)) {
    const key = h.kernel ? 'kernel' : (h.process ?? '?');
    const list = byHolder.get(key);
    if (list) list.push(h);
    else byHolder.set(key, [h]);
  }
  return [...byHolder].map(([key, hs]) => {
    const first = hs[0] as DebuggerHandle;
    const p = first.process === undefined ? undefined : who.processes.get(first.process);
    const listed = hs
      .slice(0, 8)
      .map((h) => `${hex(h.handle)} (file object ${h.object}${h.name ? `, named “${h.name}”` : ''})`)
      .join(', ');
    const more = hs.length > 8 ? `, and ${hs.length - 8} more` : '';
    const whom =
      key === 'kernel'
        ? `The kernel's own handle table${p ? ` (${processLabel(p)})` : ''}`
        : processLabel(p, first.process);
    const close =
      key === 'kernel'
        ? 'a driver or the kernel opened it (ZwCreateFile) and only it can close it'
        : 'they stay open until that process closes them or exits';
    const next: NextCommand[] = [
      {
        // KMFlags 0x10: the kernel handle table instead of a process's.
        command:
          key === 'kernel' ? `!handle ${first.handle} 13` : `!handle ${first.handle} 3 ${first.process ?? 0}`,
        why: 'prints the handle and the file object it refers to',
        doc: DOCS.handle,
      },
    ];
    if (p)
      next.push({
        command: `!process ${p.address} 7`,
        why: 'prints its threads and what each waits on',
        doc: DOCS.process,
      });
    return finding(
      'holders',
      'holds',
      `${whom} holds ${count(hs.length, 'handle', 'handles')} on ${label}: ${listed}${more}; ${close}, and Unload waits for the last file object to go.`,
      {
        condition: 'noReferences',
        rule: 'seed.4a.noReferences',
        blocker: { kind: 'object', address: first.object },
        sources: [...hs.flatMap((h) => h.sources), ...(p?.sources.slice(0, 2) ?? [])],
        next,
        holder: key === 'kernel' ? 'the kernel' : (p?.image ?? `process ${first.process ?? '?'}`),
      },
    );
  });
}

/** `sent by thread 85f6da70 of vmtoolsd.exe (PID …)`, or undefined when no thread was printed. */
export function senderOf(
  irp: DebuggerIrp,
  who: Who,
): { text: string; next?: NextCommand; holder?: string } | undefined {
  const thread = who.senderOf.get(irp.address);
  if (thread === undefined) return undefined;
  const t = who.threads.get(thread);
  const p =
    (t?.process === undefined ? undefined : who.processes.get(t.process)) ??
    (t?.pid === undefined ? undefined : who.byPid.get(pidKey(t.pid)));
  const owner = (p ?? t?.image) ? ` of ${processLabel(p, t?.process, t?.image)}` : '';
  const image = p?.image ?? t?.image;
  return {
    text: `it was sent by thread ${thread}${owner}`,
    ...(image === undefined ? {} : { holder: image }),
    ...(owner === ''
      ? {
          next: {
            command: `!thread ${thread}`,
            why: 'prints the thread and the process that owns it',
            doc: DOCS.thread,
          },
        }
      : {}),
  };
}

/**
 * `!devhandles` searched the device and printed no handle on it, yet its
 * RefCount counts open file objects: they are held without a process
 * handle (a driver's IoGetDeviceObjectPointer, a file object referenced by
 * pointer), or in a table the search could not read. Said as what the
 * search printed; hedged when its output was not whole.
 */
export function noHandleFound(d: DebuggerDevice, label: string, who: Who): Finding[] {
  const s = who.searched.get(d.address);
  if (!s || (d.refCount ?? 0) === 0 || handlesOn(d, who).length > 0) return [];
  return [
    finding(
      'holders',
      'note',
      s.whole
        ? `!devhandles ${d.address} (line ${s.line}) found no handle on ${label}, yet RefCount ${d.refCount} counts open file objects: they are held without a process handle (a driver's IoGetDeviceObjectPointer, a file object referenced by pointer).`
        : `!devhandles ${d.address} (line ${s.line}) printed no handle on ${label}, but its output was not whole (left out, or a table it could not read): who holds the RefCount ${d.refCount} file objects is not settled.`,
      {
        condition: 'noReferences',
        rule: 'seed.4a.noReferences',
        blocker: { kind: 'device', address: d.address },
        sources: [{ line: s.line, command: 'devhandles' }, ...d.sources.slice(0, 4)],
        next: [
          {
            command: '!handle 0 3 0 File',
            why: 'lists the File handles of every process, with the device each is open on',
            doc: DOCS.handle,
          },
          {
            command: `!object ${d.address}`,
            why: 'prints its PointerCount beside its HandleCount',
            doc: DOCS.object,
          },
        ],
      },
    ),
  ];
}

/**
 * RefCount counts the file objects opened on the device (shared/domain/windows.md
 * §1: `ReferenceCount`, open file objects; rule 4a). When the handles the
 * paste prints on it name fewer file objects than RefCount, the rest are
 * not explained by what was printed: a handle in a process the paste did
 * not search, or a file object whose handles are closed but that a driver
 * still references (IoGetDeviceObjectPointer, ObReferenceObject). More
 * file objects than RefCount means the counts were printed at different
 * moments (a live session) or a handle's `{Device}` names another device
 * of that name. Either way a question, with the commands that answer it;
 * never a ✓.
 */
export function refCountUnexplained(d: DebuggerDevice, label: string, who: Who): Finding[] {
  const rc = d.refCount;
  const hs = handlesOn(d, who);
  if (rc === undefined || hs.length === 0) return [];
  const files = [...new Set(hs.map((h) => h.object))];
  if (files.length === rc) return [];
  const shown = files.slice(0, 8).join(', ') + (files.length > 8 ? `, and ${files.length - 8} more` : '');
  const fewer = files.length < rc;
  const searched = who.searched.get(d.address);
  const next: NextCommand[] = [];
  if (fewer && !searched)
    next.push({
      command: `!devhandles ${d.address}`,
      why: 'searches every process handle table for handles open on this device',
      doc: DOCS.devhandles,
    });
  next.push({
    command: '!handle 0 3 0 File',
    why: 'lists the File handles of every process, with the device each is open on',
    doc: DOCS.handle,
  });
  if (fewer)
    next.push({
      command: `!object ${d.address}`,
      why: "prints the device's PointerCount beside its HandleCount: references taken by pointer",
      doc: DOCS.object,
    });
  const text = fewer
    ? `RefCount ${rc} on ${label}, but the handles printed name ${count(files.length, 'file object', 'file objects')} (${shown}): ${count(rc - files.length, 'more is', 'more are')} not explained by what was printed — a handle in a process the paste did not search${searched ? '' : ' (no !devhandles of it was pasted)'}, or a file object whose handles are closed and that a driver still references (IoGetDeviceObjectPointer, ObReferenceObject).`
    : `RefCount ${rc} on ${label}, but the handles printed name ${count(files.length, 'file object', 'file objects')} (${shown}): the counts were printed at different moments (a live session), or a handle is on another device of that name.`;
  return [
    finding('holders', 'unknown', text, {
      condition: 'noReferences',
      rule: 'seed.4a.noReferences',
      blocker: { kind: 'device', address: d.address },
      sources: [...d.sources.slice(0, 4), ...hs.flatMap((h) => h.sources)],
      next,
    }),
  ];
}
