import { useEffect, useRef } from 'react';
import { COMMAND_DEFS } from '../actions/registry';
import { Dialog } from '../ui/Dialog';
import { keyLabel } from '../ui/keyLabel';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectHelpOpen } from '../store/selectors';

/**
 * The sheet of keyboard shortcuts, read from the same registry the keys go
 * through: a modal dialog (the one shell), Tab stays inside, nothing acts
 * behind it, and closing it gives focus back to where it was.
 */
export function KeyHelp() {
  const { execute } = useVisualizerApi();
  const open = useVisualizer(selectHelpOpen);
  return open ? <KeySheet onClose={() => execute('toggleHelp')} /> : null;
}

function KeySheet({ onClose }: { onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      testId="key-help"
      width="max-w-lg"
      headingRef={heading}
    >
      <table className="text-sm">
        <tbody>
          {COMMAND_DEFS.filter((c) => c.keys?.length).map((c) => (
            <tr key={c.id}>
              <td className="py-0.5 pr-4 font-mono text-xs whitespace-nowrap">
                {(c.keys ?? []).map(keyLabel).join(' · ')}
              </td>
              <td className="py-0.5">{c.help ?? c.label}</td>
            </tr>
          ))}
          <tr>
            <td className="py-0.5 pr-4 font-mono text-xs whitespace-nowrap">1 … 9 · 0 … 9, Enter</td>
            <td className="py-0.5">
              At a question: pick that answer. Otherwise: type a step number, then Enter to go there
            </td>
          </tr>
          <tr>
            <td className="py-0.5 pr-4 font-mono text-xs whitespace-nowrap">On a graph object</td>
            <td className="py-0.5">
              Arrows: the neighbouring object along a line · Home, End: the first, the last object · Enter or
              Space: its actions. The timeline’s keys act outside the graph, or with Ctrl/⌘ (Ctrl/⌘ + Home:
              the start); Page Up and Page Down always step
            </td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
