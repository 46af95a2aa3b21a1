import { describe, expect, it } from 'vitest';
import { explainLinux } from './explain';
import { BUS1_IN_USE, LSOF_NVIDIA0, NVIDIA_DRM_FORCE_REFUSED, NVIDIA_RMMOD_CHAIN } from './fixtures/real';
import { readLinuxText, taintLetters } from './read';

/** How a paste comes: with or without prompts, CRLF, colours, sessions shuffled, /sys/module files read. */

const findings = (text: string, module: string) =>
  explainLinux(readLinuxText(text))
    .modules.find((m) => m.module === module)
    ?.findings.map((f) => `${f.id} ${f.status} ${f.lines.join(',')}`);

describe('a paste as it comes', () => {
  it('reads CRLF and CR line ends as LF', () => {
    const lf = findings(NVIDIA_DRM_FORCE_REFUSED, 'nvidia_drm');
    expect(findings(NVIDIA_DRM_FORCE_REFUSED.replace(/\n/g, '\r\n'), 'nvidia_drm')).toEqual(lf);
    expect(findings(NVIDIA_DRM_FORCE_REFUSED.replace(/\n/g, '\r'), 'nvidia_drm')).toEqual(lf);
  });

  it('takes out colours (grep --color, a coloured prompt)', () => {
    const coloured =
      '\u001b[01;32mroot@box\u001b[00m:\u001b[01;34m~\u001b[00m# lsmod | grep --color=auto nvidia\n' +
      '\u001b[01;31m\u001b[Knvidia\u001b[m\u001b[K_modeset       1228800  3 \u001b[01;31m\u001b[Knvidia\u001b[m\u001b[K_drm\n';
    const r = readLinuxText(coloured);
    expect(r.problems).toEqual([]);
    expect(r.modules[0]).toMatchObject({ name: 'nvidia_modeset', refcnt: 3, usedBy: ['nvidia_drm'] });
  });

  it('reads the prompts people have', () => {
    for (const prompt of [
      '$ ',
      '# ',
      'user@host:~$ ',
      '[root@dock bus1]# ',
      'pi:~# ',
      '/ # ',
      'pi@raspberrypi ~ $ ',
      '~]# ',
    ]) {
      const r = readLinuxText(`${prompt}cat /sys/module/uas/refcnt\n3\n`);
      expect(r.problems, prompt).toEqual([]);
      expect(r.modules[0], prompt).toMatchObject({ name: 'uas', refcnt: 3 });
    }
  });

  it('a `# comment` is not a command', () => {
    const r = readLinuxText('# Blacklist UAS\nblacklist uas\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
  });

  it('sessions pasted in any order say the same', () => {
    const a = `${BUS1_IN_USE}${NVIDIA_RMMOD_CHAIN}`;
    const b = `${NVIDIA_RMMOD_CHAIN}${BUS1_IN_USE}`;
    const off = NVIDIA_RMMOD_CHAIN.split('\n').length - 1;
    const shift = (s: string[] | undefined) =>
      s?.map((f) =>
        f.replace(/[\d,]+$/, (ls) =>
          ls
            .split(',')
            .map((l) => Number(l) - off)
            .join(','),
        ),
      );
    expect(shift(findings(b, 'bus1'))).toEqual(findings(a, 'bus1'));
  });
});

describe('/sys/module and /proc/sys/kernel', () => {
  it('ls holders, cat refcnt, cat initstate, cat taint', () => {
    const text = [
      '$ ls /sys/module/usb_storage/holders',
      'uas',
      '$ cat /sys/module/usb_storage/refcnt',
      '1',
      '$ cat /sys/module/usb_storage/initstate',
      'live',
      '$ cat /sys/module/usb_storage/taint',
      '',
      '$ rmmod usb_storage',
      'rmmod: ERROR: Module usb_storage is in use by: uas',
    ].join('\n');
    const r = readLinuxText(text);
    expect(r.problems).toEqual([]);
    expect(r.modules.find((m) => m.name === 'usb_storage')).toMatchObject({
      holders: ['uas'],
      refcnt: 1,
      state: 'live',
    });
    const f = explainLinux(r)
      .modules.find((m) => m.module === 'usb_storage')
      ?.findings.find((x) => x.id === 'holders');
    expect(f).toMatchObject({
      status: 'holds',
      lines: [2, 10],
      text: 'usb_storage is used by uas: it must be unloaded first.',
    });
    expect(f?.next.map((n) => n.command)).toEqual(['modprobe -r uas', 'modprobe -r usb_storage']);
  });

  it('ls -l holders and grep . of several files', () => {
    const text = [
      '# ls -l /sys/module/usb_storage/holders/',
      'total 0',
      'lrwxrwxrwx 1 root root 0 Dec  6 03:10 uas -> ../../uas',
      '# grep . /sys/module/usb_storage/refcnt /sys/module/usb_storage/initstate',
      '/sys/module/usb_storage/refcnt:1',
      '/sys/module/usb_storage/initstate:going',
    ].join('\n');
    const r = readLinuxText(text);
    expect(r.problems).toEqual([]);
    expect(r.modules[0]).toMatchObject({ holders: ['uas'], refcnt: 1, state: 'going' });
  });

  it("decodes /proc/sys/kernel/tainted into the kernel's letters; R is a forced unload", () => {
    expect(taintLetters(0)).toBe('');
    expect(taintLetters(4096)).toBe('O');
    expect(taintLetters(12289)).toBe('POE');
    const e = explainLinux(readLinuxText('$ cat /proc/sys/kernel/tainted\n4104\n'));
    expect(e.others[0]?.text).toBe(
      'The kernel is tainted RO (4104): R means a module was force-unloaded (rmmod -f) since boot.',
    );
  });
});

describe('who holds the reference', () => {
  it("lsof printed, no process holds the module's files: a kernel reference, and rmmod -f with its warning", () => {
    // nvidia0's files are nvidia's (its name says so); none is bus1's.
    const text = `${LSOF_NVIDIA0}${NVIDIA_RMMOD_CHAIN}$ lsmod | grep bus1\nbus1  53248  2\n$ rmmod bus1\nrmmod: ERROR: Module bus1 is in use\n`;
    const f = explainLinux(readLinuxText(text))
      .modules.find((m) => m.module === 'bus1')
      ?.findings.find((x) => x.id === 'references');
    expect(f).toMatchObject({ status: 'holds', holder: 'a kernel reference' });
    expect(f?.text).toMatch(/a kernel reference \(try_module_get\) you cannot see from user space/);
    expect(f?.next[0]?.command).toBe('rmmod -f bus1');
    expect(f?.next[0]?.why).toMatch(/CONFIG_MODULE_FORCE_UNLOAD; it taints the kernel \(R\)/);
  });

  it('lsof on a file whose name names no module, with one module asked about: a question, not a blocker', () => {
    const text = `${LSOF_NVIDIA0}$ rmmod bus1\nrmmod: ERROR: Module bus1 is in use\n`;
    const f = explainLinux(readLinuxText(text)).modules[0]?.findings.map((x) => `${x.id} ${x.status}`);
    expect(f).toEqual(['openFiles unknown', 'openFiles unknown', 'references unknown']);
  });

  it('fuser names the processes, and the kernel when a mount holds it', () => {
    const text = [
      '$ fuser -vm /dev/sdb1',
      '                     USER        PID ACCESS COMMAND',
      '/dev/sdb1:           root     kernel mount /media/usb',
      '                     alice      4242 ..c.. bash',
    ].join('\n');
    const r = readLinuxText(text);
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => [f.pid, f.path, f.access])).toEqual([
      [null, '/dev/sdb1', 'mount'],
      [4242, '/dev/sdb1', '..c..'],
    ]);
  });
});
