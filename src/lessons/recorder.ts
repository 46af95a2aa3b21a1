import { FORMATS, type Ask } from '../kernel/core';
import type { HistoryEntry, VisualizerState } from '../store/state';

/**
 * Record your own: the steps a teacher did become a scenario file, with the
 * narration and questions they wrote. Each step the teacher did pins the
 * status the kernel gave (an `expect`), so the file fails its replay if a
 * rule ever changes. A step that came from a file (a lesson opened, then
 * annotated) goes back as it came: its `expect` as written (or none), and
 * the file's `rule`, `topic` and options as written, so record → export →
 * import gives the same lesson (recorder.test.ts, over every built-in one).
 */
export function recordedScenario(
  s: Pick<VisualizerState, 'title' | 'summary' | 'os' | 'initial' | 'entries' | 'about'>,
) {
  return {
    format: FORMATS[0],
    title: s.title.trim() || 'My lesson',
    os: s.os,
    ...(s.summary.trim() ? { summary: s.summary.trim() } : {}),
    ...(s.about?.rule === undefined ? {} : { rule: s.about.rule }),
    ...(s.about?.topic === undefined ? {} : { topic: s.about.topic }),
    options: s.about?.options ?? s.initial.options,
    steps: s.entries.map(stepOf),
  };
}

function stepOf(e: HistoryEntry) {
  const expect = e.expect ?? (e.source === 'scenario' ? undefined : { status: e.status });
  return {
    ...e.action,
    ...(e.say ? { say: e.say } : {}),
    ...(e.notes ? { notes: e.notes } : {}),
    ...(e.ask ? { ask: e.ask } : {}),
    ...(expect ? { expect } : {}),
  };
}

/** The file name a recorded lesson is exported under. */
export function fileNameOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'lesson'}.json`;
}

/** A question as the editor holds it while it is being written: the choices one per line. */
export interface AskDraft {
  readonly question: string;
  readonly choices: string;
  readonly answer: number;
  readonly explain: string;
  readonly rule: string;
}

const EMPTY_DRAFT: AskDraft = { question: '', choices: '', answer: 0, explain: '', rule: '' };

export function draftOf(ask: Ask | undefined): AskDraft {
  if (!ask) return EMPTY_DRAFT;
  return {
    question: ask.question,
    choices: ask.choices.join('\n'),
    answer: ask.answer,
    explain: ask.explain ?? '',
    rule: ask.rule ?? '',
  };
}

/** The question a draft makes, or what is still missing (null: no question at all). */
export function askOf(d: AskDraft): { ok: true; ask: Ask | null } | { ok: false; problem: string } {
  const choices = d.choices
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
  if (!d.question.trim() && choices.length === 0) return { ok: true, ask: null };
  if (!d.question.trim()) return { ok: false, problem: 'write the question' };
  if (choices.length < 2) return { ok: false, problem: 'give at least two choices, one per line' };
  if (d.answer < 0 || d.answer >= choices.length) return { ok: false, problem: 'pick the right choice' };
  return {
    ok: true,
    ask: {
      question: d.question.trim(),
      choices,
      answer: d.answer,
      ...(d.explain.trim() ? { explain: d.explain.trim() } : {}),
      ...(d.rule ? { rule: d.rule } : {}),
    },
  };
}
