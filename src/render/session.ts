import { readFile } from 'node:fs/promises';
import { loadLessons } from '../lessons/catalogue';
import { LESSON_IDS, isLessonId } from '../scenarios/lessons/ids';
import { BUILT_IN_IDS } from '../scenarios/builtIn';
import { builtInSource } from '../share/source';
import { createVisualizer, loadFor, type Visualizer } from '../store';

/**
 * What `npm run render` draws, opened as the app opens it: a built-in
 * lesson (by id, at step 0 unless told, as `?lesson=` opens it), a built-in
 * scenario (by id, at its latest step, as `?scenario=` does) or a scenario
 * file; then `step`, clamped as the app clamps it. Node only (reads files).
 */
export async function openForRender(
  what: string,
  step: number | undefined,
): Promise<{ visualizer: Visualizer; notes: string[] }> {
  const v = createVisualizer();
  const notes: string[] = [];
  if (isLessonId(what)) {
    await loadLessons();
    must(v.run('openLesson', { id: what, ...(step === undefined ? {} : { step }) }, 'scenario'), what);
  } else {
    let source: unknown;
    if (BUILT_IN_IDS.includes(what)) {
      const found = await builtInSource(what);
      if (!found.ok) throw new Error(found.error);
      source = found.source;
    } else {
      try {
        source = await readFile(what, 'utf8');
      } catch {
        throw new Error(
          `"${what}" is not a built-in scenario, a lesson or a file. Built-in: ${BUILT_IN_IDS.filter((id) => !isLessonId(id)).join(', ')}; lessons: ${LESSON_IDS.join(', ')}.`,
        );
      }
    }
    await loadFor({ scenario: source });
    must(v.run('loadScenario', { scenario: source }, 'scenario'), what);
    if (step !== undefined) v.run('goTo', { step }, 'scenario');
  }
  const s = v.getState();
  if (step !== undefined && s.cursor !== step)
    notes.push(`step ${step} is not a step of ${what} (0 to ${s.entries.length}); drew step ${s.cursor}.`);
  return { visualizer: v, notes };
}

function must(out: { ok: boolean; error?: string }, what: string) {
  if (!out.ok) throw new Error(`${what} could not be opened: ${out.error ?? 'unknown reason'}`);
}
