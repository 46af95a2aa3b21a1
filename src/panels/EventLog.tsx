import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { eventObjects, isSuccess, type KernelEvent } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectCursor, selectEntries } from '../store/selectors';
import type { VisualizerState } from '../store/state';
import { selectAnimatedEvent } from '../store/moment';
import { selectFontScale } from '../lessons/selectors';
import { actionArgs, actionLabel, logRows, sentenceOf, type LogRow } from './format';
import { estimatedHeight, logWindow } from './logWindow';
import { useHighlight } from './hoverHighlight';
import { RuleRef } from './ruleLink';
import { useLandmarkName } from '../ui/landmarkName';

/** Steps ahead of the cursor are not drawn (nothing shows the future): a row is past or current. */
type When = 'past' | 'current';

/** Rows drawn beyond each edge of the view: Tab and the wheel find the next ones already there. */
const OVERSCAN = 8;

/**
 * Every step of the session, oldest first: the action, the kernel's status,
 * the narration and every event with the rule behind it. A click on a step
 * travels there; hovering an event outlines its objects in the graph.
 */
const selectLogFilter = (s: VisualizerState) => s.typing.logFilter;

export function EventLog() {
  const landmark = useLandmarkName('Event log');
  const entries = useVisualizer(selectEntries);
  const cursor = useVisualizer(selectCursor);
  // While the current step animates, its events appear as they play (animation that tells the truth).
  const animated = useVisualizer(selectAnimatedEvent);
  // Larger text (presenter mode) moves every row: follow the playhead again then.
  const fontScale = useVisualizer(selectFontScale);
  const { execute } = useVisualizerApi();
  const jumpTo = useCallback((step: number) => void execute('goTo', { step }), [execute]);
  // In the store, so a reload of the tab keeps it (src/lessons/typing.ts).
  const filter = useVisualizer(selectLogFilter);
  const setFilter = (text: string) => void execute('setLogFilter', { text: text.slice(0, 200) });
  const query = useDeferredValue(filter);
  const rows = useMemo(() => logRows(entries, query), [entries, query]);
  // Nothing shows the future: a step's row appears once it has happened. The start (step 0) heads
  // the unfiltered log.
  const past = useMemo(() => rows.filter((r) => r.index < cursor), [rows, cursor]);
  const withStart = query.trim() === '';
  const count = past.length + (withStart ? 1 : 0);

  // The log is virtualised (logWindow.ts): only the rows in view, a few around them and the current
  // step are in the page; each drawn row's height is measured and kept by its entry, for the gaps.
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ top: 0, height: 600 });
  // Each drawn row is watched for its height (its events wrap, a larger text, a narrower panel).
  const sizes = useRef<ResizeObserver | null>(null);
  const observe = useCallback((li: HTMLLIElement | null) => {
    if (!li) return;
    sizes.current ??= new ResizeObserver((seen) =>
      setMeasured((m) => {
        let next: Map<string, number> | null = null;
        for (const e of seen) {
          const key = (e.target as HTMLElement).dataset.key;
          const h = e.borderBoxSize[0]?.blockSize ?? e.target.getBoundingClientRect().height;
          if (key === undefined || Math.abs((m.get(key) ?? -1) - h) <= 0.5) continue;
          next ??= new Map(m);
          next.set(key, h);
        }
        return next ?? m;
      }),
    );
    const watcher = sizes.current;
    watcher.observe(li);
    return () => watcher.unobserve(li);
  }, []);
  useEffect(() => () => sizes.current?.disconnect(), []);
  const keyOf = (k: number) =>
    withStart ? (k === 0 ? 'start' : String(past[k - 1]!.entry.id)) : String(past[k]!.entry.id);
  const heights = Array.from({ length: count }, (_, k) => {
    const key = keyOf(k);
    const row = key === 'start' ? null : past[withStart ? k - 1 : k]!;
    return measured.get(key) ?? (row ? estimatedHeight(row.events.length, !!row.entry.say) : 28);
  });
  const currentAt = withStart ? cursor : past.findIndex((r) => r.index + 1 === cursor);
  const drawn = logWindow(heights, view.top, view.height, OVERSCAN, [currentAt]);
  useEffect(() => {
    const b = box.current;
    if (!b) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) =>
        v.top === b.scrollTop && v.height === b.clientHeight
          ? v
          : { top: b.scrollTop, height: b.clientHeight },
      );
    };
    const later = () => (frame ||= requestAnimationFrame(read));
    read();
    b.addEventListener('scroll', later, { passive: true });
    const resized = new ResizeObserver(later);
    resized.observe(b);
    return () => {
      b.removeEventListener('scroll', later);
      resized.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);

  // Follow the playhead: when the cursor moves, a step is added or an event plays, the current step's
  // events stay in view: the whole step when it fits, else its newest events (the one playing now at
  // the bottom), so "Unload runs" never waits below the fold for a mouse. In the frame after the
  // change's: reading positions in its own frame would lay the page out before it is painted.
  useEffect(() => {
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(follow)));
    function follow() {
      const b = box.current;
      const el = b?.querySelector<HTMLElement>(`[data-step="${cursor}"]`);
      if (!el || !b) return;
      const now = el.querySelector<HTMLElement>('.event-now');
      // Offsets within the scrolled content, whatever the elements' offset parents.
      const origin = b.getBoundingClientRect().top - b.scrollTop;
      const place = (e: HTMLElement) => {
        const r = e.getBoundingClientRect();
        return { offsetTop: r.top - origin, offsetHeight: r.height };
      };
      b.scrollTop = followedTop(b.scrollTop, b.clientHeight, place(el), now ? place(now) : null);
    }
    return () => cancelAnimationFrame(frame);
  }, [cursor, entries, fontScale, animated]);

  return (
    <section
      aria-label={landmark}
      data-testid="event-log"
      className="panel flex h-full min-h-0 flex-col gap-2 p-3 text-sm"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="font-semibold">Event log</h2>
        <span className="muted text-xs">
          step {cursor} of {entries.length}
        </span>
      </div>
      <input
        type="search"
        maxLength={200}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Filter events…"
        aria-label="Filter the event log"
        className="btn w-full text-xs"
      />
      {query.trim() !== '' ? (
        <p className="muted text-xs" role="status">
          {rows.length} of {entries.length} steps match
        </p>
      ) : null}
      <div ref={box} className="relative min-h-0 flex-1 overflow-y-auto pr-1" data-testid="event-log-scroll">
        <ol ref={list} className="flex flex-col" aria-label="Steps">
          {drawn.rows.map(({ index: k, gapBefore }) => {
            const key = keyOf(k);
            const place = { key, id: key, gapBefore, position: k + 1, count, observe };
            if (key === 'start')
              return (
                <Row {...place}>
                  <StepButton
                    when={cursor === 0 ? 'current' : 'past'}
                    onClick={() => jumpTo(0)}
                    label="start"
                    number={0}
                    title="The world before the first step"
                  />
                </Row>
              );
            const r = past[withStart ? k - 1 : k]!;
            return (
              <Row {...place} step={r.index + 1}>
                <EntryItem
                  row={r}
                  when={r.index + 1 === cursor ? 'current' : 'past'}
                  jumpTo={jumpTo}
                  playedUpTo={r.index + 1 === cursor ? animated : null}
                />
              </Row>
            );
          })}
        </ol>
        {drawn.gapAfter > 0 ? <div aria-hidden="true" style={{ height: drawn.gapAfter }} /> : null}
        {entries.length > cursor ? (
          <p className="muted px-1.5 text-xs italic" data-testid="log-ahead">
            {entries.length - cursor} more {entries.length - cursor === 1 ? 'step' : 'steps'} ahead, shown as
            you get there.
          </p>
        ) : null}
      </div>
    </section>
  );
}

