import { useEffect, useLayoutEffect, useRef } from 'react';
import { arrive, firstTabbable, leaving, mayMoveFocus, place } from '../ui/focusMoves';
import { RULES, type Ask, type RuleId } from '../kernel/core';
import { RuleRef } from '../panels/ruleLink';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectCurrentEntry, selectCursor, selectEntries } from '../store/selectors';
import { selectAsking, selectConclusion, selectLesson, selectPointedChoice } from './selectors';
import type { Answer } from './state';

/**
 * Predict, then reveal. At a step with a question, playback stops here and
 * asks, showing only the step's setup; choosing (or revealing) shows the
 * step, and this panel then says what was right, why, and the rule behind
 * it with its source.
 */
export function QuestionPanel() {
  const asking = useVisualizer(selectAsking);
  const entries = useVisualizer(selectEntries);
  const cursor = useVisualizer(selectCursor);
  const current = useVisualizer(selectCurrentEntry);
  const lesson = useVisualizer(selectLesson);
  const conclusion = useVisualizer(selectConclusion);
  if (asking !== null) {
    const ask = entries[asking - 1]?.ask;
    const say = entries[asking - 1]?.say;
    return ask ? <AskedQuestion step={asking} ask={ask} say={say} /> : null;
  }
  if (!lesson) return null;
  return (
    <>
      {current?.ask ? (
        <Revealed label={`step ${cursor}`} ask={current.ask} answer={lesson.answers[cursor]} />
      ) : null}
      {conclusion ? <Conclusion text={conclusion} /> : null}
    </>
  );
}

/** The lesson's conclusion (its summary), shown once every step has been seen. */
function Conclusion({ text }: { text: string }) {
  return (
    <section aria-label="What the lesson shows" data-testid="conclusion" className="panel px-3 py-2 text-sm">
      <p className="muted text-xs font-semibold tracking-wide uppercase">In short</p>
      <p>{text}</p>
    </section>
  );
}

function AskedQuestion({ step, ask, say }: { step: number; ask: Ask; say: string | undefined }) {
  const { execute } = useVisualizerApi();
  // Where the focus rests is kept (not an answer): a reload (F5) puts it back on the same choice.
  const pointed = useVisualizer(selectPointedChoice);
  return (
    <Question
      label={`Step ${step}`}
      ask={ask}
      say={say}
      onChoose={(i) => execute('answer', { choice: i })}
      focusAt={pointed}
      onPoint={(i) => execute('pointChoice', { choice: i })}
      onMove={(to) => execute(to)}
    />
  );
}

/**
 * A question asked to the class: its setup, the question, numbered choices (a lesson's step, a compare beat).
 * Focus follows the question: when it opens, to its first choice (the class
 * answers with one key); when it goes (answered or revealed), on to what
 * comes next (Revealed) — never left on the page or a panel.
 */
