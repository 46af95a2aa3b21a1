import { useEffect, useState } from 'react';
import { RULES, type Ask, type RuleId } from '../kernel/core';
import { actionLabel } from '../panels/format';
import { createVisualizer, useVisualizer, VisualizerProvider, type VisualizerState } from '../store';
import { selectEntries, selectTitle } from '../store/selectors';
import type { HistoryEntry } from '../store/state';
import { HandoutGraph } from './HandoutGraph';

/**
 * A lesson as a handout to print or save as PDF (`?view=handout&lesson=…`):
 * every step with its graph drawn still, its narration and, before a step
 * that asks, the question with room to write a prediction; the answers on
 * pages of their own at the end (the answer key). Print CSS only, no server.
 */
export function HandoutPage({ lessonId }: { readonly lessonId: string | null }) {
  // Always light: paper is white. The lesson opens once, as the page is made.
  const [{ visualizer, error }] = useState(() => {
    const v = createVisualizer({ theme: 'light' });
    const r = v.execute('openLesson', { id: lessonId ?? '' });
    return { visualizer: v, error: r.ok ? null : r.error };
  });
  useEffect(() => {
    document.title = 'Handout · Unload Lens';
  }, []);
  if (error)
    return (
      <main className="handout">
        <h1>No handout for this address</h1>
        <p role="alert">
          {error}. A handout is made from a built-in lesson:{' '}
          <code>?view=handout&amp;lesson=leaked-handle</code>, or Presenter mode → Handout.
        </p>
        <p>
          <a href="?view=lessons">Open the lesson gallery</a>
        </p>
      </main>
    );
  return (
    <VisualizerProvider visualizer={visualizer}>
      <HandoutBody />
    </VisualizerProvider>
  );
}

const letter = (i: number) => String.fromCharCode(65 + i);

function HandoutBody() {
  const title = useVisualizer(selectTitle);
  const entries = useVisualizer(selectEntries);
  // The lesson as opened: each step is drawn from it, held still at that step.
  const state = useVisualizer((s) => s);
  const asks = entries.flatMap((e, i) => (e.ask ? [{ step: i + 1, ask: e.ask }] : []));
  return (
    <main className="handout" data-testid="handout">
      <header className="handout-head">
        <h1>{title || 'Lesson'}</h1>
        <p>
          {entries.length} steps{asks.length ? `, ${asks.length} questions: predict before you read on` : ''}.
          The answers are on the last {asks.length > 0 ? 'pages' : 'page'}.
        </p>
        <button type="button" className="btn handout-noprint" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </header>
      <ol className="handout-steps">
        {entries.map((e, i) => (
          <HandoutStep key={e.id} entry={e} step={i + 1} state={state} />
        ))}
      </ol>
      {asks.length > 0 ? <AnswerKey asks={asks} /> : null}
    </main>
  );
}

function HandoutStep({ entry, step, state }: { entry: HistoryEntry; step: number; state: VisualizerState }) {
  return (
    <li className="handout-step">
      {entry.ask ? <Prediction step={step} ask={entry.ask} /> : null}
      <section aria-label={`Step ${step}`} className="handout-block">
        <h2>
          Step {step}: <code>{actionLabel(entry.action)}</code> → <code>{entry.status}</code>
        </h2>
        {entry.say ? <p>{entry.say}</p> : null}
        <div className="handout-graph">
          <HandoutGraph state={state} step={step} label={`The objects after step ${step}`} />
        </div>
      </section>
    </li>
  );
}

/** The question, before the step that answers it, with room to write. */
function Prediction({ step, ask }: { step: number; ask: Ask }) {
  return (
    <section aria-label={`Question before step ${step}`} className="handout-block handout-question">
      <h2>Predict before step {step}</h2>
      <p className="handout-ask">{ask.question}</p>
      <ol className="handout-choices">
        {ask.choices.map((c, i) => (
          <li key={i}>
            <span className="handout-letter">{letter(i)}</span> {c}
          </li>
        ))}
      </ol>
      <p className="handout-write">My answer: ______ because ____________________________________________</p>
    </section>
  );
}

function AnswerKey({ asks }: { asks: readonly { step: number; ask: Ask }[] }) {
  return (
    <section aria-labelledby="answer-key" className="handout-key" data-testid="answer-key">
      <h2 id="answer-key">Answer key</h2>
      <ol>
        {asks.map(({ step, ask }) => {
          const rule = ask.rule !== undefined && ask.rule in RULES ? RULES[ask.rule as RuleId] : undefined;
          return (
            <li key={step} className="handout-block">
              <p className="handout-ask">
                Step {step}: {ask.question}
              </p>
              <p>
                <strong>
                  {letter(ask.answer)}. {ask.choices[ask.answer]}
                </strong>
              </p>
              {ask.explain ? <p>{ask.explain}</p> : null}
              {rule ? (
                <p className="handout-rule">
                  Rule: {rule.text} Source: {rule.source}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
