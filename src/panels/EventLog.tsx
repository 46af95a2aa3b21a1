import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { eventObjects, isSuccess, type KernelEvent } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectCursor, selectEntries } from '../store/selectors';
import { selectAnimatedEvent } from '../animation/moment';
import { selectFontScale } from '../lessons/selectors';
import { LOG_PAGE, actionArgs, actionLabel, logRows, sentenceOf, visibleRows, type LogRow } from './format';
import { useHighlight } from './hoverHighlight';
import { RuleRef } from './ruleLink';
import { useRegionName } from './regionName';

/** Steps ahead of the cursor are not drawn (nothing shows the future): a row is past or current. */
type When = 'past' | 'current';

/**
 * Every step of the session, oldest first: the action, the kernel's status,
 * the narration and every event with the rule behind it. A click on a step
 * travels there; hovering an event outlines its objects in the graph.
 */
export function EventLog() {
  const region = useRegionName('Event log');
  const entries = useVisualizer(selectEntries);
  const cursor = useVisualizer(selectCursor);
  // While the current step animates, its events appear as they play (animation that tells the truth).
  const animated = useVisualizer(selectAnimatedEvent);
  // Larger text (presenter mode) moves every row: follow the playhead again then.
  const fontScale = useVisualizer(selectFontScale);
  const { execute } = useVisualizerApi();
  const jumpTo = useCallback((step: number) => void execute('goTo', { step }), [execute]);
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter);
  const [limit, setLimit] = useState(LOG_PAGE);
  const rows = useMemo(() => logRows(entries, query), [entries, query]);

  // Never hide the current step: a jump far back widens the window to include it.
  const cursorAt = rows.findIndex((r) => r.index === cursor - 1);
  const needed = cursorAt < 0 ? 0 : rows.length - cursorAt;
  const { rows: shown, hidden } = visibleRows(rows, Math.max(limit, needed));

  // Follow the playhead: when the cursor moves, a step is added or an event plays, the current step's
  // events stay in view: the whole step when it fits, else its newest events (the one playing now at
  // the bottom), so "Unload runs" never waits below the fold for a mouse. In the frame after the
  // change's: reading positions in its own frame would lay the page out before it is painted.
  const box = useRef<HTMLDivElement>(null);
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
      aria-label={region}
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
        {hidden > 0 ? (
          <button
            type="button"
            className="btn mb-1 w-full text-xs"
            onClick={() => setLimit(limit + LOG_PAGE)}
          >
            Show {Math.min(hidden, LOG_PAGE)} earlier steps ({hidden} hidden)
          </button>
        ) : null}
        <ol className="flex flex-col gap-1">
          {hidden === 0 && query.trim() === '' ? (
            <li data-step={0}>
              <StepButton
                when={cursor === 0 ? 'current' : 'past'}
                onClick={() => jumpTo(0)}
                label="start"
                number={0}
                title="The world before the first step"
              />
            </li>
          ) : null}
          {shown
            // Nothing shows the future: a step's events appear once it has happened.
            .filter((r) => r.index < cursor)
            .map((r) => (
              <EntryItem
                key={r.entry.id}
                row={r}
                when={r.index + 1 === cursor ? 'current' : 'past'}
                jumpTo={jumpTo}
                playedUpTo={r.index + 1 === cursor ? animated : null}
              />
            ))}
          {entries.length > cursor ? (
            <li className="muted px-1.5 text-xs italic" data-testid="log-ahead">
              {entries.length - cursor} more {entries.length - cursor === 1 ? 'step' : 'steps'} ahead, shown
              as you get there.
            </li>
          ) : null}
        </ol>
      </div>
    </section>
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
      className="grid w-full grid-cols-[1.75rem_minmax(0,1fr)] items-baseline gap-x-2 rounded border-l-4 px-1.5 py-0.5 text-left text-xs hover:bg-(--ghost-bg)"
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
      <li data-step={index + 1} className="log-step">
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
      </li>
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
