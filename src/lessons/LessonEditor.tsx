import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { Dialog } from '../ui/Dialog';
import { OSES, RULES, kernelOf, loadOsOf, parseScenario, type ScenarioError } from '../kernel/core';
import { actionArgs, actionLabel } from '../panels/format';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectEntries, selectOs, selectSummary, selectTitle } from '../store/selectors';
import type { HistoryEntry } from '../store/state';
import { askOf, draftOf, fileNameOf, recordedScenario, type AskDraft } from './recorder';
import { selectEditorOpen } from './selectors';
import { draftKeyOf, keptDraft } from './typing';

/**
 * Record your own lesson: act in the visualizer (from an empty system or the
 * steps already there), then write each step's narration and question here,
 * export the lesson as a scenario file and import it back. An import that
 * does not read lists every problem with its place and fix, and the lesson
 * on screen stays.
 */
export function LessonEditor() {
  const open = useVisualizer(selectEditorOpen);
  return open ? <EditorDialog /> : null;
}

function EditorDialog() {
  const v = useVisualizerApi();
  const { execute } = v;
  const os = useVisualizer(selectOs);
  const title = useVisualizer(selectTitle);
  const summary = useVisualizer(selectSummary);
  const entries = useVisualizer(selectEntries);
  const [problems, setProblems] = useState<{ file: string; errors: ScenarioError[] } | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const ids = { name: useId(), summary: useId(), file: useId() };
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const exportFile = () => {
    const json = `${JSON.stringify(recordedScenario(v.getState()), null, 2)}\n`;
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileNameOf(title);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text();
    // Its OS's kernel first, with its rules (src/kernel/os.ts): a lesson of another OS than the page's.
    await loadOsOf(text);
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      setImported(null);
      setProblems({ file: file.name, errors: parsed.errors });
      return;
    }
    const r = execute('loadLesson', { scenario: parsed.scenario, name: file.name.replace(/\.json$/i, '') });
    if (r.ok) {
      setProblems(null);
      setImported(file.name);
    } else setProblems({ file: file.name, errors: [{ path: '', message: r.error }] });
  };

  return (
    <Dialog
      title="Record a lesson"
      onClose={() => execute('toggleEditor')}
      testId="editor"
      width="max-w-4xl"
      headingRef={heading}
    >
      <p className="text-sm">
        Every action you take in the visualizer is a step. Start from an empty system, or keep the steps on
        screen; then write what each step should say and ask, and export the lesson as a scenario file.
      </p>
      <div className="flex flex-wrap gap-2">
        {OSES.map((o) => (
          <button key={o} type="button" className="btn" onClick={() => execute('newRecording', { os: o })}>
            Start empty: {kernelOf(o).vocabulary.longName}
          </button>
        ))}
      </div>
      <div className="grid gap-2 text-sm md:grid-cols-2">
        <label htmlFor={ids.name} className="flex flex-col gap-1">
          Title
          <input
            id={ids.name}
            className="btn"
            value={title}
            onChange={(e) => execute('setLessonInfo', { title: e.target.value, summary })}
          />
        </label>
        <label htmlFor={ids.summary} className="flex flex-col gap-1">
          Summary
          <textarea
            id={ids.summary}
            className="btn"
            rows={2}
            value={summary}
            onChange={(e) => execute('setLessonInfo', { title, summary: e.target.value })}
          />
        </label>
      </div>
      <h3 className="font-semibold">
        Steps ({entries.length}) — {kernelOf(os).vocabulary.longName}
      </h3>
      {entries.length === 0 ? (
        <p className="muted text-sm">
          No step yet: close this, act on the graph or in the palette (A), and come back (E).
        </p>
      ) : (
        <ol className="flex flex-col gap-2">
          {entries.map((e, i) => (
            <StepEditor key={e.id} entry={e} step={i + 1} os={os} />
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-2 border-t pt-3" style={{ borderColor: 'var(--line)' }}>
        <button
          type="button"
          className="btn btn-primary"
          onClick={exportFile}
          disabled={entries.length === 0}
        >
          Export the lesson (.json)
        </button>
        <label htmlFor={ids.file} className="btn cursor-pointer">
          Import a lesson file…
        </label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          onChange={(e) => void importFile(e)}
        />
        {imported ? (
          <span role="status" className="text-sm">
            Imported {imported}: the lesson starts at step 0.
          </span>
        ) : null}
      </div>
      {problems ? (
        <div
          role="alert"
          className="panel p-2 text-sm"
          style={{ borderColor: 'var(--danger)' }}
          data-testid="import-problems"
        >
          <p className="font-semibold">
            {problems.file} could not be imported; the lesson on screen is unchanged. Fix these:
          </p>
          <ul className="list-disc pl-5">
            {problems.errors.map((p, i) => (
              <li key={i}>
                <span className="font-mono">{p.path || '(file)'}</span>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Dialog>
  );
}

/** One step: what it did, its narration, and its question (written as a draft until it is complete). */
function StepEditor({ entry, step, os }: { entry: HistoryEntry; step: number; os: string }) {
  const { execute } = useVisualizerApi();
  // An incomplete question is kept in the store (typing.ts), so a reload of the tab brings it back.
  const kept = useVisualizer((s) => keptDraft(s.typing, step, entry.action));
  const [draft, setDraft] = useState<AskDraft>(() => kept ?? draftOf(entry.ask));
  const made = askOf(draft);
  const id = useId();
  const rules = Object.values(RULES).filter((r) => r.os === os);
  const change = (d: Partial<AskDraft>) => {
    const next = { ...draft, ...d };
    setDraft(next);
    const r = askOf(next);
    if (r.ok) execute('annotateStep', { step, ask: r.ask });
    if (!r.ok || kept)
      execute('keepDraft', { step, for: draftKeyOf(entry.action), draft: r.ok ? null : next });
  };
  return (
    <li className="panel flex flex-col gap-1 p-2 text-sm" data-editor-step={step}>
      <p>
        <span className="font-mono font-semibold">
          {step}. {actionLabel(entry.action)}
        </span>{' '}
        <span className="muted font-mono text-xs">{actionArgs(entry.action)}</span> →{' '}
        <span className="font-mono">{entry.status}</span>
      </p>
      <label htmlFor={`${id}-say`} className="flex flex-col gap-0.5">
        Narration
        <textarea
          id={`${id}-say`}
          className="btn"
          rows={2}
          value={entry.say ?? ''}
          onChange={(e) => execute('annotateStep', { step, say: e.target.value || null })}
        />
      </label>
      <details open={!!entry.ask || kept !== undefined}>
        <summary className="cursor-pointer">Question (asked before this step is shown)</summary>
        <div className="mt-1 grid gap-1 md:grid-cols-2">
          <label htmlFor={`${id}-q`} className="flex flex-col gap-0.5">
            Question
            <input
              id={`${id}-q`}
              className="btn"
              value={draft.question}
              onChange={(e) => change({ question: e.target.value })}
            />
          </label>
          <label htmlFor={`${id}-c`} className="flex flex-col gap-0.5">
            Choices, one per line
            <textarea
              id={`${id}-c`}
              className="btn"
              rows={3}
              value={draft.choices}
              onChange={(e) => change({ choices: e.target.value })}
            />
          </label>
          <label htmlFor={`${id}-a`} className="flex flex-col gap-0.5">
            Right choice
            <select
              id={`${id}-a`}
              className="btn"
              value={draft.answer}
              onChange={(e) => change({ answer: Number(e.target.value) })}
            >
              {draft.choices
                .split('\n')
                .filter((c) => c.trim())
                .map((c, i) => (
                  <option key={i} value={i}>
                    {i + 1}. {c}
                  </option>
                ))}
            </select>
          </label>
          <label htmlFor={`${id}-r`} className="flex flex-col gap-0.5">
            Rule it rests on
            <select
              id={`${id}-r`}
              className="btn"
              value={draft.rule}
              onChange={(e) => change({ rule: e.target.value })}
            >
              <option value="">(none)</option>
              {rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id}: {r.text}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={`${id}-e`} className="flex flex-col gap-0.5 md:col-span-2">
            Why (shown with the answer)
            <textarea
              id={`${id}-e`}
              className="btn"
              rows={2}
              value={draft.explain}
              onChange={(e) => change({ explain: e.target.value })}
            />
          </label>
        </div>
        {!made.ok ? (
          <p className="text-xs" style={{ color: 'var(--pending)' }}>
            Not saved yet: {made.problem}.
          </p>
        ) : null}
      </details>
    </li>
  );
}
