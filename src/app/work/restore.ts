import { loadLessons } from '../../lessons/catalogue';
import { asksNext, openQuestion } from '../../lessons/question';
import { loadedBuiltIns } from '../../scenarios/builtIn';
import type { readScenarioParam } from '../../share/link';
import { builtInSourceIn } from '../../share/source';
import { canonical } from '../../share/scenario';
import type { Visualizer } from '../../store';
import type { SavedSession, SavedWork } from './saved';

/**
 * Reads a saved `scenario` parameter (a built-in id or a packed scenario):
 * share/link.ts's reader, with its decompressor, which `prepareRestore`
 * loads so the first view of a page does not carry it.
 */
export interface LinkReader {
  readonly readScenarioParam: typeof readScenarioParam;
}

/** A scenario step as a file has it: the action's fields, `do` first, and maybe narration and a question. */
type Step = Readonly<Record<string, unknown>> & { readonly do: string };

/**
 * Puts saved work (saved.ts) back into a visualizer, only through its
 * door, the same commands a person would give: load the scenario or open
 * the lesson, answer its questions again, act the branch off it again,
 * go to the step. Returns what could not be put back, in words (nothing
 * when all of it was); what could be is kept.
 */
export function restoreWork(v: Visualizer, work: SavedWork, link: LinkReader): string[] {
  const problems: string[] = [];
  // The other OSes first: each switch keeps the session it leaves.
  for (const other of work.others) {
    if (other.os === work.current.os) continue;
    v.execute('switchOs', { os: other.os });
    problems.push(...restoreSession(v, other, link));
  }
  v.execute('switchOs', { os: work.current.os });
  problems.push(...restoreSession(v, work.current, link));
  restoreSettings(v, work);
  return problems;
}

/** The animation speed and the selection alone (the view itself is already the saved one). */
export function restoreSettings(
  v: Visualizer,
  work: Pick<SavedWork, 'speed' | 'instant' | 'selection'> & { current?: SavedSession },
): void {
  v.execute('setSpeed', { speed: work.speed });
  v.execute('setInstant', { instant: work.instant });
  if (work.selection) v.execute('select', { ref: work.selection });
  // The same question open: the focus back on the choice it rested on.
  const asking = work.current?.lesson?.asking;
  if (asking && openQuestion(v.getState()) === asking.step) pointAt(v, asking.choice);
}

/**
 * Loads what putting work back may need and the first view does not (the
 * lessons and their files, the link reader), so `restoreWork` runs at once
 * when asked with the reader this returns.
 */
export async function prepareRestore(): Promise<LinkReader> {
  const [link] = await Promise.all([import('../../share/link'), loadLessons()]);
  return link;
}

function stepsOf(param: string, link: LinkReader): { steps: Step[]; source: unknown } | { error: string } {
  const found = link.readScenarioParam(param, (id) =>
    builtInSourceIn(Object.fromEntries(loadedBuiltIns()), id),
  );
  if (!found.ok) return { error: found.error };
  const source = found.source as { steps?: unknown };
  return { steps: Array.isArray(source.steps) ? (source.steps as Step[]) : [], source };
}

function restoreSession(v: Visualizer, saved: SavedSession, link: LinkReader): string[] {
  const name = saved.title || 'untitled';
  const shown = stepsOf(saved.scenario, link);
  if ('error' in shown) return [`The saved session “${name}” cannot be read: ${shown.error}`];
  const { lesson } = saved;
  if (!lesson) {
    const r = v.execute('loadScenario', { scenario: shown.source });
    if (!r.ok) return [`The saved session “${name}” cannot be opened: ${r.error}`];
    v.execute('goTo', { step: saved.cursor });
    return [];
  }
  const problems: string[] = [];
  if (lesson.origin === 'built-in') {
    const r = v.execute('openLesson', { id: lesson.id });
    if (!r.ok) return [`The saved lesson “${name}” cannot be opened: ${r.error}`];
  } else {
    const own = lesson.own === null ? null : stepsOf(lesson.own, link);
    if (!own || 'error' in own) return [`The saved lesson “${name}” cannot be read.`];
    const r = v.execute('loadLesson', { scenario: own.source, name: lesson.id });
    if (!r.ok) return [`The saved lesson “${name}” cannot be opened: ${r.error}`];
  }
  // The answers, in the order of the lesson: at each question, ask it and answer it (or reveal it) again.
  for (const [at, answer] of Object.entries(lesson.answers).sort(([a], [b]) => Number(a) - Number(b))) {
    v.execute('goTo', { step: Number(at) - 1 });
    v.execute('next');
    const r = answer.choice === null ? v.execute('next') : v.execute('answer', { choice: answer.choice });
    if (!r.ok) problems.push(`An answer to step ${at} of “${name}” could not be given again: ${r.error}`);
  }
  if (lesson.branchFrom !== null) problems.push(...actBranch(v, shown.steps, name));
  v.execute('goTo', { step: saved.cursor });
  // A question that was open is asked again, at the same step, the focus on the same choice (a reload in
  // front of a class comes back AT the question, not one step before it with the question closed).
  const asking = lesson.asking;
  if (asking && asking.step === saved.cursor + 1 && lesson.branchFrom === null) {
    if (asksNext(v.getState())) v.execute('next');
    if (openQuestion(v.getState()) !== asking.step)
      problems.push(`The question of step ${asking.step} of “${name}” could not be asked again.`);
    else pointAt(v, asking.choice);
  }
  return problems;
}

/** The focus back on a choice of the open question (nothing when none was pointed at). */
function pointAt(v: Visualizer, choice: number | null | undefined): void {
  if (choice !== null && choice !== undefined && openQuestion(v.getState()) !== null)
    v.execute('pointChoice', { choice });
}

/** Acts the steps shown where they leave the lesson's own line: the branch starts there again. */
function actBranch(v: Visualizer, steps: readonly Step[], name: string): string[] {
  const own = v.getState().entries;
  let fork = 0;
  while (
    fork < steps.length &&
    fork < own.length &&
    canonical(stepOf(steps[fork])) === canonical(own[fork]?.action)
  )
    fork++;
  v.execute('goTo', { step: fork });
  for (const [i, step] of steps.slice(fork).entries()) {
    const { do: id, ...args } = step;
    const r = v.run(id, args, 'button');
    if (!r.ok)
      return [`Step ${fork + i + 1} of the branch off “${name}” could not be acted again: ${r.error}`];
  }
  return [];
}

/** A scenario step without its narration and question: the action as the history keeps it. */
function stepOf(step: Step | undefined): unknown {
  if (!step) return null;
  const { say: _say, notes: _notes, ask: _ask, expect: _expect, ...action } = step;
  return action;
}
