import { describe, expect, it } from 'vitest';
import { explainLinux } from './explain';
import type { LinuxFinding } from './finding';
import * as real from './fixtures/real';
import { readLinuxText } from './read';

/**
 * Every real output of fixtures/real.ts (each citing where it was published)
 * is read — the only lines not read are the ones listed here, each for its
 * reason — and explained: the findings each fixture shows, on their lines.
 */

/** Lines of the real pastes that are not the output of a command the reader reads, by fixture. */
const NOT_READ: Record<string, number[]> = {
  // The script's own echo lines ("Unload nvidia_uvm...").
  NVIDIA_UNLOAD_SCRIPT_DGX: [1, 2, 4, 6],
  // modinfo's output.
  BUS1_IN_USE: [8, 9, 10, 11, 12, 13, 14, 15, 16],
  // uname -a's output.
  PERMANENT_8188EU: [11],
  // make's own error line after rmmod's.
  MODULE_INIT_TOOLS_BUSY: [4],
};

function explain(text: string) {
  return explainLinux(readLinuxText(text));
}

/** The findings about `module`, as "id status". */
function about(text: string, module: string): string[] {
  const a = explain(text).modules.find((m) => m.module === module);
  return (a?.findings ?? []).map((f) => `${f.id} ${f.status}`);
}

function find(text: string, module: string, id: LinuxFinding['id']): LinuxFinding | undefined {
  return explain(text)
    .modules.find((m) => m.module === module)
    ?.findings.find((f) => f.id === id);
}

describe('every real published output is read and explained', () => {
  for (const [name, text] of Object.entries(real)) {
    it(name, () => {
      const r = readLinuxText(text);
      expect(r.problems.map((p) => p.line)).toEqual(NOT_READ[name] ?? []);
      const lines = text.split('\n').length;
      const e = explainLinux(r);
      for (const f of [...e.modules.flatMap((m) => m.findings), ...e.others]) {
        expect(f.lines.length).toBeGreaterThan(0);
        for (const l of f.lines) expect(l).toBeLessThanOrEqual(lines);
      }
    });
  }
});

