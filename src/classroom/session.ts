/**
 * A live class's session, as plain data, and who may change what (issue 23).
 * The collaboration server (server/classroom.ts) runs every message through
 * `applyCommand` before anything reaches the shared document: the teacher
 * moves the class (lesson, step, question, reveal), a student writes only
 * their own answer, under the seat their connection was given. Pure: no
 * clock, no network, no randomness (the caller passes `now`).
 */

/** Bounds the server keeps, whatever a client sends. */
export const LIMITS = {
  /** A name's length, in characters, after trimming. */
  name: 24,
  /** One command, in bytes of JSON. */
  command: 4096,
  /** Any one message on the socket from a student (a sync request, an awareness ping, a command). */
  studentMessage: 8192,
  /** Messages a connection may send per window (a phone answering and re-answering sends a few). */
  messages: 40,
  windowMs: 10_000,
  /** A lesson's steps and a question's choices. */
  steps: 400,
  choices: 12,
  /** Students in one class (a MOOC cohort goes over several classes or servers). */
  students: 5000,
  /** A lesson id. */
  lessonId: 80,
} as const;

/** The class as the server keeps it. `names` stays on the server: the shared document carries counts, never names. */
export interface ClassState {
  readonly lesson: string | null;
  readonly steps: number;
  /** Question steps (1-based, as the lesson's cursor) → how many choices. */
  readonly questions: Readonly<Record<number, number>>;
  /** The teacher's step (the lesson's cursor). */
  readonly step: number;
  /** The step whose question the teacher has open, or null. */
  readonly asking: number | null;
  /** Revealed question steps → the right choice (sent by the teacher only at the reveal). */
  readonly revealed: Readonly<Record<number, number>>;
  /** Question step → seat → choice. */
  readonly answers: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** Seat → the name its student chose. */
  readonly names: Readonly<Record<string, string>>;
}

export const EMPTY_CLASS: ClassState = {
  lesson: null,
  steps: 0,
  questions: {},
  step: 0,
  asking: null,
  revealed: {},
  answers: {},
  names: {},
};

/** Who sent a command, as the server authenticated the connection (never as the message says). */
export type Actor = { readonly role: 'teacher' } | { readonly role: 'student'; readonly seat: string };

export type ClassCommand =
  | {
      readonly type: 'lesson';
      readonly lesson: string;
      readonly steps: number;
      readonly questions: Readonly<Record<number, number>>;
    }
  | { readonly type: 'step'; readonly step: number }
  | { readonly type: 'ask'; readonly step: number | null }
  | { readonly type: 'reveal'; readonly step: number; readonly answer: number }
  | { readonly type: 'answer'; readonly step: number; readonly choice: number };

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const no = (error: string): Result<never> => ({ ok: false, error });
const isWhole = (n: unknown, min: number, max: number): n is number =>
  Number.isInteger(n) && (n as number) >= min && (n as number) <= max;

/** Reads one command from the wire; anything malformed, oversized or unknown is refused in words. */
export function readCommand(payload: string): Result<ClassCommand> {
  if (payload.length > LIMITS.command) return no(`a command is at most ${LIMITS.command} bytes`);
  let d: unknown;
  try {
    d = JSON.parse(payload);
  } catch {
    return no('a command is JSON');
  }
  if (typeof d !== 'object' || d === null) return no('a command is a JSON object');
  const c = d as Record<string, unknown>;
  switch (c.type) {
    case 'lesson': {
      if (typeof c.lesson !== 'string' || !/^[\w.-]{1,80}$/.test(c.lesson))
        return no(`lesson: an id of letters, digits, "-", "_" or "." (at most ${LIMITS.lessonId})`);
      if (!isWhole(c.steps, 0, LIMITS.steps)) return no(`lesson: steps is 0 to ${LIMITS.steps}`);
      const q = c.questions;
      if (typeof q !== 'object' || q === null || Array.isArray(q))
        return no('lesson: questions is { step: choices }');
      const questions: Record<number, number> = {};
      for (const [k, v] of Object.entries(q)) {
        const step = Number(k);
        if (!isWhole(step, 1, c.steps) || !isWhole(v, 2, LIMITS.choices))
          return no(
            `lesson: question step ${k.slice(0, 8)} is outside the lesson or has not 2 to ${LIMITS.choices} choices`,
          );
        questions[step] = v;
      }
      return ok({ type: 'lesson', lesson: c.lesson, steps: c.steps, questions });
    }
    case 'step':
      return isWhole(c.step, 0, LIMITS.steps)
        ? ok({ type: 'step', step: c.step })
        : no('step: a whole number');
    case 'ask':
      return c.step === null || isWhole(c.step, 1, LIMITS.steps)
        ? ok({ type: 'ask', step: c.step })
        : no('ask: a question step or null');
    case 'reveal':
      return isWhole(c.step, 1, LIMITS.steps) && isWhole(c.answer, 0, LIMITS.choices - 1)
        ? ok({ type: 'reveal', step: c.step, answer: c.answer })
        : no('reveal: { step, answer } as whole numbers');
    case 'answer':
      return isWhole(c.step, 1, LIMITS.steps) && isWhole(c.choice, 0, LIMITS.choices - 1)
        ? ok({ type: 'answer', step: c.step, choice: c.choice })
        : no('answer: { step, choice } as whole numbers');
    default:
      return no(`unknown command ${JSON.stringify(String(c.type).slice(0, 20))}`);
  }
}

