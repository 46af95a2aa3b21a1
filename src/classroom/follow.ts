import { openQuestion } from '../lessons/question';
import type { VisualizerState } from '../store/state';
import type { ClassCommand, ClassView } from './session';

/**
 * What the teacher's presenter window tells the class, from its own
 * visualizer: the lesson (its steps and which ask questions, never the
 * answers), the step, the open question, and each answer as the teacher
 * reveals it. On a branch (the teacher acting freely) the class stays
 * where the lesson's own steps were.
 */

/** What was last sent, so each change is sent once. */
export interface Sent {
  readonly lesson: string | null;
  readonly step: number | null;
  readonly asking: number | null;
  readonly revealed: ReadonlySet<number>;
}

export const NOTHING_SENT: Sent = { lesson: null, step: null, asking: null, revealed: new Set() };

/** The same, as the server already has it (after a reconnect the teacher sends only what differs). */
export function sentFrom(view: ClassView | null): Sent {
  if (!view?.lesson) return NOTHING_SENT;
  return {
    lesson: view.lesson,
    step: view.step,
    asking: view.asking,
    revealed: new Set(Object.keys(view.revealed).map(Number)),
  };
}

export function classCommands(s: VisualizerState, sent: Sent): { commands: ClassCommand[]; sent: Sent } {
  const lesson = s.lesson;
  if (!lesson || lesson.branchFrom !== null) return { commands: [], sent };
  const commands: ClassCommand[] = [];
  let next = sent;
  const revealedHere = Object.keys(lesson.answers).map(Number);
  // A new lesson, or the same one restarted (R: its answers are gone), starts the class's afresh.
  const restarted = [...sent.revealed].some((k) => !lesson.answers[k]);
  if (sent.lesson !== lesson.id || restarted) {
    const questions: Record<number, number> = {};
    lesson.steps.forEach((e, i) => {
      if (e.ask) questions[i + 1] = e.ask.choices.length;
    });
    commands.push({ type: 'lesson', lesson: lesson.id, steps: lesson.steps.length, questions });
    next = { ...NOTHING_SENT, lesson: lesson.id, step: 0 };
  }
  for (const k of revealedHere) {
    const ask = lesson.steps[k - 1]?.ask;
    if (!ask || next.revealed.has(k)) continue;
    commands.push({ type: 'reveal', step: k, answer: ask.answer });
    next = { ...next, revealed: new Set([...next.revealed, k]) };
  }
  if (next.step !== s.cursor) {
    commands.push({ type: 'step', step: s.cursor });
    next = { ...next, step: s.cursor, asking: next.asking === s.cursor + 1 ? next.asking : null };
  }
  const asking = openQuestion(s);
  if (next.asking !== asking) {
    commands.push({ type: 'ask', step: asking });
    next = { ...next, asking };
  }
  return { commands, sent: next };
}
