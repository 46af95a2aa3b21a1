import { DOE } from '../windows/model';
import type { DebuggerDevice } from './types';

/**
 * Device flags by name. `!devobj` prints ExtensionFlags with their DOE_
 * names, but `Flags` (the DO_ bits) only as a number, and Windows 2000
 * prints no ExtensionFlags at all. The import keeps what was printed;
 * this decodes the printed numbers by the bit values of wdm.h (DO_) and of
 * the DEVICE_OBJECT_EXTENSION flags kdexts names (DOE_), so a finding can
 * say "Flags 00000090 has DO_DEVICE_INITIALIZING (0x80)".
 */

/** DEVICE_OBJECT.Flags bits, as wdm.h defines them. */
const DO_FLAGS = {
  DO_BUFFERED_IO: 0x4,
  DO_EXCLUSIVE: 0x8,
  DO_DIRECT_IO: 0x10,
  DO_DEVICE_HAS_NAME: 0x40,
  DO_DEVICE_INITIALIZING: 0x80,
  DO_SHUTDOWN_REGISTERED: 0x800,
  DO_BUS_ENUMERATED_DEVICE: 0x1000,
  DO_POWER_PAGABLE: 0x2000,
} as const;

const DOE_FLAGS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(DOE).map(([k, v]) => [`DOE_${k}`, v]),
);

export interface FlagName {
  readonly name: string;
  /** `printed`: the debugger printed the name; `decoded`: read from the printed number. */
  readonly how: 'printed' | 'decoded';
  /** The printed number it was decoded from, as `Flags 00000090` or `ExtensionFlags 0x00000001`. */
  readonly from?: string;
}

/** Every flag name of a device: the printed ones, then those decoded from the printed numbers. */
export function deviceFlagNames(d: DebuggerDevice): FlagName[] {
  const out: FlagName[] = d.flags.map((name) => ({ name, how: 'printed' }));
  const seen = new Set(d.flags);
  const decode = (value: number | undefined, table: Readonly<Record<string, number>>, field: string) => {
    if (value === undefined) return;
    for (const [name, bit] of Object.entries(table)) {
      if ((value & bit) === 0 || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, how: 'decoded', from: `${field} ${hex8(value)}` });
    }
  };
  decode(d.extensionFlags, DOE_FLAGS, 'ExtensionFlags');
  decode(d.deviceFlags, DO_FLAGS, 'Flags');
  return out;
}

/** Whether a device has the flag, printed by name or decoded from a printed number. */
export function hasDoe(d: DebuggerDevice, name: string): boolean {
  return deviceFlagNames(d).some((f) => f.name === name);
}

/** The flag as the finding cites it: where it was read. */
export function flagEvidence(d: DebuggerDevice, name: string): string | undefined {
  const f = deviceFlagNames(d).find((x) => x.name === name);
  if (!f) return undefined;
  return f.how === 'printed' ? `${name} printed` : `${f.from ?? 'a printed number'} has ${name}`;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
