import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../kernel';
import { readScenarioFile, readScenarioText } from './files';
import { MAX_LINK_CHARS, packScenario, unpackScenario } from './pack';

/** Links and files within the limits of docs/limits.md. */

const base = { format: 'unload-scenario/1', title: 'Limits', os: 'windows', steps: [] };

/** Packs any text as a link would carry it (no JSON.stringify: the text is the JSON). */
function packText(text: string): string {
  const bytes = deflateSync(strToU8(text), { level: 9 });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `~1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('a link within the limits', () => {
  it('that inflates past the scenario size is refused, whatever its own size', () => {
    // 20 MB of blanks deflate to about 20 KB.
    const bomb = packText(JSON.stringify({ ...base, summary: ' '.repeat(20_000_000) }));
    expect(bomb.length).toBeLessThan(40_000);
    expect(unpackScenario(bomb)).toEqual({
      ok: false,
      error:
        'the scenario in this link unpacks to more than 2,000,000 bytes, the most a scenario may be (docs/limits.md); it was not read.',
    });
  });

  it('of the largest size still unpacks', () => {
    const summary = 'x'.repeat(LIMITS.scenarioChars - JSON.stringify({ ...base, summary: '' }).length);
    const packed = packScenario({ ...base, summary });
    expect(unpackScenario(packed)).toEqual({ ok: true, scenario: { ...base, summary } });
  });

  it('longer than MAX_LINK_CHARS is refused unread', () => {
    const r = unpackScenario(`~1.${'A'.repeat(MAX_LINK_CHARS)}`);
    expect(r).toEqual({
      ok: false,
      error:
        'the scenario in this link is 1,000,003 characters long; this build reads links of at most 1,000,000 (docs/limits.md). Share the scenario as a file instead.',
    });
  });

  it('nesting deeper than a scenario does is refused with the reader’s words, not "damaged"', () => {
    const r = unpackScenario(packText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^the JSON nests more than 32 levels deep at line 1, column 33;/);
  });

  it('with a link format of many digits is damaged, not a number', () => {
    const r = unpackScenario(`~${'9'.repeat(30)}.abc`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/damaged/);
  });
});

describe('a file or paste within the limits', () => {
  it('a file over the size cap is refused before its text is read', async () => {
    const file = new File([new Uint8Array(20_000_000)], 'zeros.json');
    let read = false;
    Object.defineProperty(file, 'text', {
      value: () => {
        read = true;
        return Promise.resolve('');
      },
    });
    const r = await readScenarioFile(file);
    expect(read).toBe(false);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message:
            'zeros.json is 20 MB; a scenario file is at most 2 MB (docs/limits.md), and usually a few kilobytes: is this the right file?',
        },
      ],
    });
  });

  it('a paste over the size cap gets one problem naming the cap', async () => {
    const r = await readScenarioText(`{"steps": [${'0,'.repeat(1_500_000)}0]}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]?.message).toMatch(
        /^the scenario is 3,000,014 characters long; this build reads at most 2,000,000/,
      );
    }
  });

  it('a paste of bad JSON still says where the mistake is', async () => {
    const r = await readScenarioText(
      '{\n  "format": "unload-scenario/1",\n  "title": "x"\n  "os": "windows"\n}',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^not valid JSON at line 4, column 3/);
  });
});
