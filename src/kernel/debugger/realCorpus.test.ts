import { describe, expect, it } from 'vitest';
import { explainImport } from './explain';
import * as blogs from './fixtures/real/blogs';
import * as docs from './fixtures/real/docsPages';
import * as repos from './fixtures/real/docsRepos';
import * as notes from './fixtures/real/notes';
import * as classes from './fixtures/real/readerClasses';
import * as who from './fixtures/real/who';
import { importDebuggerText } from './import';

/**
 * Every real output of the fixtures (fixtures/real/, each citing where it
 * was published) is read whole — no line left unread, nothing reported cut
 * off — and explained: at least one answer, each finding on its lines.
 */
const REAL: Record<string, string> = { ...docs, ...classes, ...who, ...blogs, ...notes, ...repos };

/**
 * Real outputs their authors cut with no mark inside the output: each is
 * reported once as "cut off?", which is all a reader can say. The Windows
 * Internals transcription stops !object before its counts; the notes keep
 * only the stack locations they discuss ("Output truncated to the
 * interesting bits", "节选" — an excerpt — said outside the block); a
 * French post shows the first two lines of a !devobj.
 */
const CUT_BY_THEIR_AUTHORS: Record<string, number> = {
  VOLUME_DEVHANDLES_W7: 1,
  IRP_SET_POWER_A38CCID_W81: 1,
  IRP_CREATE_USBVIDEO_W11: 1,
  HIDUSB_DEVSTACK_DEVOBJ_EXCERPT_W11: 1,
  IRP_SET_POWER_USBHUB3_EXCERPT_W11: 1,
  VMX_SVGA_DRVOBJ3_HANDLE_XP: 1,
};

