import { describe, expect, it } from 'vitest';
import * as real from './fixtures/real/who';
import { importDebuggerText } from './import';

describe('!devhandles, !handle, !process and !thread are read', () => {
  it('reads the process and handles !devhandles found on the device', () => {
    const imp = importDebuggerText(real.VMCI_DEVHANDLES_XP);
    expect(imp.processes?.find((p) => p.address === '81c72520')).toMatchObject({
      pid: '068c',
      parentPid: '0598',
      image: 'vmtoolsd.exe',
    });
    expect(imp.handles?.map((h) => [h.handle, h.object, h.process, h.device, h.type])).toEqual([
      ['01b8', '81b4ef90', '81c72520', '821e74f0', 'File'],
      ['01c0', '81b4eef8', '81c72520', '821e74f0', 'File'],
    ]);
    expect(imp.problems.filter((p) => p.kind === 'unread' || p.kind === 'truncated')).toEqual([]);
  });

  it('reads a kernel-table handle and the device named after a file', () => {
    const imp = importDebuggerText(real.VOLUME_DEVHANDLES_W7);
    expect(imp.handles?.[0]).toMatchObject({
      handle: '0048',
      kernel: true,
      device: 'fffffa8001bd3cd0',
      deviceName: 'HarddiskVolume1',
      name: '\\Windows\\System32\\LogFiles\\WMI\\RtBackup\\EtwRTEventLog-Application.etl',
    });
    expect(imp.processes?.[0]).toMatchObject({ pid: '0004', image: 'System' });
    expect(imp.problems.filter((p) => p.kind === 'unread')).toEqual([]);
  });

  it('reads !handle tables, with or without a prompt', () => {
    const k = importDebuggerText(real.HANDLE_KERNEL_DOCS);
    expect(k.handles?.length).toBe(8);
    expect(k.handles?.find((h) => h.handle === '0014')).toMatchObject({ kernel: true, type: 'Key' });
    expect(k.problems.filter((p) => p.kind === 'unread')).toEqual([]);
    const s = importDebuggerText(real.HANDLE_SECTION_X64_DOCS);
    expect(s.handles?.[0]).toMatchObject({ handle: '0040', process: 'fffffa8004f48940', type: 'Section' });
    expect(s.processes?.[0]).toMatchObject({ pid: '0138', image: 'smss.exe' });
    expect(s.problems).toEqual([]);
  });

  it('reads every process of !process 0 0', () => {
    const imp = importDebuggerText(real.PROCESS_00_NT4_DOCS);
    expect(imp.processes?.map((p) => `${p.pid} ${p.image}`)).toEqual([
      '0002 System',
      '0012 smss.exe',
      '001a csrss.exe',
      '0020 winlogon.exe',
      '0026 services.exe',
      '0029 lsass.exe',
      '0044 SPOOLSS.EXE',
    ]);
    expect(imp.problems).toEqual([]);
  });

  it('reads a thread and its owning process', () => {
    const imp = importDebuggerText(real.THREAD_W10_DOCS);
    expect(imp.threads?.[0]).toMatchObject({
      address: 'ffffcb088f0a4480',
      pid: '0e34',
      tid: '3814',
      process: 'ffffcb08905397c0',
      image: 'MsMpEng.exe',
    });
    expect(imp.processes?.[0]).toMatchObject({
      address: 'ffffcb08905397c0',
      image: 'MsMpEng.exe',
      pid: '0e34',
    });
    expect(imp.problems).toEqual([]);
  });
});
