import { useMemo } from 'react';
import type { ObjectRef } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectHeldBack } from '../lessons/selectors';
import { selectWorld } from '../store/selectors';
import { inspect } from './inspector/inspect';
import { Value } from './inspector/Value';
import { InspectorPanel } from './InspectorPanel';

/** The selected object's fields (loaded with the OS's inspector rows the first time something is selected). */
export default function InspectorFields({ selection }: { readonly selection: ObjectRef }) {
  const world = useVisualizer(selectWorld);
  // In front of a class, while it predicts: facts only, as the checklist (issue 17).
  const heldBack = useVisualizer(selectHeldBack);
  const { execute } = useVisualizerApi();
  const select = (ref: ObjectRef) => execute('select', { ref });
  const inspection = useMemo(() => inspect(world, selection), [world, selection]);

  return (
    <InspectorPanel
      caption={
        inspection ? (
          <span className="muted text-xs font-normal">
            {inspection.kind} <span className="font-mono">{inspection.name}</span>
          </span>
        ) : null
      }
    >
      {!inspection ? (
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
                    <Value parts={r.value} onOpen={select} heldBack={heldBack} />
                  </dd>
                </div>
              ) : (
                <div key={r.label} className="contents">
                  <dt className="muted" title={r.hint}>
                    {r.label}
                  </dt>
                  <dd className="font-mono text-[11px] break-words" data-field={r.label}>
                    <Value parts={r.value} onOpen={select} heldBack={heldBack} />
                  </dd>
                </div>
              ),
            )}
          </dl>
        </>
      )}
    </InspectorPanel>
  );
}
