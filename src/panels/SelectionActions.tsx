import { useMemo } from 'react';
import { availability, defaultArgs } from '../actions/args';
import { namesOf } from '../actions/names';
import { executeAction, kernelActionsFor } from '../actions/registry';
import type { ObjectRef, World } from '../kernel';
import { useApp } from '../store';
import { selectOs, selectSelection, selectWorld } from '../store/selectors';

/** The actions that apply to the selected object, one click each; a disabled one says why, in the kernel's words. */
export function SelectionActions() {
  const os = useApp(selectOs);
  const world = useApp(selectWorld);
  const selection = useApp(selectSelection);
  const offers = useMemo(() => {
    if (!selection) return [];
    return kernelActionsFor(os)
      .filter((d) => d.subject?.kind === selection.kind)
      .map((def) => {
        const args = defaultArgs(def, world, selection);
        return { def, args, avail: availability(def, world, args) };
      });
  }, [os, world, selection]);
  if (selection && !exists(world, selection)) {
    return (
      <section aria-label="Selected object" className="panel p-3 text-sm">
        <span className="font-mono">{selection.name}</span> no longer exists at this step.{' '}
        <span className="muted">Step back (←) to see it, or select another object.</span>
      </section>
    );
  }
  if (!selection) {
    return (
      <section aria-label="Selected object" className="panel p-3 text-sm muted">
        Select an object in the graph to act on it.
      </section>
    );
  }
  return (
    <section aria-label="Selected object" className="panel flex flex-col gap-2 p-3">
      <h2 className="text-sm font-semibold">
        {selection.kind} <span className="font-mono">{selection.name}</span>
      </h2>
      <ul className="flex flex-col gap-1">
        {offers.map(({ def, args, avail }) => (
          <li key={def.id} className="flex flex-col">
            <button
              className="btn text-left text-sm"
              disabled={!avail.enabled}
              onClick={() => executeAction(def.id, args, 'context')}
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
                      onClick={() => executeAction(def.id, args, 'context')}
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
  return namesOf(world, ref.kind).includes(ref.name);
}
