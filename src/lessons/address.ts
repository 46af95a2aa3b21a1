import type { VisualizerState } from '../store/state';
import { openQuestion } from './question';

/**
 * `?lesson=leaked-handle&step=4`: where a built-in lesson stands, kept in
 * the address bar as the lesson moves, so the address always lands exactly
 * there. Only the two parameters are this module's; the others are left
 * as they are.
 */
export interface LessonAddress {
  readonly id: string;
  readonly step: number;
}

export function lessonAddressOf(search: string): LessonAddress | null {
  const p = new URLSearchParams(search);
  const id = p.get('lesson');
  if (!id) return null;
  const step = Number(p.get('step') ?? '0');
  return { id, step: Number.isInteger(step) && step >= 0 ? step : 0 };
}

/** Where the address should stand for this state: a lesson and its step, or none. */
export function addressOf(s: VisualizerState): LessonAddress | null {
  const l = s.lesson;
  if (!l || l.origin !== 'built-in') return null;
  // On a branch the address keeps the lesson's own step the branch left from. While a question is
  // open, the step that asks it: opened, that address asks it again (commands.ts `landAt`).
  return { id: l.id, step: l.branchFrom ?? openQuestion(s) ?? s.cursor };
}

/** The query string with the lesson's parameters set (or removed), other parameters kept. */
export function withLessonAddress(search: string, at: LessonAddress | null): string {
  const p = new URLSearchParams(search);
  if (at) {
    p.delete('os');
    p.set('lesson', at.id);
    p.set('step', String(at.step));
  } else if (p.has('lesson')) {
    p.delete('lesson');
    p.delete('step');
  }
  const q = p.toString();
  return q ? `?${q}` : '';
}