/**
 * One row of the log: a list item with its place in the whole list (a screen reader hears "step 40,
 * 40 of 209" although most rows are not in the page), after the gap of the rows left out above it.
 */
function Row({
  observe,
  id,
  gapBefore,
  position,
  count,
  step = 0,
  children,
}: {
  observe: (li: HTMLLIElement | null) => (() => void) | undefined;
  id: string;
  gapBefore: number;
  position: number;
  count: number;
  step?: number;
  children: ReactNode;
}) {
  return (
    <li
      ref={observe}
      data-key={id}
      data-step={step}
      className="log-step pb-1"
      aria-setsize={count}
      aria-posinset={position}
      style={gapBefore > 0 ? { marginTop: gapBefore } : undefined}
    >
      {children}
    </li>
  );
}

function StepButton({
  when,
  onClick,
  number,
  label,
  title,
  status,
}: {
  when: When;
  onClick: () => void;
  number: number;
  label: string;
  title: string;
  status?: string;
}) {
  const current = when === 'current';
  return (
    <button
      type="button"
      onClick={onClick}
      aria-current={current ? 'step' : undefined}
      title={title}
      className="grid min-h-6 w-full grid-cols-[1.75rem_minmax(0,1fr)] items-center gap-x-2 rounded border-l-4 px-1.5 py-0.5 text-left text-xs hover:bg-(--ghost-bg)"
      style={{
        borderColor: current ? 'var(--info)' : 'transparent',
        background: current ? 'var(--info-bg)' : undefined,
        color: current ? 'var(--info)' : undefined,
        fontWeight: current ? 600 : undefined,
      }}
    >
      <span className="text-right font-mono tabular-nums">{number}</span>
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className="min-w-0 font-mono break-words">{label}</span>
        <span className="ml-auto flex shrink-0 items-baseline gap-2">
          {status !== undefined ? <Status status={status} current={current} /> : null}
          {current ? <span>◀ now</span> : null}
        </span>
      </span>
    </button>
  );
}