describe('what each real output shows', () => {
  it('rmmod on the NVIDIA stack: holders first, in order; "in use" alone is a reference the paste cannot place', () => {
    const holders = find(real.NVIDIA_RMMOD_CHAIN, 'nvidia', 'holders');
    expect(holders).toMatchObject({ status: 'holds', lines: [4], holder: 'nvidia_uvm, nvidia_modeset' });
    // nvidia_drm uses nvidia_modeset (line 2), so it goes before it.
    expect(holders?.next.map((n) => n.command)).toEqual([
      'modprobe -r nvidia_uvm nvidia_drm nvidia_modeset',
      'modprobe -r nvidia',
    ]);
    expect(about(real.NVIDIA_RMMOD_CHAIN, 'nvidia_drm')).toEqual(['references unknown']);
    expect(find(real.NVIDIA_RMMOD_CHAIN, 'nvidia_drm', 'references')?.next[0]?.command).toMatch(/^lsof /);
  });

  it('a script between the errors: its echo lines are listed, the errors read the same', () => {
    expect(find(real.NVIDIA_UNLOAD_SCRIPT_DGX, 'nvidia', 'holders')).toMatchObject({
      lines: [7],
      holder: 'nvidia_modeset',
    });
    const r = readLinuxText(real.NVIDIA_UNLOAD_SCRIPT_DGX);
    expect(r.problems[0]?.message).toMatch(/^"Unload nvidia_uvm\.\.\.": not a line this reader knows/);
  });

  it("rmmod -f refused with EAGAIN: no CONFIG_MODULE_FORCE_UNLOAD; lsmod's count 2 with no holders", () => {
    const t = real.NVIDIA_DRM_FORCE_REFUSED;
    expect(find(t, 'nvidia_drm', 'forceRefused')).toMatchObject({ status: 'holds', lines: [3, 4, 5] });
    expect(find(t, 'nvidia_drm', 'references')?.text).toMatch(
      /^nvidia_drm: refcnt 2; 2 more held by open device files or by kernel code/,
    );
    const m = readLinuxText(t).modules.find((x) => x.name === 'nvidia_modeset');
    expect(m).toMatchObject({ size: 1228800, refcnt: 3, usedBy: ['nvidia_drm'] });
  });

  it('modprobe -vr: the module its remove command names is not loaded', () => {
    expect(about(real.MODPROBE_VR_NOT_LOADED, 'nvidia_uvm')).toEqual(['notLoaded note']);
    expect(find(real.MODPROBE_VR_NOT_LOADED, 'nvidia', 'refused')?.lines).toEqual([4]);
  });

  it('built in: rmmod and modprobe say so, and nothing else is claimed', () => {
    expect(about(real.NVME_BUILTIN_PHOTON, 'nvme')).toEqual(['builtin holds']);
    expect(about(real.VFAT_BUILTIN_MODPROBE, 'vfat')).toEqual(['builtin holds']);
  });

  it('/proc/modules: every row, its holders and state', () => {
    const r = readLinuxText(real.PROC_MODULES_DDCUTIL);
    expect(r.modules).toHaveLength(26);
    expect(r.modules.find((m) => m.name === 'llc')).toMatchObject({
      refcnt: 2,
      usedBy: ['garp', 'stp'],
      state: 'live',
    });
    expect(r.modules.find((m) => m.name === 'hidp')).toMatchObject({ refcnt: 0, usedBy: [] });
  });

  it("[permanent]: no exit function; libkmod's EBUSY noted", () => {
    const t = real.PERMANENT_8188EU;
    expect(find(t, '8188eu', 'permanent')).toMatchObject({ status: 'holds', lines: [8] });
    expect(find(t, '8188eu', 'refused')).toMatchObject({ lines: [5] });
    expect(find(t, '8188eu', 'refused')?.text).toMatch(/EBUSY/);
  });

  it('lsof on nvidia0: each process once, with its descriptors, and the command to free the file', () => {
    const e = explain(real.LSOF_NVIDIA0);
    expect(e.others.map((f) => f.holder)).toEqual(['pid 864 (Xorg)', 'pid 2193 (compiz)']);
    expect(e.others[0]?.lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(e.others[0]?.next.map((n) => n.command)).toEqual(['kill 864', 'fuser -k /dev/nvidia0']);
  });

  it("lsof on nvidia0 with rmmod nvidia: the files are nvidia's, and hold it", () => {
    const t = `${real.LSOF_NVIDIA0}${real.NVIDIA_RMMOD_CHAIN}`;
    const files = explain(t)
      .modules.find((m) => m.module === 'nvidia')
      ?.findings.filter((f) => f.id === 'openFiles');
    expect(files?.map((f) => `${f.status} ${f.holder}`)).toEqual([
      'holds pid 864 (Xorg)',
      'holds pid 2193 (compiz)',
    ]);
  });

  it('fuser -fv: the file, the user, the pid and the access', () => {
    const r = readLinuxText(real.FUSER_PCM);
    expect(r.files).toEqual([
      {
        path: '/dev/snd/pcmC0D0p',
        pid: 3128,
        user: 'root',
        access: 'F...m',
        command: 'audio_player',
        line: 3,
        tool: 'fuser',
      },
      {
        path: '/dev/snd/pcmC0D0c',
        pid: 3135,
        user: 'root',
        access: 'F...m',
        command: 'audio_server',
        line: 6,
        tool: 'fuser',
      },
    ]);
  });

  it('taint: (POE), 12289 and the log lines agree', () => {
    const r = readLinuxText(real.TAINT_MODULE_UAC);
    expect(r.taint).toMatchObject({ value: 12289, letters: 'POE' });
    expect(r.log.map((l) => l.line)).toEqual([7, 8, 9, 10]);
    expect(about(real.TAINT_MODULE_UAC, 'taint_module')).toEqual([
      'holders clear',
      'references clear',
      'taint note',
      'log note',
    ]);
  });

  it('lsmod racing an unload: the -2 row is not trusted', () => {
    expect(find(real.LSMOD_HOLDERS_RACE, 'nvidia', 'notLoaded')).toMatchObject({
      status: 'unknown',
      lines: [2],
    });
    expect(
      readLinuxText(real.LSMOD_HOLDERS_RACE).modules.find((m) => m.name === 'nvidia')?.refcnt,
    ).toBeUndefined();
  });

  it('bus1: count 2, no module uses it, no lsof printed: where to look', () => {
    expect(about(real.BUS1_IN_USE, 'bus1')).toEqual(['references unknown']);
    expect(find(real.BUS1_IN_USE, 'bus1', 'references')?.lines).toEqual([2, 5]);
  });

  it("busybox's wording, and kmod's garbled holder list, both read", () => {
    const t = real.BRCMFMAC_BUSYBOX_AND_KMOD;
    expect(find(t, 'brcmfmac', 'holders')).toMatchObject({ holder: 'brcmfmac_wcc', lines: [4, 8] });
    expect(find(t, 'brcmfmac', 'refused')?.text).toMatch(
      /^busybox rmmod could not remove brcmfmac: the kernel answered EWOULDBLOCK/,
    );
  });

  it('module-init-tools: "ERROR: Removing" read as EBUSY', () => {
    expect(find(real.MODULE_INIT_TOOLS_BUSY, 'nat64', 'refused')).toMatchObject({ lines: [3] });
  });

  it('no module unloading in the kernel', () => {
    expect(about(real.UNLOAD_NOT_SUPPORTED, 'rust_xxx')).toEqual(['refused note']);
    expect(
      explain(real.UNLOAD_NOT_SUPPORTED).others.map((f) => `${f.id} ${f.status} ${f.lines.join(',')}`),
    ).toEqual(['unloadUnsupported holds 2']);
  });

  it('a use count of -1 is GOING', () => {
    expect(find(real.LKMPG_GOING, 'procfs3', 'state')).toMatchObject({ status: 'holds', lines: [2, 5] });
  });

  it('a device open with no .owner: count 0, nothing to see (the bug is the missing owner)', () => {
    expect(about(real.MOTOR_NO_OWNER, 'motor')).toEqual(['holders clear', 'references clear', 'taint note']);
  });

  it("the kernel log: [last unloaded: …] and RHEL's taint letters; the other lines counted, not dropped", () => {
    const r = readLinuxText(real.KPATCH_LAST_UNLOADED_LOG);
    expect(r.log).toEqual([
      {
        line: 5,
        text: 'bnx2 mdio dm_mirror dm_region_hash dm_log dm_mod [last unloaded: kpatch_klp]',
        module: 'kpatch_klp',
      },
      {
        line: 6,
        text: 'CPU: 2 PID: 2286 Comm: kpatch Tainted: GF    U    IO--------------   3.10.0-200.el7.x86_6',
      },
    ]);
    expect(r.taint).toEqual({ letters: 'FUIO', lines: [6] });
    expect(r.otherLog).toEqual({ count: 4, first: 1 });
  });

  it('modprobe -r -v: the rmmod lines it ran are read as removals', () => {
    expect(explain(real.MODPROBE_RV_CHAIN_RHEL6).modules.map((m) => m.module)).toEqual([
      'firewire_ohci',
      'firewire_core',
      'crc_itu_t',
    ]);
  });
});
