import { count } from './draft';
import { deviceFindings, label } from './explainDevice';
import { userHandlesAnswer } from './explainUser';
import { handlesOn, processLabel, senderOf, type Who } from './explainWho';
import { type Finding, finding } from './finding';
import { DOCS, NEXT } from './next';
import type { Relations } from './relations';
import type { Index } from './roles';
import type { DebuggerDriver, DebuggerImport, DebuggerIrp, SessionContext } from './types';

/**
 * What a paste printed that no driver it named explains: `!object` of a
 * device alone (the failed-unload page's `Serial0`), an `!irp` alone, a
 * `!devnode` alone, handles and processes. Each gets what it shows and the
 * command that answers the next question, instead of "no driver could be
 * read". Also the session notes every answer starts with (live, dump,
 * inside DriverEntry).
 */

export interface OtherAnswer {
  /** What it is about: `Device 81a578c0 (Serial0)`, `IRP ac598dc8`, `Open handles`. */
  readonly title: string;
  readonly summary: string;
  readonly findings: readonly Finding[];
}

interface Ctx {
  readonly ix: Index;
  readonly rel: Relations;
  readonly who: Who;
}

export function contextFindings(c: SessionContext | undefined, driver?: string): Finding[] {
  if (!c) return [];
  const out: Finding[] = [];
  if (c.live) {
    out.push(
      finding(
        'context',
        'note',
        `A live local session (lkd>, line ${c.live.line}): each command saw the running machine at its own moment, so counts printed by two commands may disagree; a ✗ here is what was true then.`,
        { sources: [{ line: c.live.line, command: 'devobj' }] },
      ),
    );
  }
  if (c.dump) {
    out.push(
      finding(
        'context',
        'note',
        `Read from a dump (line ${c.dump.line}): this is the state when the machine stopped, not now.`,
        { sources: [{ line: c.dump.line, command: 'devobj' }] },
      ),
    );
  }
  if (
    c.inDriverEntry &&
    (driver === undefined ||
      c.inDriverEntry.driver === undefined ||
      sameDriver(driver, c.inDriverEntry.driver))
  ) {
    out.push(
      finding(
        'context',
        'note',
        `Printed in a breakpoint inside DriverEntry${c.inDriverEntry.driver ? ` of ${c.inDriverEntry.driver}` : ''} (line ${c.inDriverEntry.line}): the driver is still starting, its devices may still be initializing, and nothing can unload it before DriverEntry returns.`,
        { sources: [{ line: c.inDriverEntry.line, command: 'drvobj' }] },
      ),
    );
  }
  return out;
}

function sameDriver(name: string, module: string): boolean {
  return name.toLowerCase().endsWith(`\\${module.toLowerCase()}`);
}

/** The driver object's own counts (`!object \Driver\X`): each device object and each registration references it. */
export function driverObjectCounts(drv: DebuggerDriver, ix: Index): Finding[] {
  const o = drv.address === undefined ? undefined : ix.objects.get(drv.address);
  if (o?.pointerCount === undefined) return [];
  return [
    finding(
      'pointerReferences',
      'note',
      `PointerCount ${o.pointerCount}, HandleCount ${o.handleCount ?? '?'} on the driver object of ${drv.name}: each of its device objects and each registration (PnP notification, callback) holds one reference; which ones is not printed here.`,
      {
        blocker: { kind: 'driver', name: drv.name },
        rule: 'dbg.object.pointerCount',
        sources: o.sources,
        next: [NEXT.drvobj(drv.name), ...(o.header ? [NEXT.pointerBreak(o.header)] : [])],
      },
    ),
  ];
}

export function otherAnswers(imp: DebuggerImport, c: Ctx): OtherAnswer[] {
  const out: OtherAnswer[] = [];
  const owned = new Set(imp.drivers.flatMap((d) => d.devices));
  for (const d of imp.devices) {
    if (owned.has(d.address) || d.driver !== undefined) continue;
    const ctx = { imp, ix: c.ix, rel: c.rel, owner: 'its driver', pnp: undefined, who: c.who };
    const findings = [
      ...contextFindings(imp.context),
      finding('owner', 'unknown', `The driver that owns ${label(d)} was not printed.`, {
        rule: 'dbg.notPrinted',
        blocker: { kind: 'device', address: d.address },
        sources: d.sources,
        next: [NEXT.devobj(d.address), NEXT.devstack(d.address)],
      }),
      ...deviceFindings(d, ctx),
    ];
    out.push({ title: `Device ${label(d)}`, summary: summary(findings), findings });
  }
  const passed = new Set(owned);
  for (const irp of imp.irps) if (!irp.devices.some((d) => passed.has(d))) out.push(irpAnswer(irp, c));
  const withDevice = new Set([...imp.devices.map((d) => d.devnode), ...imp.stacks.map((s) => s.devnode)]);
  for (const n of imp.devnodes) {
    if (withDevice.has(n.address) || (n.pdo !== undefined && c.ix.devices.has(n.pdo))) continue;
    const what =
      n.state === undefined
        ? 'its state was not printed'
        : `it is ${n.state}${n.problem ? ` (problem ${n.problem})` : ''}`;
    const findings = [
      finding(
        'devnode',
        n.state === undefined ? 'unknown' : 'note',
        `Devnode ${n.address}${n.instancePath ? ` (${n.instancePath})` : ''}${n.service ? `, service ${n.service}` : ''}: ${what}; its device stack was not printed.`,
        {
          blocker: { kind: 'devnode', address: n.address },
          rule: n.state === undefined ? 'dbg.notPrinted' : 'dbg.devnode.notRemoved',
          sources: n.sources,
          next: n.pdo ? [NEXT.devstack(n.pdo), NEXT.devobj(n.pdo)] : [NEXT.devnode(n.address)],
        },
      ),
    ];
    out.push({ title: `Devnode ${n.address}`, summary: summary(findings), findings });
  }
  const loose = (imp.handles ?? []).filter((h) => !imp.devices.some((d) => handlesOn(d, c.who).includes(h)));
  if (loose.length > 0) out.push(handlesAnswer(loose, c));
  if ((imp.processes?.length ?? 0) > 0 && (imp.handles?.length ?? 0) === 0) out.push(processesAnswer(imp));
  const user = userHandlesAnswer(imp);
  if (user) out.push(user);
  return out;
}

