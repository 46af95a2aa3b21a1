import { describe, expect, it } from 'vitest';
import { BUILT_IN_IDS, builtInFile, loadedBuiltIns } from '../scenarios/builtIn';
import { LESSON_IDS } from '../scenarios/lessons/ids';
import { LESSON_SCENARIOS } from '../scenarios/lessons';
import { onDemand } from './onDemand';

describe('something loaded on demand', () => {
  it('is null until loaded, loads once however often asked, then reads synchronously', async () => {
    let fetches = 0;
    const part = onDemand(() => {
      fetches += 1;
      return Promise.resolve({ answer: 42 });
    });
    expect(part.loaded()).toBeNull();
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
    expect(part.loaded()).toEqual({ answer: 42 });
  });
});

describe('the built-in scenarios a page loads', () => {
  it('list every lesson in the files’ order, and its file by id', async () => {
    expect(Object.keys(LESSON_SCENARIOS)).toEqual([...LESSON_IDS]);
    expect(BUILT_IN_IDS.slice(2)).toEqual([...LESSON_IDS]);
    expect(await builtInFile('leaked-handle')).toBe(LESSON_SCENARIOS['leaked-handle']);
    expect(loadedBuiltIns().get('svr5-hot-removal')).toBe(LESSON_SCENARIOS['svr5-hot-removal']);
    expect(await builtInFile('windows-defualt')).toBeUndefined();
  });
});
