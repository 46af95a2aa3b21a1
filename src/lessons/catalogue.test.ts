import { expect, it, vi } from 'vitest';
import { LESSON_FILES } from '../scenarios/lessons/files';
import type { LessonId } from '../scenarios/lessons/ids';

/**
 * A page opened on one lesson loads that lesson alone. The test setup loads the whole library
 * (src/test/setup.ts), so these run on fresh modules, as a page that has loaded nothing yet.
 */
async function freshPage() {
  vi.resetModules();
  const catalogue = await import('./catalogue');
  const { createVisualizer } = await import('../store');
  const fetched: LessonId[] = [];
  const loadFile = (id: LessonId) => (fetched.push(id), LESSON_FILES[id]());
  return { catalogue, createVisualizer, fetched, loadFile };
}

it('opens one lesson from its own file, without the library or the other lessons', async () => {
  const { catalogue, createVisualizer, fetched, loadFile } = await freshPage();
  const v = createVisualizer();
  expect(catalogue.loadedLesson('leaked-handle')).toBeNull();
  const before = v.execute('openLesson', { id: 'leaked-handle' });
  expect(before.ok ? '' : before.error).toMatch(
    /has not loaded yet \(await loadLesson\("leaked-handle"\) first\)/,
  );

  const lesson = await catalogue.loadLesson('leaked-handle', loadFile);
  expect(lesson?.id).toBe('leaked-handle');
  expect(lesson?.questions.length).toBeGreaterThan(0);
  expect(catalogue.loadedLessons(), 'the library is not loaded').toBeNull();
  expect(fetched, 'nor any other lesson, and that one once').toEqual(['leaked-handle']);
  expect(await catalogue.loadLesson('leaked-handle', loadFile)).toBe(lesson);
  expect(fetched).toEqual(['leaked-handle']);

  expect(v.execute('openLesson', { id: 'leaked-handle', step: 2 }).ok).toBe(true);
  expect(v.getState().lesson?.id).toBe('leaked-handle');
  expect(v.getState().cursor).toBe(2);
});

it('names an unknown lesson at once, loaded or not', async () => {
  const { catalogue, createVisualizer, fetched, loadFile } = await freshPage();
  expect(catalogue.loadedLesson('nope')).toBe('unknown');
  expect(await catalogue.loadLesson('nope', loadFile)).toBeUndefined();
  expect(fetched).toEqual([]);
  const r = createVisualizer().execute('openLesson', { id: 'nope' });
  expect(r.ok ? '' : r.error).toContain('no lesson "nope"');
});

it('reads a lesson alone exactly as the library reads it', async () => {
  const { catalogue, loadFile } = await freshPage();
  const alone = await catalogue.loadLesson('svr5-busy-while-open', loadFile);
  const all = await catalogue.loadLessons();
  const fromLibrary = all.find((l) => l.id === 'svr5-busy-while-open');
  expect(alone?.scenario).toEqual(fromLibrary?.scenario);
  expect(alone?.text).toBe(fromLibrary?.text);
  expect(catalogue.loadedLesson('svr5-busy-while-open')).toBe(fromLibrary);
});
