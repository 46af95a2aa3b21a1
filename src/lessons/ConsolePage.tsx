import { useEffect, useRef, useState } from 'react';
import { RULES, type RuleId } from '../kernel/core';
import { actionLabel } from '../panels/format';
import { createVisualizer } from '../store';
import type { HistoryEntry } from '../store/state';
import { channelName, readState, type ConsoleRequest, type ConsoleState } from './consoleLink';

/**
 * The presenter console (`?view=console&channel=…&lesson=…`), opened from
 * presenter mode for the teacher's own screen, as reveal.js's speaker view
 * and PowerPoint's presenter view are: the step the class sees, the next
 * one, and the open question's answer and explanation, which the projector
 * does not show before the reveal, and each step's notes for the teacher
 * (the lesson format's `notes`, never drawn on the projector). It follows the projected window and
 * drives it (→ ← Page Down Page Up, or its buttons).
 */
export function ConsolePage({ channel, lessonId }: { readonly channel: string; readonly lessonId: string }) {
  // Its own copy of the lesson, only to read the steps (the projected window is the one that plays).
  const [{ steps, title, error }] = useState(() => {
    const v = createVisualizer({ theme: 'light' });
    const r = v.execute('openLesson', { id: lessonId });
    const s = v.getState();
    return { steps: s.entries, title: s.title, error: r.ok ? null : r.error };
  });
  const [state, setState] = useState<ConsoleState | null>(null);
  const link = useRef<BroadcastChannel | null>(null);
  const send = (r: ConsoleRequest) => link.current?.postMessage(r);
  useEffect(() => {
    document.title = 'Presenter console · Unload Lens';
    if (typeof BroadcastChannel === 'undefined') return;
    const open = new BroadcastChannel(channelName(channel));
    link.current = open;
    open.onmessage = (e: MessageEvent) => {
      const s = readState(e.data);
      if (s) setState(s);
    };
    const post = (r: ConsoleRequest) => open.postMessage(r);
    post({ type: 'hello' });
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const id = ['ArrowRight', 'PageDown', ' '].includes(e.key)
        ? 'next'
        : ['ArrowLeft', 'PageUp'].includes(e.key)
          ? 'back'
          : null;
      // A focused button keeps Space for itself; the arrows and page keys always step.
      if (!id || (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest('button, a'))) return;
      e.preventDefault();
      post({ type: 'command', id });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      link.current = null;
      open.close();
    };
  }, [channel]);

  if (error)
    return (
      <main className="console">
        <h1>Presenter console</h1>
        <p role="alert">{error}. Open the console from presenter mode (P, then Console).</p>
      </main>
    );
  const cursor = state?.cursor ?? 0;
  const asking = state?.asking ?? null;
  const current = cursor > 0 ? steps[cursor - 1] : undefined;
  // What comes next: the step whose question is open, or the one after the cursor.
  const nextStep = asking ?? cursor + 1;
  const next = asking === null ? steps[cursor] : undefined;
  const ask = steps[(asking ?? cursor) - 1]?.ask;
  return (
    <main className="console" data-testid="console">
      <header className="console-head">
        <h1>{title || 'Lesson'}</h1>
        <p role="status" data-testid="console-status">
          {state
            ? `The class sees step ${cursor} of ${steps.length}${asking !== null ? `, asked step ${asking}'s question` : ''}`
            : 'Waiting for the projected window (open it in presenter mode)…'}
        </p>
        <div role="group" aria-label="Drive the projector" className="flex gap-2">
          <button type="button" className="btn" onClick={() => send({ type: 'command', id: 'back' })}>
            ◀ Back
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => send({ type: 'command', id: 'next' })}
          >
            {asking !== null ? 'Reveal ▶' : 'Next ▶'}
          </button>
        </div>
      </header>
      <div className="console-grid">
        <StepCard heading={`Now: step ${cursor}`} entry={current} testId="console-now" />
        {ask && (asking !== null || current?.ask) ? (
          <section
            aria-label="The answer"
            className="console-card console-answer"
            data-testid="console-answer"
          >
            <h2>{asking !== null ? `Asked now (step ${asking})` : `Answered at step ${cursor}`}</h2>
            <p className="font-semibold">{ask.question}</p>
            <p>
              Answer: <strong>{ask.choices[ask.answer]}</strong>
            </p>
            {ask.explain ? <p>{ask.explain}</p> : null}
            {ask.rule !== undefined && ask.rule in RULES ? (
              <p className="muted">Rule: {RULES[ask.rule as RuleId].text}</p>
            ) : null}
          </section>
        ) : null}
        {asking !== null ? (
          <StepCard heading={`Then: step ${nextStep}`} entry={steps[nextStep - 1]} testId="console-next" />
        ) : (
          <StepCard
            heading={next ? `Next: step ${nextStep}${next.ask ? ' (asks first)' : ''}` : 'Next: the end'}
            entry={next}
            testId="console-next"
          />
        )}
      </div>
    </main>
  );
}

function StepCard({
  heading,
  entry,
  testId,
}: {
  heading: string;
  entry: HistoryEntry | undefined;
  testId: string;
}) {
  return (
    <section aria-label={heading} className="console-card" data-testid={testId}>
      <h2>{heading}</h2>
      {entry ? (
        <>
          <p>
            <code>{actionLabel(entry.action)}</code> → <code>{entry.status}</code>
          </p>
          {entry.say ? <p>{entry.say}</p> : null}
          {entry.notes ? (
            <aside
              aria-label="Notes for the teacher"
              className="console-notes mt-1 border-t border-(--line) pt-2"
              data-testid={`${testId}-notes`}
            >
              <h3 className="font-semibold">Notes</h3>
              <p>{entry.notes}</p>
            </aside>
          ) : null}
        </>
      ) : (
        <p className="muted">
          {heading.startsWith('Now') ? 'Before the first step.' : 'Nothing after this.'}
        </p>
      )}
    </section>
  );
}
