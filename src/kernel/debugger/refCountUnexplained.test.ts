import { describe, expect, it } from 'vitest';
import { explainImport } from './explain';
import { SESSION_LOG } from './fixtures/sessionLog';
import { importDebuggerText } from './import';

/**
 * A RefCount the printed handles do not account for (issue 20): RefCount 3
 * on Orbis0 while `!devhandles` found one handle, on one file object, is a
 * question with the commands that answer it — never a ✓, never silence.
 */
function findingsOn(text: string, device: string) {
  const e = explainImport(importDebuggerText(text));
  return [...e.drivers, ...e.others]
    .flatMap((a) => a.findings)
    .filter((f) => f.blocker?.address === device && /handles printed name/.test(f.text));
}

const ORBIS0 = 'ffffc70b2d0e4c80';

describe('a RefCount that does not match the handles found', () => {
  it('is silent when the one handle found explains RefCount 1', () => {
    expect(findingsOn(SESSION_LOG, ORBIS0)).toEqual([]);
  });

  it('asks about the other references when RefCount is 3 and one file object was found', () => {
    const text = SESSION_LOG.replace(
      'Current Irp 00000000 RefCount 1 Type 00000022',
      'Current Irp 00000000 RefCount 3 Type 00000022',
    );
    expect(text).not.toBe(SESSION_LOG);
    const [f, ...rest] = findingsOn(text, ORBIS0);
    expect(rest).toEqual([]);
    expect(f?.status).toBe('unknown');
    expect(f?.text).toContain('RefCount 3');
    expect(f?.text).toContain('one file object (ffffc70b2f5d8a90)');
    expect(f?.text).toContain('two more are not explained');
    expect(f?.text).toMatch(/ObReferenceObject/);
    // !devhandles was pasted: the next commands look elsewhere.
    expect(f?.next.map((n) => n.command)).toEqual(['!handle 0 3 0 File', `!object ${ORBIS0}`]);
    // It rests on the !devobj that printed RefCount and the !devhandles that printed the handle.
    const lines = text.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l)) + 1;
    expect(f?.lines).toContain(at(/^Device object \(ffffc70b2d0e4c80\) is for:/));
    expect(f?.lines).toContain(at(/^Checking handle table for process 0xffffc70b2a87f040/));
  });

  it('says the counts disagree when more file objects are printed than RefCount counts', () => {
    const text = SESSION_LOG.replace(
      'Current Irp 00000000 RefCount 1 Type 00000022',
      'Current Irp 00000000 RefCount 0 Type 00000022',
    );
    const [f] = findingsOn(text, ORBIS0);
    expect(f?.status).toBe('unknown');
    expect(f?.text).toMatch(/different moments/);
  });
});