describe('every real published output is read and explained', () => {
  for (const [name, text] of Object.entries(REAL)) {
    it(name, () => {
      const imp = importDebuggerText(text);
      const bad = imp.problems.filter(
        (p) => p.kind === 'unread' || p.kind === 'truncated' || p.kind === 'limit',
      );
      const expected = CUT_BY_THEIR_AUTHORS[name] ?? 0;
      expect(bad.map((p) => `${p.line}: ${p.message}`)).toHaveLength(expected);
      const e = explainImport(imp);
      const answers = [...e.drivers, ...e.others];
      const objects =
        imp.objects.length +
        imp.devices.length +
        imp.drivers.length +
        (imp.processes?.length ?? 0) +
        (imp.userHandles?.length ?? 0);
      expect(objects).toBeGreaterThan(0);
      for (const a of answers) for (const f of a.findings) expect(f.lines.length).toBeGreaterThan(0);
    });
  }

  it('reads the page examples into what they show', () => {
    expect(importDebuggerText(docs.DEVSTACK_IA64_DOCS).stacks[0]?.devices).toEqual([
      'e0000165fff32040',
      'e000000085007b50',
    ]);
    const dir = importDebuggerText(docs.OBJECT_DEVICE_DIRECTORY_DOCS);
    expect(dir.devices.find((d) => d.address === 'ffffe0083b85d060')?.name).toBe('USBPDO-8');
    expect(importDebuggerText(docs.OBJECT_SYMLINK_DOCS).objects[0]?.target).toBe('\\Device\\Tdx');
    const vista = importDebuggerText(docs.IRP_VISTA_DOCS).irps[0];
    expect(vista).toMatchObject({
      address: '831f4a00',
      stackCount: 8,
      currentLocation: 5,
      thread: '8c622118',
    });
    expect(vista?.locations.find((l) => l.current)).toMatchObject({
      major: '3',
      driver: '\\Driver\\disk',
      pending: true,
    });
    expect(importDebuggerText(docs.USBPDO_DEVSTACK_KDEXTS_DOCS).stacks[0]?.queried).toBe('ffffe00000d94050');
  });

  it("reads the blog posts' i8042prt outputs (Windows XP) into what they show", () => {
    const drv = importDebuggerText(blogs.I8042PRT_DRVOBJ_XP).drivers[0];
    expect(drv).toMatchObject({ name: '\\Driver\\i8042prt', address: '822c9b08' });
    expect(drv?.devices).toEqual(['82238020', '822c9328']);
    const dev = importDebuggerText(blogs.I8042PRT_DEVOBJ_MOUSE_XP).devices.find(
      (d) => d.address === '827a7578',
    );
    expect(dev).toMatchObject({ refCount: 0, attachedDevice: '82bb5020', attachedTo: '82d9c3c8' });
    // A link is cited where its output starts, and said so: not "AttachedDevice (Upper), line 2".
    const above = explainImport(importDebuggerText(blogs.I8042PRT_DEVOBJ_MOUSE_XP))
      .drivers.flatMap((a) => a.findings)
      .find((f) => f.id === 'attachedAbove' && f.status === 'holds');
    expect(above?.text).toContain('(AttachedDevice (Upper) in the !devobj at line 2)');
    const stack = importDebuggerText(blogs.I8042PRT_DEVSTACK_XP).stacks[0];
    expect(stack?.devices).toEqual(['82238e48', '823f82e0', '82238020', '82188e00']);
    expect(stack?.queried).toBe('82238020');
    const obj = importDebuggerText(blogs.I8042PRT_OBJECT_XP).objects[0];
    expect(obj).toMatchObject({ address: '82831da0', type: 'Driver', pointerCount: 5, handleCount: 0 });
  });

  it('reads the public notes into what they show, and answers who sent the IRP', () => {
    // HTML-escaped prompts and rows ("1: kd&gt;") are read as the debugger printed them.
    const condrv = importDebuggerText(notes.CONDRV_IRP_THREAD_HTML_W10);
    expect(condrv.problems).toEqual([]);
    expect(condrv.irps[0]?.locations.find((l) => l.current)).toMatchObject({ driver: '\\Driver\\condrv' });
    const sent = explainImport(condrv)
      .drivers.flatMap((a) => a.findings)
      .find((f) => f.id === 'outstandingIrp');
    expect(sent?.text).toContain('it was sent by thread ffffcc8bd9c4f2c0 of work.exe (PID 0x2744 = 10052');
    // An author's "..." in the ObjectName column is no device name.
    const hid = importDebuggerText(notes.HIDUSB_DEVSTACK_DEVOBJ_EXCERPT_W11);
    expect(hid.devices.find((d) => d.address === 'ffffbc8f9611e750')?.name).toBeUndefined();
    expect(hid.stacks[0]?.devices).toEqual(['ffffbc8f96b05410', 'ffffbc8f9611e750']);
    // A real flag-2 !drvobj: its Unload routine is a ✓, its device list a question.
    const reaper = explainImport(importDebuggerText(notes.DRVOBJ2_REAPER_W10)).drivers[0];
    expect(reaper?.findings.find((f) => f.id === 'deviceList')?.status).toBe('unknown');
    expect(reaper?.findings.find((f) => f.id === 'unloadRoutine')?.status).toBe('clear');
    // The power IRP worker's !thread: eight IRPs listed, owned by System.
    const worker = importDebuggerText(notes.AMDACPBUS_IRP_THREAD_W11).threads?.[0];
    expect(worker).toMatchObject({ image: 'System', pid: '0004', tid: '0014' });
    expect(worker?.irps).toHaveLength(8);
  });

  it("reads the docs repositories' and write-ups' outputs into what they show", () => {
    // Windows 2000's fields run together: the attached device is kept.
    const w2k = importDebuggerText(repos.DEVOBJ_ATTACHEDDEV_W2K_DOCS).devices.find(
      (d) => d.address === 'ff0d4af0',
    );
    expect(w2k).toMatchObject({ refCount: 0, attachedDevice: 'ff0b59e0' });
    expect(importDebuggerText(repos.DRVOBJ_SERIAL_W2K_DOCS).drivers[0]?.devices).toEqual([
      'ffba3040',
      'ff0b4040',
      'ff0b59e0',
      'ff0b5040',
    ]);
    // A breakpoint's output with no prompt: the thread that opened the PDO, and RefCount 1.
    const ba = importDebuggerText(repos.BA_THREAD_DEVOBJ_W8);
    expect(ba.threads?.[0]).toMatchObject({ address: '87eb3d40', image: 'cscript.exe', pid: '1094' });
    expect(ba.devices.find((d) => d.address === '849e9648')?.refCount).toBe(1);
    // Windows XP's "processor number 0, process 815c3020" starts a kernel !handle.
    const xp = importDebuggerText(repos.VMX_SVGA_DRVOBJ3_HANDLE_XP);
    expect(xp.handles?.[0]).toMatchObject({
      handle: '80000478',
      object: '816e48e8',
      kernel: true,
      type: 'File',
    });
    expect(xp.drivers.find((d) => d.name === '\\Driver\\vmx_svga')?.unloadRoutine).toBe('f97aa7e6');
    expect(importDebuggerText(repos.VOLMGR_DRVOBJ_DEVOBJ_W10).devices[0]?.refCount).toBe(40417);
    // The lab's "…" glued to an address is the author's, not part of the PDO's address.
    expect(importDebuggerText(repos.DEVNODE_TREE_LAB).devnodes.map((n) => n.pdo)).toEqual([
      'ffffe0005a3a9e50',
      'ffffe0005a3a4e50',
      'ffffe0005bd95ca0',
    ]);
  });

  it("reads an OCR'd book's copy for what survived, and reports the damaged command instead of guessing", () => {
    const imp = importDebuggerText(notes.KBDCLASS_DRVOBJ_OCR_W10);
    expect(imp.drivers[0]?.devices).toEqual(['9f509648', '8bf2fe20', '8a541030']);
    expect(imp.problems).toEqual([expect.objectContaining({ line: 7, kind: 'otherCommand', endLine: 11 })]);
    // The damaged !devobj printed "RefCount 0", but it was not read: no ✓ rests on it.
    expect(imp.devices.every((d) => d.refCount === undefined)).toBe(true);
    const findings = explainImport(imp).drivers.flatMap((a) => a.findings);
    expect(findings.filter((f) => f.status === 'clear')).toEqual([]);
  });
});
