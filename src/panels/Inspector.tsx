import { useMemo } from 'react';
import type { ObjectRef } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectSelection, selectWorld } from '../store/selectors';
import { inspect } from './inspector/inspect';
import { Value } from './inspector/Value';

/**
 * The selected object's fields by the names a debugger prints
 * (shared/domain/windows.md §5), so what a student reads here they will
 * meet again in `!devobj`, `!drvobj`, `!devstack` and `!irp`.
 */
export function Inspector() {
  const world = useVisualizer(selectWorld);
  const selection = useVisualizer(selectSelection);
  const { execute } = useVisualizerApi();
  const select = (ref: ObjectRef) => execute('select', { ref });
  const inspection = useMemo(() => (selection ? inspect(world, selection) : null), [world, selection]);

  return (
    <section
      aria-label="Inspector"
      data-testid="inspector"
      className="panel flex shrink-0 flex-col gap-2 p-3 text-sm"
    >
      <h2 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
        Inspector
        {inspection ? (
          <span className="muted text-xs font-normal">
            {inspection.kind} <span className="font-mono">{inspection.name}</span>
          </span>
        ) : null}
      </h2>
      {!selection ? (
        <p className="muted">
          Click an object in the graph to see its fields (for Windows objects, by the names WinDbg prints).
        </p>
      ) : !inspection ? (
        <p className="muted">
          {selection.kind} <span className="font-mono">{selection.name}</span> does not exist at this step.
        </p>
      ) : (
        <>
          {inspection.command ? (
            <p className="muted font-mono text-[11px]" title="The debugger command that prints these fields">
              kd&gt; {inspection.command}
            </p>
          ) : null}
          <dl className="grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
            {inspection.rows.map((r) =>
              r.pre ? (
                <div key={r.label} className="col-span-2 mt-1 flex flex-col gap-0.5">
                  <dt className="muted" title={r.hint}>
                    {r.label}
                  </dt>
                  <dd className="overflow-x-auto rounded border border-(--line) bg-(--bg) px-2 py-1 font-mono text-[11px] leading-snug whitespace-pre">
                    <Value parts={r.value} onOpen={select} />
                  </dd>
                </div>
              ) : (
                <div key={r.label} className="contents">
                  <dt className="muted" title={r.hint}>
                    {r.label}
                  </dt>
                  <dd className="font-mono text-[11px] break-words" data-field={r.label}>
                    <Value parts={r.value} onOpen={select} />
                  </dd>
                </div>
              ),
            )}
          </dl>
        </>
      )}
    </section>
  );
}
