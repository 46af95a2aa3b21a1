import { describe, expect, it } from 'vitest';
import { SESSION_LOG } from '../kernel/debugger/fixtures/sessionLog';
import { OBJECT_SERIAL0_FAILED_UNLOAD } from '../kernel/debugger/fixtures/real/who';
import { readPaste } from './reading';

/** The graph never shows a value the paste did not print: which drawn devices' RefCount is unknown. */
describe('readPaste: RefCount not printed', () => {
  it("names the drawn Serial0 of Microsoft's failed-unload page (printed by !object alone)", () => {
    const { reading, scenario } = readPaste(OBJECT_SERIAL0_FAILED_UNLOAD);
    expect(reading.drawn).toBe(true);
    expect(reading.refCountNotPrinted).toEqual(['Serial0']);
    // It is a device the scenario creates.
    expect(JSON.stringify(scenario)).toContain('"device":"Serial0"');
    // Its driver was not printed at all: the stand-in's Unload routine is not known either.
    expect(reading.unloadNotPrinted).toEqual(['driver-not-printed']);
  });

  it('leaves out a device whose !devobj printed RefCount, and names the PDO only !devstack printed', () => {
    const { reading } = readPaste(SESSION_LOG);
    // Orbis0's and Quasar's !devobj printed RefCount; the PnP manager's PDO is a !devstack row only.
    expect(reading.refCountNotPrinted).toEqual(['PnpManager.pdo.e2a30']);
    // orbis printed DriverUnload, quasar printed 00000000; the PnP manager's was never printed.
    expect(reading.unloadNotPrinted).toEqual(['PnpManager']);
  });
});
