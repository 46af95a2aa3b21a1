/**
 * What to type next in the debugger, each with the Microsoft page that
 * documents it. The commands and their arguments are the documented ones:
 * `!devhandles <device>` (open handles of a device, Windows XP on),
 * `!handle 0 3 0 File` (every File handle of every process: Handle 0 = all,
 * KMFlags 3, Process 0 = all), `ba w4 <ObjectHeader> "k;g"` and `!obtrace`
 * ("Debugging a Failed Driver Unload", "Object Reference Tracing").
 */

const CMDS = 'https://learn.microsoft.com/windows-hardware/drivers/debuggercmds/';

export const DOCS = {
  devobj: `${CMDS}-devobj`,
  drvobj: `${CMDS}-drvobj`,
  devstack: `${CMDS}-devstack`,
  devnode: `${CMDS}-devnode`,
  irp: `${CMDS}-irp`,
  object: `${CMDS}-object`,
  devhandles: `${CMDS}-devhandles`,
  handle: `${CMDS}-handle`,
  process: `${CMDS}-process`,
  thread: `${CMDS}-thread`,
  obtrace: `${CMDS}-obtrace`,
  ba: `${CMDS}ba--break-on-access-`,
  failedUnload:
    'https://learn.microsoft.com/windows-hardware/drivers/debugger/debugging-a-failed-driver-unload',
} as const;

export interface NextCommand {
  /** What to type at the `kd>` prompt. */
  readonly command: string;
  /** What it will show, in one sentence. */
  readonly why: string;
  /** The Microsoft page that documents it. */
  readonly doc: string;
}

function next(command: string, why: string, doc: string): NextCommand {
  return { command, why, doc };
}

export const NEXT = {
  devobj: (device: string) =>
    next(
      `!devobj ${device}`,
      'prints its RefCount, flags and the devices attached above and below it',
      DOCS.devobj,
    ),
  drvobj: (driver: string) =>
    next(
      `!drvobj ${driver} 7`,
      'prints its device list, its DriverUnload and AddDevice routines',
      DOCS.drvobj,
    ),
  devstack: (device: string) =>
    next(
      `!devstack ${device}`,
      'prints the whole stack, top first, with each driver and the devnode',
      DOCS.devstack,
    ),
  devnode: (devnode: string) =>
    next(`!devnode ${devnode}`, 'prints the devnode state and any problem code', DOCS.devnode),
  pendingRemovals: () => next('!devnode 1', 'lists the removals the PnP manager has pending', DOCS.devnode),
  irp: (irp: string) =>
    next(`!irp ${irp} 1`, 'prints every stack location, who holds the IRP now and its status', DOCS.irp),
  object: (address: string) =>
    next(`!object ${address}`, 'prints its PointerCount and HandleCount', DOCS.object),
  devhandles: (device: string) =>
    next(
      `!devhandles ${device}`,
      'searches every process handle table for handles open on this device',
      DOCS.devhandles,
    ),
  fileHandles: () =>
    next('!handle 0 3 0 File', 'lists the File handles of every process, to find who holds one', DOCS.handle),
  pointerBreak: (header: string) =>
    next(
      `ba w4 ${header} "k;g"`,
      'breaks on every change of the pointer count (the first field of the object header) and logs the stack: look for the reference with no dereference',
      DOCS.failedUnload,
    ),
  obtrace: (address: string) =>
    next(
      `!obtrace ${address}`,
      'shows each reference taken and released, once object reference tracing is enabled with GFlags',
      DOCS.obtrace,
    ),
} as const;