function irpAnswer(irp: DebuggerIrp, c: Ctx): OtherAnswer {
  const at = irp.locations.find((l) => l.current);
  const sender = senderOf(irp, c.who);
  const where = at?.device ? ` at ${at.device}${at.driver ? ` of ${at.driver}` : ''}` : '';
  const f = irp.completed
    ? finding(
        'outstandingIrp',
        'clear',
        `IRP ${irp.address} has completed ("Irp is completed.")${sender ? `; ${sender.text}` : ''}.`,
        {
          rule: 'seed.4a.noIrps',
          blocker: { kind: 'irp', address: irp.address },
          sources: irp.sources,
        },
      )
    : finding(
        'outstandingIrp',
        'holds',
        `IRP ${irp.address} is outstanding${irp.pending ? ' (marked pending)' : ''}${where}: every driver it passed stays loaded until it completes${sender ? `; ${sender.text}` : ''}.`,
        {
          rule: 'seed.4a.noIrps',
          blocker: { kind: 'irp', address: irp.address },
          sources: irp.sources,
          next: [
            ...(at?.driver ? [NEXT.drvobj(at.driver)] : []),
            ...(at?.device ? [NEXT.devstack(at.device)] : []),
            ...(sender?.next ? [sender.next] : []),
          ],
        },
      );
  return { title: `IRP ${irp.address}`, summary: summary([f]), findings: [f] };
}

function handlesAnswer(handles: NonNullable<DebuggerImport['handles']>, c: Ctx): OtherAnswer {
  const findings = handles.slice(0, 32).map((h) => {
    const p = h.process === undefined ? undefined : c.who.processes.get(h.process);
    const on = h.device ?? (h.deviceName ? `{${h.deviceName}}` : undefined);
    return finding(
      'holders',
      'note',
      `${h.kernel ? "The kernel's own handle table" : processLabel(p, h.process)} holds handle 0x${h.handle.replace(/^0+(?=.)/, '')} on ${h.type ?? 'an object'} ${h.object}${h.name ? ` (named “${h.name}”)` : ''}${on ? `, open on device ${on}` : ''}.`,
      {
        blocker: { kind: 'object', address: h.object },
        sources: h.sources,
        next: on
          ? [
              {
                command: `!devobj ${h.deviceName ?? on}`,
                why: 'prints the device the file is open on, its driver and its RefCount',
                doc: DOCS.devobj,
              },
            ]
          : [NEXT.object(h.object)],
      },
    );
  });
  return {
    title: 'Open handles',
    summary: `${count(handles.length, 'handle', 'handles')} printed, on no device the paste describes.`,
    findings,
  };
}

function processesAnswer(imp: DebuggerImport): OtherAnswer {
  const ps = imp.processes ?? [];
  const names = ps
    .slice(0, 12)
    .map((p) => processLabel(p))
    .join('; ');
  const f = finding(
    'holders',
    'unknown',
    `${count(ps.length, 'process was', 'processes were')} printed (${names}${ps.length > 12 ? '; …' : ''}), but no handle: which of them holds a file open on a device is not printed.`,
    {
      sources: ps.flatMap((p) => p.sources.slice(0, 1)),
      next: [
        NEXT.fileHandles(),
        ...(ps[0]?.pid
          ? [
              {
                command: `!handle 0 3 ${ps[0].pid} File`,
                why: `lists the File handles of ${ps[0].image ?? 'that process'} with the device each is open on`,
                doc: DOCS.handle,
              },
            ]
          : []),
      ],
    },
  );
  return { title: 'Processes', summary: summary([f]), findings: [f] };
}

function capital(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

function summary(findings: readonly Finding[]): string {
  const holds = findings.filter((f) => f.status === 'holds').length;
  const unknown = findings.filter((f) => f.status === 'unknown').length;
  const left = unknown === 0 ? '' : ` ${count(unknown, 'thing was', 'things were')} not printed.`;
  const said =
    holds === 0
      ? 'Nothing printed here holds a driver.'
      : `${count(holds, 'thing holds', 'things hold')} a driver here.`;
  return capital(said) + (left === '' ? '' : ` ${capital(left.trim())}`);
}
