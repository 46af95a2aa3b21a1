import { describe, expect, it } from 'vitest';
import { classServerOf, httpOf, joinLink, randomAnimal, randomId, readCode, teacherLink } from './address';

const here = { origin: 'http://10.0.0.5:1235', pathname: '/', protocol: 'http:', host: '10.0.0.5:1235' };

describe('where a live class is', () => {
  it('the class server is the page’s own origin unless a ws(s) address is given', () => {
    expect(classServerOf('', here)).toBe('ws://10.0.0.5:1235');
    expect(classServerOf('', { protocol: 'https:', host: 'lens.example.edu' })).toBe(
      'wss://lens.example.edu',
    );
    expect(classServerOf('?classServer=wss://class.example.edu:8443/', here)).toBe(
      'wss://class.example.edu:8443',
    );
    // Anything else is ignored: no javascript:, no http:, no path tricks.
    for (const bad of ['javascript:alert(1)', 'http://x', 'wss://x/y?z', ''])
      expect(classServerOf(`?classServer=${encodeURIComponent(bad)}`, here)).toBe('ws://10.0.0.5:1235');
    expect(httpOf('wss://a:1')).toBe('https://a:1');
  });

  it('the students’ link carries the code (and the server when it is not the page’s), never the secret', () => {
    expect(joinLink(here, 'AB3CDE', 'ws://10.0.0.5:1235')).toBe('http://10.0.0.5:1235/?class=AB3CDE');
    expect(joinLink(here, 'AB3CDE', 'wss://c.edu')).toBe(
      'http://10.0.0.5:1235/?class=AB3CDE&classServer=wss%3A%2F%2Fc.edu',
    );
    const t = new URL(teacherLink(here, 'AB3CDE', 'ws://10.0.0.5:1235', 's3cret', 'leaked-handle'));
    expect(Object.fromEntries(t.searchParams)).toEqual({
      class: 'AB3CDE',
      teacher: 's3cret',
      lesson: 'leaked-handle',
    });
  });

  it('codes as typed, ids and names for a device', () => {
    expect(readCode(' ab3cde ')).toBe('AB3CDE');
    expect(readCode('AB')).toBeNull();
    expect(readCode('<script>')).toBeNull();
    expect(readCode(null)).toBeNull();
    expect(randomId()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomId()).not.toBe(randomId());
    expect(randomAnimal(() => 0)).toBe('Amber Otter');
    expect(randomAnimal(() => 0.999)).toBe('Teal Zebu');
  });
});
