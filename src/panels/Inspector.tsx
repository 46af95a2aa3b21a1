import { loadedLater } from '../ui/loadedLater';
import type { ObjectRef } from '../kernel/core';
import { useVisualizer } from '../store';
import { selectSelection } from '../store/selectors';
import { InspectorPanel } from './InspectorPanel';

/** The rows, fetched beside the first view (which selects nothing), shown once there. */
const InspectorFields = loadedLater(import('./InspectorFields'), Reading);

/**
 * The selected object's fields by the names a debugger prints
 * (shared/domain/windows.md §5), so what a student reads here they will
 * meet again in `!devobj`, `!drvobj`, `!devstack` and `!irp`. The rows of
 * each OS are not part of the first view's code.
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
  return <InspectorFields selection={selection} />;
}

/** Until the rows are there (a slow line, the first moments of a page). */
function Reading({ selection }: { readonly selection: ObjectRef }) {
  return (
    <InspectorPanel>
      <p className="muted">
        Reading {selection.kind} <span className="font-mono">{selection.name}</span>…
      </p>
    </InspectorPanel>
  );
}
