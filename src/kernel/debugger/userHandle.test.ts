import { describe, expect, it } from 'vitest';
import { explainImport } from './explain';
import { USER_HANDLE_FILE_SERIAL0 } from './fixtures/constructed';
import { USER_HANDLE_FLAGS_DUMP, USER_HANDLE_LIST_DUMP } from './fixtures/real/blogs';
import { OBJECT_SERIAL0_FAILED_UNLOAD } from './fixtures/real/who';
import { importDebuggerText } from './import';

/** The answers for objects no driver explains: the user-mode handles are one of them. */
const answers = (text: string) => explainImport(importDebuggerText(text)).others;

describe('user-mode !handle (0:000>): the debugged process’s own handles', () => {
  it('reads the real list of a dump: each handle and its type, the author’s elision said as such', () => {
    const imp = importDebuggerText(USER_HANDLE_LIST_DUMP);
    // The author's "<Output Snipped …>" leaves nothing cut off: no problem.
    expect(imp.problems).toEqual([]);
    expect(imp.userHandles).toHaveLength(15);
    expect(imp.userHandles?.find((h) => h.handle === '0000000000000008')?.type).toBe('File');
    expect(imp.userHandles?.find((h) => h.handle === '0000000000000bf8')?.type).toBe('Thread');
    // The File handle printed no name: which device it is on is a question, never a ✓.
    const [a] = answers(USER_HANDLE_LIST_DUMP).filter((x) => x.title.includes('user mode'));
    expect(a?.findings.map((f) => f.status)).toEqual(['unknown']);
    expect(a?.findings[0]?.next[0]?.command).toBe('!handle 0 f File');
  });

  it('reads the real flag outputs (1, 2, 4, 8) of one handle as one handle', () => {
    const imp = importDebuggerText(USER_HANDLE_FLAGS_DUMP);
    expect(imp.problems).toEqual([]);
    expect(imp.userHandles).toEqual([
      expect.objectContaining({
        handle: '0000000000000010',
        type: 'Event',
        handleCount: 2,
        pointerCount: 65537,
      }),
    ]);
    expect(imp.userHandles?.[0]?.name).toBeUndefined();
  });

  it('names the device a File handle is open on, and that the process holds its driver', () => {
    const imp = importDebuggerText(USER_HANDLE_FILE_SERIAL0);
    expect(imp.problems).toEqual([]);
    expect(imp.userHandles?.map((h) => [h.handle, h.deviceName])).toEqual([
      ['0000000000000088', 'Serial0'],
      ['000000000000009c', 'HarddiskVolume3'],
    ]);
    const a = answers(USER_HANDLE_FILE_SERIAL0).find((x) => x.title.includes('user mode'));
    const serial = a?.findings.find((f) => f.text.includes('device Serial0'));
    expect(serial?.status).toBe('holds');
    expect(serial?.text).toContain('0x88 (“\\Device\\Serial0”)');
    expect(serial?.next.map((n) => n.command)).toEqual([
      '!devobj Serial0',
      '!devhandles <address of Serial0>',
    ]);
    // Each finding cites its own handle's line.
    expect(serial?.lines).toEqual([2]);
    expect(a?.findings.find((f) => f.text.includes('HarddiskVolume3'))?.lines).toEqual([12]);
  });

  it('ties the handle to the device a kernel paste printed (the failed-unload page’s Serial0)', () => {
    const text = `${OBJECT_SERIAL0_FAILED_UNLOAD}\n${USER_HANDLE_FILE_SERIAL0}`;
    const a = answers(text).find((x) => x.title.includes('user mode'));
    const serial = a?.findings.find((f) => f.text.includes('device Serial0'));
    expect(serial?.text).toContain('device Serial0 (81a578c0)');
    expect(serial?.next[1]?.command).toBe('!devhandles 81a578c0');
  });

  it('a kernel prompt glued after the user-mode one reads the kernel !handle', () => {
    const imp = importDebuggerText('0:000>0: kd> !handle 0 3 0 File\nprocessor number 0\n');
    expect(imp.userHandles).toBeUndefined();
  });
});
