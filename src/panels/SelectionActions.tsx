import { useMemo } from 'react';
import { selectionOffers } from '../actions/offers';
import { kernelFor, type ObjectRef, type World } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectOs, selectSelection, selectWorld } from '../store/selectors';
import { selectHeldBack } from '../lessons/selectors';
import { useLandmarkName } from '../ui/landmarkName';

/**
 * The actions that apply to the selected object, one click each; a disabled one says why, in the kernel's
 * words — except while a lesson holds back what is about to happen (src/actions/offers.ts).
 */
export function SelectionActions() {
  const landmark = useLandmarkName('Selected object');
  const { run } = useVisualizerApi();
  const os = useVisualizer(selectOs);
  const world = useVisualizer(selectWorld);
  const selection = useVisualizer(selectSelection);
  const heldBack = useVisualizer(selectHeldBack);
  const offers = useMemo(
    () => (selection ? selectionOffers(os, world, selection, heldBack) : []),
    [os, world, selection, heldBack],
  );
  if (selection && !exists(world, selection)) {
    return (
      <section aria-label={landmark} className="panel p-3 text-sm">
        <span className="font-mono">{selection.name}</span> no longer exists at this step.{' '}
        <span className="muted">Step back (←) to see it, or select another object.</span>{' '}
        {/* Its button went with the object: focus lands here, on a way on, not on the panel. */}
        <button
          type="button"
          className="btn mt-1"
          onClick={(e) =>
            e.currentTarget
              .closest('.visualizer')
              ?.querySelector<HTMLElement>('.react-flow__node[tabindex="0"]')
              ?.focus()
          }
        >
          Back to the graph (G)
        </button>
      </section>
    );
  }
  if (!selection) {
    return (
      <section aria-label={landmark} className="panel p-3 text-sm muted">
        Select an object in the graph to act on it.
      </section>
    );
  }
  return (
    <section aria-label={landmark} className="panel flex flex-col gap-2 p-3">
      <h2 className="text-sm font-semibold">
        {selection.kind} <span className="font-mono">{selection.name}</span>
      </h2>
      <ul className="flex flex-col gap-1">
        {offers.map(({ def, id, fields, avail }) => (
          <li key={def.id} className="flex flex-col">
            <button
              className="btn text-left text-sm"
              disabled={!avail.enabled}
              onClick={() => run(id, fields, 'context')}
              title={def.help}
              aria-describedby={avail.enabled ? undefined : `why-${def.id}`}
            >
              {def.label}
            </button>
            {!avail.enabled ? (
              <span id={`why-${def.id}`} className="pl-1 text-[11px]" style={{ color: 'var(--pending)' }}>
                {avail.reason}
                {avail.refused ? (
                  <>
                    {' '}
                    <button
                      className="underline"
                      onClick={() => run(id, fields, 'context')}
                      aria-label={`Try ${def.label} anyway and see the refusal`}
                    >
                      Try anyway
                    </button>
                  </>
                ) : null}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function exists(world: World, ref: ObjectRef): boolean {
  return kernelFor(world).namesOf(world, ref.kind).includes(ref.name);
}
