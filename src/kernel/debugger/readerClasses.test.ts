import { describe, expect, it } from 'vitest';
import * as made from './fixtures/constructed';
import * as real from './fixtures/real/readerClasses';
import { importDebuggerText } from './import';

/** Issue 20, "a reader that finds output, not commands": each class on its fixture (real ones cite their page). */

describe('the reader finds output, not commands', () => {
  it('reads the oldest !drvobj header ("Driver object is for:" with no address), taking the address typed', () => {
    const imp = importDebuggerText(real.DRVOBJ_NT4_SYMC810);
    expect(imp.drivers.map((d) => [d.name, d.address, d.devices])).toEqual([
      ['\\Driver\\symc810', '809d5550', ['809d50d0']],
    ]);
    expect(imp.problems.filter((p) => p.kind === 'unread' || p.kind === 'truncated')).toEqual([]);
  });

  it('keeps reading a !devstack past the debugger messages in its name column, never as a name', () => {
    const imp = importDebuggerText(real.DEVSTACK_INFOMASK_9F);
    expect(imp.stacks[0]?.devices).toEqual(['fffffa800783f060', 'fffffa8007b13440']);
    expect(imp.stacks[0]?.queried).toBe('fffffa8007b13440');
    for (const d of imp.devices) expect(d.name ?? '').not.toMatch(/InfoMask|Cannot read/);
    const messages = imp.problems.filter((p) => p.kind === 'debuggerError').map((p) => p.line);
    expect(messages).toEqual([3, 5]);
    expect(imp.problems.filter((p) => p.kind === 'unread')).toEqual([]);
  });

  it('joins a !devstack row the symbol loader split over three lines', () => {
    const imp = importDebuggerText(real.DEVSTACK_SPLIT_ROW_AMDACPBUS);
    expect(imp.stacks[0]?.devices).toEqual(['ffffd188a8d4a780', 'ffffd188a52fcc80', 'ffffd188a5cf8060']);
    const top = imp.devices.find((d) => d.address === 'ffffd188a8d4a780');
    expect(top?.driver).toBe('\\Driver\\amdacpbus');
    expect(top?.name).toBeUndefined();
    expect(imp.problems.filter((p) => p.kind === 'unread')).toEqual([]);
    expect(imp.devnodes[0]?.service).toBe('amdacpbus');
  });

  it('reads a !devobj with no command line and an error between its header and its owner', () => {
    const imp = importDebuggerText(real.IRP_DEVOBJ_USBEHCI);
    const d = imp.devices.find((x) => x.address === '896b1028');
    expect(d).toMatchObject({
      driver: '\\Driver\\usbehci',
      refCount: 0,
      attachedDevice: '89436c98',
      queueBusy: false,
    });
    expect(imp.irps[0]).toMatchObject({ address: '8a6b15c0', thread: '85f6da70', pending: true });
    expect(imp.problems.filter((p) => p.kind === 'unread')).toEqual([]);
  });

  it('tells the author\'s "..." from a cut-off paste', () => {
    const irp = importDebuggerText(real.IRP_DEVOBJ_USBEHCI).problems;
    expect(irp.some((p) => p.kind === 'truncated')).toBe(false);
    expect(irp.find((p) => p.kind === 'elided')?.message).toMatch(
      /1 of its 6 stack locations.*left lines out at line 5/,
    );
    const dev = importDebuggerText(made.ELIDED_DEVOBJ).problems;
    expect(dev.map((p) => p.kind)).toEqual(['elided']);
    const cut = importDebuggerText(made.ELIDED_DEVOBJ.replace('[...]\n', '')).problems;
    expect(cut.map((p) => p.kind)).toEqual(['truncated']);
    expect(cut[0]?.message).toMatch(/cut off\?/);
  });

  it('reads a command whose prompt is glued to another prompt', () => {
    const imp = importDebuggerText(made.GLUED_PROMPT);
    expect(imp.devices[0]).toMatchObject({ address: 'ffffc70b2d0e4c80', name: 'Orbis0', refCount: 2 });
    expect(imp.problems).toEqual([]);
  });

  it('strips DML tags and reads what they wrap', () => {
    const imp = importDebuggerText(made.DML_DEVSTACK);
    expect(imp.stacks[0]?.devices).toEqual(['ffffc70b2e7710a0', 'ffffc70b2d0e4c80']);
    expect(imp.devices.find((d) => d.address === 'ffffc70b2d0e4c80')?.name).toBe('Orbis0');
    expect(imp.drivers.map((d) => d.name)).toEqual(['\\Driver\\upperf', '\\Driver\\orbis']);
    expect(imp.problems).toEqual([]);
  });

  it('reads Windows 2000 fields run together: the attached device is kept', () => {
    const imp = importDebuggerText(made.W2K_DEVOBJ_RUN_TOGETHER);
    expect(imp.devices[0]).toMatchObject({
      address: 'ff0c5a30',
      refCount: 1,
      deviceFlags: 0x1040,
      attachedDevice: 'ff0b59e0',
    });
    expect(imp.problems).toEqual([]);
  });

  it('reads !irp @@(…) 1 of a completed IRP: its address from its stack location, its detail lines known', () => {
    const imp = importDebuggerText(made.IRP_COMPLETED_EXPRESSION);
    expect(imp.irps[0]).toMatchObject({
      address: 'ffffc70b2f6e1010',
      addressDerived: true,
      completed: true,
      thread: 'ffffc70b2f2a4080',
    });
    expect(imp.problems).toEqual([]);
  });
});