export function Question({
  label,
  ask,
  say,
  onChoose,
  focusAt = 0,
  onPoint,
  onMove,
}: {
  label: string;
  ask: Ask;
  say: string | undefined;
  onChoose: (choice: number) => void;
  /** The choice the focus goes to when the question opens (0, the first, unless it was kept from before a reload). */
  focusAt?: number;
  /** Told which choice the focus moved to (not an answer), to keep it. */
  onPoint?: (choice: number) => void;
  /** Back and reveal from the question itself: shown where the timeline is hidden (presenter mode's band). */
  onMove?: (to: 'back' | 'next') => void;
}) {
  const part = useRef<HTMLElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!mayMoveFocus(part.current?.closest<HTMLElement>('.visualizer') ?? null)) return;
    const choices = part.current?.querySelectorAll<HTMLButtonElement>('button.choice');
    place(choices?.[focusAt] ?? first.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- where the focus goes as the question opens; later moves are the user's
  }, [label]);
  // The kept choice came back after the question opened (work restored once the page knew it): the focus the
  // app placed follows it; focus a person moved stays where they put it.
  useEffect(() => {
    const at = document.activeElement;
    const choices = [...(part.current?.querySelectorAll<HTMLButtonElement>('button.choice') ?? [])];
    if (
      !(at instanceof HTMLElement) ||
      at.dataset.placed !== 'true' ||
      !choices.includes(at as HTMLButtonElement)
    )
      return;
    if (choices.indexOf(at as HTMLButtonElement) !== focusAt) place(choices[focusAt]);
  }, [focusAt]);
  // A layout effect's cleanup runs while the question is still in the page: focus is still in it.
  useLayoutEffect(() => {
    const el = part.current;
    return () => leaving(el);
  }, [label]);
  return (
    <section
      ref={part}
      aria-labelledby="question-title"
      data-testid="question"
      className="panel question flex flex-col gap-2 px-3 py-2"
      style={{ borderColor: 'var(--info)', borderWidth: 2 }}
    >
      <div className="question-head flex items-center gap-2">
        <p className="muted flex-1 text-xs font-semibold tracking-wide uppercase">{label}: predict first</p>
        {onMove ? (
          <span className="question-moves gap-2">
            <button type="button" className="btn" onClick={() => onMove('back')} title="Back (←)">
              ◀ Back
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => onMove('next')}
              title="Reveal without answering (→ or Space)"
            >
              Reveal ▶
            </button>
          </span>
        ) : null}
      </div>
      {say ? <p className="text-sm">{say}</p> : null}
      <h2 id="question-title" className="text-base font-semibold">
        {ask.question}
      </h2>
      <ol className="flex flex-col gap-1">
        {ask.choices.map((c, i) => (
          <li key={i}>
            <button
              ref={i === 0 ? first : undefined}
              type="button"
              className="btn choice flex w-full items-baseline gap-2 text-left text-sm"
              onClick={() => onChoose(i)}
              onFocus={onPoint ? () => onPoint(i) : undefined}
            >
              <span className="font-mono font-bold" aria-hidden="true">
                {i + 1}
              </span>
              <span>{c}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="muted text-xs">
        Press a number (or Enter on a choice) to answer, or Next (→ / Space) to reveal without answering.
      </p>
    </section>
  );
}

/** A revealed question: what was right, why, and the rule with its source. */
export function Revealed({ label, ask, answer }: { label: string; ask: Ask; answer: Answer | undefined }) {
  const rule = ask.rule !== undefined && ask.rule in RULES ? (ask.rule as RuleId) : undefined;
  const right = ask.choices[ask.answer];
  const verdict =
    answer?.choice == null
      ? { text: 'The answer', tone: 'info' }
      : answer.correct
        ? { text: '✓ Right', tone: 'ok' }
        : { text: `✗ Not quite: you chose “${ask.choices[answer.choice] ?? '?'}”`, tone: 'danger' };
  const part = useRef<HTMLElement>(null);
  // Answered with focus in the question: focus goes on to Next (or, at the last step, into the answer).
  useEffect(() => {
    const el = part.current;
    const root = el?.closest('.visualizer');
    arrive(el, [
      root?.querySelector<HTMLElement>('[data-next]') ?? null,
      el ? firstTabbable(el) : null,
      root?.querySelector<HTMLElement>('[data-restart]') ?? null,
    ]);
  }, [label]);
  return (
    <section
      ref={part}
      aria-label={`Answer to ${label}`}
      data-testid="answer"
      className="panel flex flex-col gap-1 px-3 py-2 text-sm"
      aria-live="polite"
    >
      <p className="font-semibold">{ask.question}</p>
      <p>
        <span className={`badge badge-${verdict.tone} mr-2`}>{verdict.text}</span>
        <span className="font-semibold">{right}</span>
      </p>
      {ask.explain ? <p data-testid="explain">{ask.explain}</p> : null}
      {rule ? (
        <p className="text-xs" data-testid="answer-rule">
          <span className="muted">Rule </span>
          <RuleRef rule={rule} /> {RULES[rule].text} <SourceLink source={RULES[rule].source} />
        </p>
      ) : null}
    </section>
  );
}

/** The rule's source, spelled out (a link when it is a web page). */
function SourceLink({ source }: { source: string }) {
  if (!/^https?:\/\//.test(source)) return <span className="muted">Source: {source}</span>;
  const short = source.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return (
    <a href={source} target="_blank" rel="noreferrer" className="underline" style={{ color: 'var(--info)' }}>
      Source: {short}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
