import fc from 'fast-check';

/**
 * Name pools for the property tests' arbitraries: small, so random actions
 * keep hitting objects that exist; the first names come up more often.
 */

// ── Name pools ────────────────────────────────────────────────────────────

const DRIVERS = ['D0', 'D1', 'D2', 'D3'] as const;
const DEVICES = ['X0', 'X1', 'X2', 'X3', 'X4', 'X5'] as const;
const HANDLES = ['h0', 'h1', 'h2', 'h3'] as const;
const IRPS = ['i0', 'i1', 'i2', 'i3'] as const;
const REGISTRATIONS = ['r0', 'r1', 'r2'] as const;
const REFERENCES = ['o0', 'o1', 'o2'] as const;
/** Remove-lock tags (a driver's timer, DPC, work item). */
const TAGS = ['t0', 't1'] as const;

export const MODULES = ['M0', 'M1', 'M2', 'M3'] as const;
export const CHANNELS = ['c0', 'c1', 'c2', 'c3'] as const;

/** DriverEntry failures a scenario may give (NTSTATUS names). */
export const ENTRY_FAILURES = [
  'STATUS_INSUFFICIENT_RESOURCES',
  'STATUS_UNSUCCESSFUL',
  'STATUS_DEVICE_CONFIGURATION_ERROR',
  'STATUS_NO_SUCH_DEVICE',
] as const;

/** One of `names`, the first ones more often (so actions keep meeting the objects earlier ones made). */
export function biased(names: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(...names.map((n, i) => ({ weight: names.length - i + 1, arbitrary: fc.constant(n) })));
}

export const driver = biased(DRIVERS);
export const device = biased(DEVICES);
export const handle = biased(HANDLES);
export const irp = biased(IRPS);
export const registration = biased(REGISTRATIONS);
export const reference = biased(REFERENCES);
export const tag = biased(TAGS);
/** Mostly false: a flag that would otherwise make too many runs degenerate. */
export const rarely = fc.oneof(
  { weight: 4, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);
/** Mostly true. */
export const usually = rarely.map((b) => !b);
