import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { HistoryEntry } from '../store/state';
import { Histogram } from './Histogram';
import { connectLive, type LiveClass } from './live';
import type { TeacherClass } from './liveChannel';
import './live.css';

/**
 * The class's answers as they come, for the teacher's eyes only (the
 * console): how many joined, how many answered the open question, a count
 * per choice with the right one marked (the console already shows the answer).
 */
export default function LiveCounts({
  cls,
  steps,
}: {
  readonly cls: TeacherClass;
  readonly steps: readonly HistoryEntry[];
}) {
  const [live] = useState<LiveClass>(() =>
    connectLive({ server: cls.server, code: cls.code, as: { role: 'teacher', secret: cls.secret } }),
  );
  useEffect(() => () => live.close(), [live]);
  const snap = useStore(live.store);
  const view = snap.view;
  // The open question; else the one the class is on, once revealed.
  const step = view ? (view.asking ?? (view.revealed[view.step] !== undefined ? view.step : null)) : null;
  const ask = step === null ? undefined : steps[step - 1]?.ask;
  const tally = step === null ? undefined : view?.tallies[step];
  return (
    <section className="console-card" aria-label="Live class" data-testid="console-live">
      <h2>
        Live class {cls.code}: {view?.students ?? 0} joined
      </h2>
      {snap.status !== 'live' ? <p role="status">{snap.problem ?? 'Connecting…'}</p> : null}
      {ask && tally && view ? (
        <Histogram
          choices={ask.choices}
          counts={tally.counts}
          answered={tally.answered}
          students={view.students}
          right={ask.answer}
          label={view.asking === step ? `Answers so far (step ${step})` : `After the reveal (step ${step})`}
        />
      ) : (
        <p>No question open.</p>
      )}
    </section>
  );
}
