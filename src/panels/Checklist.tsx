import { useMemo, useState } from 'react';
import { kernelFor, type Condition, type ObjectRef } from '../kernel/core';
import { useVisualizer, useVisualizerApi } from '../store';
import { ownerOf, selectSelection, selectWorld } from '../store/selectors';
import { selectHeldBack } from '../lessons/selectors';
import { shownExplanation } from './checklistModel';
import { createOverview } from './overview';
import { refLabel } from './format';
import { useHighlight } from './hoverHighlight';
import { RuleRef } from './ruleLink';
import { useLandmarkName } from '../ui/landmarkName';

/**
 * The live unload checklist (seed rule 4 for Windows, `_unload(D2)` for
 * SVR5): every condition the kernel checks, met or not, with the objects
 * that block it. explainUnload decides; this only draws.
 */
export function Checklist() {
  const landmark = useLandmarkName('Unload checklist');
  const world = useVisualizer(selectWorld);
  const selection = useVisualizer(selectSelection);
  const { execute } = useVisualizerApi();
  const select = (ref: ObjectRef | null) => execute('select', { ref });
  const words = kernelFor(world).vocabulary;
  const owner = useMemo(() => ownerOf(world, selection), [world, selection]);
  // In front of a class, what is about to happen is held back (checklistModel.ts).
  const heldBack = useVisualizer(selectHeldBack);
  const explanation = useMemo(
    () => (owner ? shownExplanation(world, owner, heldBack) : null),
    [world, owner, heldBack],
  );
  // The overview keeps each driver's line until a record it read changes (overview.ts): an animation
  // moment re-explains the drivers it touched, not every one.
  const [overviewOf] = useState(createOverview);
  const overview = useMemo(
    () => (owner ? [] : overviewOf(world, heldBack)),
    [overviewOf, world, owner, heldBack],
  );

  return (
    <section
      aria-label={landmark}
      data-testid="checklist"
      className="panel flex shrink-0 flex-col gap-2 p-3 text-sm"
    >
      {owner && explanation ? (
        <>
          <div className="flex items-baseline justify-between gap-2">
            <h2 className="font-semibold">
              Unload checklist: <span className="font-mono">{words.ownerTitle(owner)}</span>
            </h2>
            <button type="button" className="btn shrink-0 px-2 py-0 text-xs" onClick={() => select(null)}>
              All {words.owners}
            </button>
          </div>
          <p data-testid="checklist-summary" data-held-back={heldBack || undefined}>
            {explanation.summary}
          </p>
          {explanation.conditions.length > 0 ? (
            <ul className="flex flex-col gap-1 text-[13px]">
              {explanation.conditions.map((c) => (
                <ConditionItem key={c.id} c={c} />
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <>
          <h2 className="font-semibold">Unload checklist</h2>
          {overview.length === 0 ? (
            <p className="muted">{words.noOwners}</p>
          ) : (
            <>
              <p className="muted text-xs">
                Pick a {words.owner} (or any object in the graph) to see what its unload waits for.
              </p>
              <ul className="flex flex-col gap-1">
                {overview.map((o) => (
                  <li key={o.ref.name}>
                    <button
                      type="button"
                      className="btn flex w-full flex-col items-start gap-0.5 text-left"
                      onClick={() => select(o.ref)}
                    >
                      <span className="flex w-full items-baseline justify-between gap-2">
                        <span className="font-mono font-semibold">{o.name}</span>
                        <span className={`badge badge-${o.tone}`}>{o.state}</span>
                      </span>
                      <span className="muted text-xs">{o.summary}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** One condition: a mark that is shape and words (✓ met / ✗ not met), its text, its blockers, its rule. */
function ConditionItem({ c }: { c: Condition }) {
  return (
    <li
      data-condition={c.id}
      data-met={String(c.met)}
      className="flex gap-2 rounded border-l-4 py-0.5 pl-2"
      style={{ borderColor: c.met ? 'var(--ok)' : 'var(--danger)' }}
    >
      <span
        aria-hidden="true"
        className="w-4 shrink-0 text-center font-bold"
        style={{ color: c.met ? 'var(--ok)' : 'var(--danger)' }}
      >
        {c.met ? '✓' : '✗'}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="leading-snug">
          <span className="sr-only">{c.met ? 'met: ' : 'not met: '}</span>
          {c.text}{' '}
          <span className="inline-flex items-baseline gap-1 align-baseline">
            <RuleRef rule={c.rule} />
          </span>
        </p>
        {c.blockers.length > 0 ? (
          <div className="flex flex-wrap items-center gap-1">
            {c.blockers.map((b) => (
              <BlockerButton key={`${b.kind}:${b.name}`} blocker={b} />
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** A blocker: hover or focus outlines it in the graph; a click keeps it outlined. */
function BlockerButton({ blocker }: { blocker: ObjectRef }) {
  const { hoverProps, pin } = useHighlight();
  return (
    <button
      type="button"
      className="badge badge-danger cursor-pointer px-1.5 py-0.5 font-mono text-[11px]"
      title={`Outline ${refLabel(blocker)} in the graph`}
      onClick={() => pin([blocker])}
      {...hoverProps(() => [blocker])}
    >
      {refLabel(blocker)}
    </button>
  );
}
