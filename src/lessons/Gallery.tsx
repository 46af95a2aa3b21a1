import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { OSES, kernelOf, type Os } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { LESSONS, filterLessons, whereFound, type Lesson } from './library';
import { selectGalleryOpen, selectLesson, selectPresenter } from './selectors';
import { TOPICS, TOPIC_LABELS, isTopic, type Topic } from './topics';

/**
 * The lesson gallery: every lesson with its title, summary, OS and rule;
 * search, and filters by OS and topic. Opening one loads it at step 0.
 */
export function Gallery() {
  const open = useVisualizer(selectGalleryOpen);
  return open ? <GalleryDialog /> : null;
}

function GalleryDialog() {
  const { execute } = useVisualizerApi();
  const current = useVisualizer(selectLesson)?.id;
  // Projected, a card shows the lesson's question, never its conclusion (the summary is the answer).
  const presenter = useVisualizer(selectPresenter);
  const [query, setQuery] = useState('');
  const [os, setOs] = useState<Os | 'all'>('all');
  const [topic, setTopic] = useState<Topic | 'all'>('all');
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => filterLessons(LESSONS, { query: deferred, os, topic }), [deferred, os, topic]);
  const search = useRef<HTMLInputElement>(null);
  const ids = { os: useId(), topic: useId(), search: useId() };
  useEffect(() => search.current?.focus(), []);
  return (
    <Dialog title="Lessons" onClose={() => execute('toggleGallery')} testId="gallery" width="max-w-5xl">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label htmlFor={ids.search} className="flex min-w-60 flex-1 flex-col gap-1">
          Search
          <input
            ref={search}
            id={ids.search}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="handle, EBUSY, filter, CFG_REMOVE…"
            className="btn w-full"
          />
        </label>
        <label htmlFor={ids.os} className="flex flex-col gap-1">
          Operating system
          <select
            id={ids.os}
            className="btn"
            value={os}
            onChange={(e) => setOs(e.target.value as Os | 'all')}
          >
            <option value="all">Both</option>
            {OSES.map((o) => (
              <option key={o} value={o}>
                {kernelOf(o).vocabulary.longName}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.topic} className="flex flex-col gap-1">
          Topic
          <select
            id={ids.topic}
            className="btn"
            value={topic}
            onChange={(e) => setTopic(isTopic(e.target.value) ? e.target.value : 'all')}
          >
            <option value="all">Every topic</option>
            {TOPICS.map((t) => (
              <option key={t} value={t}>
                {TOPIC_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted text-sm" role="status">
        {shown.length} of {LESSONS.length} lessons
      </p>
      {/* The compare view (classroom-b): two lessons of one idea, Windows beside SVR5. */}
      <p className="text-sm">
        <a className="btn inline-block" href="?view=compare">
          Windows beside SVR5: compare two lessons of one idea
        </a>
      </p>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2">
        {shown.map((l) => (
          <LessonCard
            key={l.id}
            lesson={l}
            current={l.id === current}
            conclusion={!presenter}
            query={deferred}
          />
        ))}
      </ul>
    </Dialog>
  );
}

function LessonCard({
  lesson,
  current,
  conclusion,
  query,
}: {
  lesson: Lesson;
  current: boolean;
  conclusion: boolean;
  query: string;
}) {
  // Where the search's words are said, unless the title shows them (never projected: it may be an answer).
  const found = conclusion ? whereFound(lesson, query) : null;
  const { execute } = useVisualizerApi();
  const id = useId();
  return (
    <li className="lesson-card panel flex flex-col gap-1 p-3" data-lesson={lesson.id} aria-labelledby={id}>
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 id={id} className="text-base font-semibold">
          {lesson.title}
        </h3>
        {current ? <span className="badge badge-info">open now</span> : null}
      </div>
      <p className="flex flex-wrap gap-1 text-xs">
        <span className="badge badge-neutral">{kernelOf(lesson.os).vocabulary.longName}</span>
        <span className="badge badge-neutral">{TOPIC_LABELS[lesson.topic]}</span>
        <span className="badge badge-neutral">
          {lesson.scenario.steps.length} steps · {lesson.questions.length}{' '}
          {lesson.questions.length === 1 ? 'question' : 'questions'}
        </span>
      </p>
      {found ? (
        <p className="text-xs" data-testid="found-in">
          <span className="muted">Found in the {found.where}: </span>“{snippet(found.text, query)}”
        </p>
      ) : null}
      {conclusion ? (
        <>
          <p className="text-sm">{lesson.summary}</p>
          <p className="muted text-xs">
            Rule: {lesson.rule.text} <span className="font-mono">({lesson.rule.id})</span>
          </p>
        </>
      ) : null}
      <div>
        <button
          type="button"
          className="btn btn-primary mt-1"
          onClick={() => execute('openLesson', { id: lesson.id })}
          aria-label={`Open the lesson: ${lesson.title}`}
        >
          Open
        </button>
      </div>
    </li>
  );
}

/** The text around the first word of the query found in it, about 120 characters. */
function snippet(text: string, query: string): string {
  const lower = text.toLowerCase();
  const first = Math.min(
    ...query
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => lower.indexOf(w))
      .filter((i) => i >= 0),
  );
  const at = Number.isFinite(first) ? first : 0;
  const from = Math.max(0, at - 50);
  const to = Math.min(text.length, at + 70);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