/** The kernel's status: quiet when it succeeded, a badge with a warning shape when it did not. */
function Status({ status, current }: { status: string; current: boolean }) {
  if (isSuccess(status))
    return (
      <span className={`${current ? '' : 'muted '}shrink-0 font-mono text-[10px] font-normal`}>{status}</span>
    );
  return (
    <span className="badge badge-danger shrink-0 font-mono" title="The call did not succeed">
      <span aria-hidden="true">⚠ </span>
      {status}
    </span>
  );
}

interface EntryProps {
  row: LogRow;
  when: When;
  jumpTo: (cursor: number) => void;
  /** While this step animates: the index of the event playing now (later ones are not shown yet). */
  playedUpTo?: number | null;
}

const EntryItem = memo(
  function EntryItem({ row, when, jumpTo, playedUpTo = null }: EntryProps) {
    const { entry, index } = row;
    const shown =
      playedUpTo === null ? row.events : row.events.filter((e) => entry.events.indexOf(e) <= playedUpTo);
    const now = playedUpTo === null ? undefined : entry.events[playedUpTo];
    return (
      <>
        <StepButton
          when={when}
          number={index + 1}
          label={actionLabel(entry.action)}
          title={`${entry.action.do} ${actionArgs(entry.action)} (from ${entry.source})`}
          status={entry.status}
          onClick={() => jumpTo(index + 1)}
        />
        {entry.say ? <p className="muted ml-9 text-xs italic">{entry.say}</p> : null}
        {shown.length > 0 ? (
          <ul className="ml-9 flex flex-col gap-0.5 border-l border-(--line) pl-2">
            {shown.map((e, i) => (
              <EventLine key={i} e={e} now={e === now} />
            ))}
          </ul>
        ) : null}
      </>
    );
  },
  (a, b) =>
    a.row.entry === b.row.entry &&
    a.row.events === b.row.events &&
    a.when === b.when &&
    a.jumpTo === b.jumpTo &&
    a.playedUpTo === b.playedUpTo,
);

function EventLine({ e, now = false }: { e: KernelEvent; now?: boolean }) {
  const { hoverProps } = useHighlight();
  return (
    <li
      className={`event-line flex flex-wrap items-baseline gap-x-1.5 rounded px-1 text-xs hover:bg-(--ghost-bg)${now ? ' event-now' : ''}`}
      data-event={e.type}
      data-now={now ? 'true' : undefined}
      aria-current={now ? 'true' : undefined}
      {...hoverProps(() => eventObjects(e))}
    >
      <span className="min-w-0">{sentenceOf(e)}</span>
      <RuleRef rule={e.rule} model={e.model} />
    </li>
  );
}

/**
 * Where the log scrolls to keep a step in view (offsets within the scrolled box): the whole step when
 * it fits; else its end, or the event playing now, at the bottom of the view.
 */
export function followedTop(
  scrollTop: number,
  height: number,
  step: { offsetTop: number; offsetHeight: number },
  now: { offsetTop: number; offsetHeight: number } | null,
): number {
  const top = step.offsetTop;
  const bottom = top + step.offsetHeight;
  if (step.offsetHeight <= height) {
    if (top < scrollTop) return top;
    return bottom > scrollTop + height ? bottom - height : scrollTop;
  }
  // Taller than the view: the newest event shown (the one playing, or the step's last) at the bottom.
  const end = now ? now.offsetTop + now.offsetHeight : bottom;
  return Math.max(top, end - height);
}
