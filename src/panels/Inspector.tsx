import { lazy, Suspense, type ReactNode } from 'react';
import { useVisualizer } from '../store';
import { selectSelection } from '../store/selectors';

const InspectorFields = lazy(() => import('./InspectorFields'));

/**
 * The selected object's fields by the names a debugger prints
 * (shared/domain/windows.md §5), so what a student reads here they will
 * meet again in `!devobj`, `!drvobj`, `!devstack` and `!irp`. The rows of
 * each OS load the first time something is selected.
 */
export function Inspector() {
  const selection = useVisualizer(selectSelection);
  if (!selection)
    return (
      <InspectorPanel>
        <p className="muted">
          Click an object in the graph to see its fields (for Windows objects, by the names WinDbg prints).
        </p>
      </InspectorPanel>
    );
  return (
    <Suspense
      fallback={
        <InspectorPanel>
          <p className="muted">
            Reading {selection.kind} <span className="font-mono">{selection.name}</span>…
          </p>
        </InspectorPanel>
      }
    >
      <InspectorFields selection={selection} />
    </Suspense>
  );
}

/** The inspector's panel: its heading (with what is inspected) and its body. */
export function InspectorPanel({
  caption,
  children,
}: {
  readonly caption?: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <section
      aria-label="Inspector"
      data-testid="inspector"
      className="panel flex shrink-0 flex-col gap-2 p-3 text-sm"
    >
      <h2 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
        Inspector
        {caption}
      </h2>
      {children}
    </section>
  );
}
