import { count } from './draft';
import { type Finding, finding } from './finding';
import { DOCS } from './next';
import { sameName } from './store';
import type { DebuggerImport, DebuggerUserHandle } from './types';

/**
 * A user-mode `!handle` (`0:000>`) lists the debugged process's own
 * handles: no process address, no object address. A File handle named
 * `\Device\X…` is a file object open on device X, and holds X's driver
 * until the process closes it or exits (shared/domain/windows.md rule 4a:
 * RefCount counts open file objects). What the paste cannot say — which
 * process it was, and whether other processes hold more — is asked of the
 * kernel debugger.
 */

const hex = (h: string) => `0x${h.replace(/^0+(?=.)/, '')}`;

export interface UserHandlesAnswer {
  readonly title: string;
  readonly summary: string;
  readonly findings: readonly Finding[];
}

export function userHandlesAnswer(imp: DebuggerImport): UserHandlesAnswer | undefined {
  const hs = imp.userHandles ?? [];
  if (hs.length === 0) return undefined;
  const onDevices = hs.filter((h) => h.deviceName !== undefined);
  const byDevice = new Map<string, DebuggerUserHandle[]>();
  for (const h of onDevices) {
    const key = (h.deviceName ?? '').toLowerCase();
    const list = byDevice.get(key);
    if (list) list.push(h);
    else byDevice.set(key, [h]);
  }
  const findings: Finding[] = [...byDevice.values()].slice(0, 32).map((list) => {
    const first = list[0] as DebuggerUserHandle;
    const dev = first.deviceName ?? '';
    const printed = imp.devices.find(
      (d) => d.name !== undefined && sameName(d.name.replace(/^\\Device\\/i, ''), dev),
    );
    const shown = list
      .slice(0, 8)
      .map((h) => `${hex(h.handle)} (“${h.name ?? ''}”)`)
      .join(', ');
    return finding(
      'holders',
      'holds',
      `The debugged process holds ${count(list.length, 'handle', 'handles')} open on device ${dev}${printed ? ` (${printed.address})` : ''}: ${shown}${list.length > 8 ? `, and ${list.length - 8} more` : ''}; each is a file object counted in ${dev}'s RefCount, and its driver cannot unload until the process closes it or exits.`,
      {
        condition: 'noReferences',
        rule: 'seed.4a.noReferences',
        blocker: { kind: 'device', ...(printed ? { address: printed.address } : {}), name: dev },
        sources: list.flatMap((h) => h.sources),
        holder: 'the debugged process',
        next: [
          {
            command: `!devobj ${dev}`,
            why: 'in the kernel debugger: the device, its driver and its RefCount (all opens, of every process)',
            doc: DOCS.devobj,
          },
          {
            command: `!devhandles ${printed?.address ?? `<address of ${dev}>`}`,
            why: 'in the kernel debugger: every process holding a handle on it',
            doc: DOCS.devhandles,
          },
        ],
      },
    );
  });
  const files = hs.filter((h) => h.type?.toLowerCase() === 'file');
  const unnamedFiles = files.filter((h) => h.name === undefined);
  if (unnamedFiles.length > 0 || findings.length === 0) {
    findings.push(
      finding(
        'holders',
        'unknown',
        unnamedFiles.length > 0
          ? `${count(unnamedFiles.length, 'File handle was', 'File handles were')} printed without a name (${unnamedFiles
              .slice(0, 8)
              .map((h) => hex(h.handle))
              .join(', ')}): which device each is open on was not printed.`
          : `${count(hs.length, 'handle was', 'handles were')} printed, none named on a device: which device, if any, the process holds open was not printed.`,
        {
          condition: 'noReferences',
          rule: 'dbg.notPrinted',
          sources: (unnamedFiles.length > 0 ? unnamedFiles : hs).slice(0, 16).flatMap((h) => h.sources),
          next: [
            {
              command: '!handle 0 f File',
              why: 'prints every File handle of the process with its name (\\Device\\… names the device)',
              doc: DOCS.handle,
            },
          ],
        },
      ),
    );
  }
  const holds = findings.filter((f) => f.status === 'holds').length;
  return {
    title: 'Handles of the debugged process (user mode)',
    summary:
      holds > 0
        ? `${count(holds, 'device is', 'devices are')} held open by the debugged process.`
        : `${count(hs.length, 'handle', 'handles')} printed; none is named on a device.`,
    findings,
  };
}
