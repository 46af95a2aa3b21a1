import type { Row } from './rule';

/**
 * Rules the debugger reader cites (src/kernel/debugger), where no rule of
 * windows.ts says it: what the printed fields mean for an unload.
 */
const MS = 'https://learn.microsoft.com/windows-hardware/drivers/';

export const debuggerRules = {
  'dbg.object.pointerCount': [
    'DOC',
    'A leaked reference to a device or driver object keeps the driver from unloading; !object shows PointerCount and HandleCount, and a write breakpoint on the pointer count finds the missing dereference.',
    `${MS}debugger/debugging-a-failed-driver-unload`,
  ],
  'dbg.device.initializing': [
    'DOC',
    'While DO_DEVICE_INITIALIZING is set nothing can attach to the device or open it; a driver clears it on every device it creates outside DriverEntry.',
    `${MS}ifs/clearing-the-do-device-initializing-flag`,
  ],
  'dbg.irp.currentLocation': [
    'DOC',
    '!irp marks the current stack location with ">": the driver of that location holds the IRP now.',
    `${MS}debuggercmds/-irp`,
  ],
  'dbg.devnode.notRemoved': [
    'DOC',
    'Until its devnode is removed, the device objects of a PnP stack stay, and with them their drivers.',
    `${MS}debuggercmds/-devnode`,
  ],
  'dbg.notPrinted': [
    'MODEL',
    'What the paste did not print is unknown: the reader says so and names the command that prints it.',
    'shared/design/scenario-format.md',
  ],
} satisfies Record<string, Row>;
