import { useId, useState, type FormEvent } from 'react';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectCount, selectCursor, selectSpeed } from '../store/selectors';
import {
  selectAsking,
  selectAutoplay,
  selectBlank,
  selectBranchFrom,
  selectLesson,
  selectQuestionSteps,
  selectScoreText,
  selectStepInput,
} from './selectors';
import { useLandmarkName } from '../ui/landmarkName';
import { CommandButton } from '../panels/CommandButton';

const SPEEDS = [0.5, 1, 2, 4] as const;

/**
 * The timeline: back and forward, a scrubber over every step with a marker
 * at each question, play and pause at a chosen speed, go to step N, the
 * score, and (on a branch) the way back to the lesson's own steps.
 */
export function Timeline() {
  const landmark = useLandmarkName('Timeline');
  const { execute } = useVisualizerApi();
  const cursor = useVisualizer(selectCursor);
  const count = useVisualizer(selectCount);
  const asking = useVisualizer(selectAsking);
  const autoplay = useVisualizer(selectAutoplay);
  const speed = useVisualizer(selectSpeed);
  const questions = useVisualizer(selectQuestionSteps);
  const lesson = useVisualizer(selectLesson);
  const answers = lesson?.answers;
  const branchFrom = useVisualizer(selectBranchFrom);
  const score = useVisualizer(selectScoreText);
  const typed = useVisualizer(selectStepInput);
  const marks = questions === '' ? [] : questions.split(',').map(Number);
  const nextLabel =
    asking !== null ? 'Reveal' : marks.includes(cursor + 1) && !answers?.[cursor + 1] ? 'Ask' : 'Next';

  return (
    <nav
      aria-label={landmark}
      className="timeline flex flex-col gap-1 border-b px-3 py-2"
      data-testid="timeline"
    >
      <BlankScreen />
      <div className="flex flex-wrap items-center gap-2">
        <CommandButton id="back">◀ Back</CommandButton>
        <CommandButton
          id="next"
          className="btn btn-primary"
          data-next
          hint={nextLabel === 'Next' ? 'Next; at a question it asks first' : nextLabel}
        >
          {nextLabel} ▶
        </CommandButton>
        <CommandButton
          id="togglePlay"
          aria-pressed={autoplay}
          hint="Play on its own, stopping at each question"
        >
          {autoplay ? '❚❚ Pause' : '▷ Play'}
        </CommandButton>
        <label className="flex items-center gap-1 text-sm">
          <span className="timeline-word">Speed</span>
          <select
            className="btn"
            title="Speed"
            value={speed}
            onChange={(e) => execute('setSpeed', { speed: Number(e.target.value) })}
          >
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
        <Scrubber cursor={cursor} count={count} marks={marks} answered={answers} />
        <GoToStep count={count} typed={typed} />
        {score ? (
          <span className="text-sm tabular-nums" data-testid="score" aria-live="polite">
            <span className="timeline-word">Score: </span>
            {score}
          </span>
        ) : null}
        {lesson && branchFrom === null ? (
          <CommandButton id="restartLesson" hint="Step 0, every answer forgotten" data-restart>
            ⟲ Restart
          </CommandButton>
        ) : null}
      </div>
      {lesson && branchFrom !== null ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" role="status" data-testid="branch">
          <span className="badge badge-pending">branch</span>
          <span>You acted at step {branchFrom}: the lesson’s own steps are kept.</span>
          <CommandButton id="returnToLesson" keysFrom="blankOrReturn">
            ↩ Back to the lesson (step {branchFrom})
          </CommandButton>
          <span className="muted" data-testid="branch-key">
            <kbd>B</kbd> returns to the lesson
          </span>
          <CommandButton id="restartLesson">⟲ Restart the lesson</CommandButton>
        </div>
      ) : null}
    </nav>
  );
}

/**
 * A blanked screen (B or .), as slide tools do: black over everything, so
 * the room looks at the teacher; B, ., → or ← (or Esc) brings it back.
 */
function BlankScreen() {
  const blank = useVisualizer(selectBlank);
  if (!blank) return null;
  return (
    <div data-testid="blank-screen" className="fixed inset-0 z-[1000]" style={{ background: '#000' }}>
      <p className="sr-only" role="status">
        The screen is blanked. Press B or full stop to bring it back.
      </p>
    </div>
  );
}

/** A slider over every step, with a marker under each step that asks (filled once answered). */
function Scrubber({
  cursor,
  count,
  marks,
  answered,
}: {
  cursor: number;
  count: number;
  marks: readonly number[];
  answered: Readonly<Record<number, unknown>> | undefined;
}) {
  const { execute } = useVisualizerApi();
  const id = useId();
  const at = (step: number) => (count === 0 ? 0 : (step / count) * 100);
  return (
    <div className="scrubber-box flex min-w-48 flex-1 items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap">
        Step <span className="tabular-nums">{cursor}</span>/<span className="tabular-nums">{count}</span>
      </label>
      <div className="relative flex-1 pb-2">
        <input
          id={id}
          type="range"
          min={0}
          max={count}
          value={cursor}
          aria-valuetext={`step ${cursor} of ${count}${marks.length ? `; questions at steps ${marks.join(', ')}` : ''}`}
          onChange={(e) => execute('goTo', { step: Number(e.target.value) })}
          className="scrubber w-full"
        />
        {marks.map((m) => (
          <span
            key={m}
            className={`scrub-mark ${answered?.[m] ? 'scrub-mark-done' : ''}`}
            style={{ left: `${at(m)}%` }}
            title={`Question at step ${m}`}
            data-mark={m}
            aria-hidden="true"
          >
            ?
          </span>
        ))}
      </div>
    </div>
  );
}

/** Go to step N: a number field (and, by keyboard, digits then Enter anywhere). */
function GoToStep({ count, typed }: { count: number; typed: string }) {
  const { execute } = useVisualizerApi();
  const [value, setValue] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (value !== '' && Number.isInteger(n)) execute('goTo', { step: Math.max(0, Math.min(count, n)) });
    setValue('');
  };
  return (
    <form onSubmit={submit} className="flex items-center gap-1 text-sm">
      <label htmlFor={id} className="timeline-word">
        Go to
      </label>
      <input
        id={id}
        type="number"
        min={0}
        max={count}
        value={value}
        placeholder={typed || '#'}
        title="Go to step (type its number, then Enter)"
        onChange={(e) => setValue(e.target.value)}
        className="btn w-16"
      />
      {/* In presenter mode Enter in the field is the way (classroom.css): the row keeps its room. */}
      <button type="submit" className="btn timeline-go">
        Go
      </button>
      {typed ? (
        <span className="muted text-xs" role="status">
          step {typed}, then Enter
        </span>
      ) : null}
    </form>
  );
}