const TEACHER_ONLY = new Set<ClassCommand['type']>(['lesson', 'step', 'ask', 'reveal']);

/** Applies one command from `actor`, or refuses it (the state is then unchanged). */
export function applyCommand(s: ClassState, actor: Actor, c: ClassCommand): Result<ClassState> {
  if (TEACHER_ONLY.has(c.type) && actor.role !== 'teacher')
    return no(`${c.type}: only the teacher moves the class`);
  switch (c.type) {
    case 'lesson':
      // A new lesson starts afresh: its questions and answers are its own.
      return ok({ ...EMPTY_CLASS, names: s.names, lesson: c.lesson, steps: c.steps, questions: c.questions });
    case 'step':
      if (c.step > s.steps) return no(`step: the lesson has ${s.steps} steps`);
      // A move closes the open question (as the lesson's own → and ← do), unless it lands before it.
      return ok({
        ...s,
        step: c.step,
        asking: s.asking !== null && s.asking === c.step + 1 ? s.asking : null,
      });
    case 'ask':
      if (c.step !== null && !s.questions[c.step]) return no(`ask: step ${c.step} asks no question`);
      return ok({ ...s, asking: c.step });
    case 'reveal': {
      const choices = s.questions[c.step];
      if (!choices) return no(`reveal: step ${c.step} asks no question`);
      if (c.answer >= choices) return no(`reveal: the question has ${choices} choices`);
      return ok({
        ...s,
        asking: s.asking === c.step ? null : s.asking,
        revealed: { ...s.revealed, [c.step]: c.answer },
      });
    }
    case 'answer': {
      if (actor.role !== 'student') return no('answer: the teacher does not answer for the class');
      const choices = s.questions[c.step];
      if (!choices) return no(`answer: step ${c.step} asks no question`);
      if (s.revealed[c.step] !== undefined) return no('answer: the answer has been revealed');
      if (s.asking !== c.step) return no('answer: the teacher has not asked this question yet');
      if (c.choice >= choices) return no(`answer: the question has ${choices} choices`);
      if (!s.names[actor.seat]) return no('answer: join the class first');
      // One answer per student and question, under their own seat: a new choice replaces the old.
      const mine = { ...(s.answers[c.step] ?? {}), [actor.seat]: c.choice };
      return ok({ ...s, answers: { ...s.answers, [c.step]: mine } });
    }
  }
}

/** A student joins (or comes back) under their seat with a name; a class has room for LIMITS.students. */
export function join(s: ClassState, seat: string, name: string): Result<ClassState> {
  if (!s.names[seat] && Object.keys(s.names).length >= LIMITS.students)
    return no(`the class is full (${LIMITS.students} students)`);
  return ok({ ...s, names: { ...s.names, [seat]: name } });
}

/** A name as it may be shown: printable characters, spaces collapsed, at most LIMITS.name long. Empty → null. */
export function cleanName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // Control and format characters (direction overrides, zero-width) go; the rest is shown as text.
  const name = [
    ...raw
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim(),
  ]
    .slice(0, LIMITS.name)
    .join('')
    .trim();
  return name === '' ? null : name;
}

/** How the class answered one question: a count per choice and how many answered (no names). */
export function tally(s: ClassState, step: number): { readonly counts: number[]; readonly answered: number } {
  const counts = Array.from({ length: s.questions[step] ?? 0 }, () => 0);
  const all = Object.values(s.answers[step] ?? {});
  for (const c of all) if (c < counts.length) counts[c] = (counts[c] ?? 0) + 1;
  return { counts, answered: all.length };
}

/** A connection's message budget: a fixed window of LIMITS.windowMs holding at most LIMITS.messages. */
export interface RateWindow {
  readonly start: number;
  readonly count: number;
}

export function spend(
  w: RateWindow | undefined,
  now: number,
): { readonly allowed: boolean; readonly window: RateWindow } {
  const fresh = !w || now - w.start >= LIMITS.windowMs;
  const window = fresh ? { start: now, count: 1 } : { start: w.start, count: w.count + 1 };
  return { allowed: window.count <= LIMITS.messages, window };
}

/** What the shared document carries: the class, counts per question, each seat's own answers; never names. */
export interface ClassView {
  readonly lesson: string | null;
  readonly steps: number;
  readonly step: number;
  readonly asking: number | null;
  readonly questions: Readonly<Record<number, number>>;
  readonly revealed: Readonly<Record<number, number>>;
  readonly tallies: Readonly<Record<number, { readonly counts: number[]; readonly answered: number }>>;
  readonly students: number;
}

export function viewOf(s: ClassState): ClassView {
  const tallies: Record<number, { counts: number[]; answered: number }> = {};
  for (const k of Object.keys(s.questions)) tallies[Number(k)] = tally(s, Number(k));
  return {
    lesson: s.lesson,
    steps: s.steps,
    step: s.step,
    asking: s.asking,
    questions: s.questions,
    revealed: s.revealed,
    tallies,
    students: Object.keys(s.names).length,
  };
}

/** The key of a seat's answer in the document's answers map. */
export const answerKey = (step: number, seat: string) => `${step}:${seat}`;
