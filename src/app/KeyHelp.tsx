import { useEffect, useRef } from 'react';
import { COMMAND_DEFS } from '../actions/registry';
import { useVisualizer, useVisualizerApi } from '../store';
import { selectHelpOpen } from '../store/selectors';

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
  Escape: 'Esc',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
  mod: 'Ctrl/⌘',
  shift: 'Shift',
};

/** `mod+shift+z` → `Ctrl/⌘ + Shift + Z`. */
export function keyLabel(key: string): string {
  return key
    .split('+')
    .map((part) => KEY_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join(' + ');
}

/** The sheet of keyboard shortcuts, read from the same registry the keys go through. */
export function KeyHelp() {
  const { execute } = useVisualizerApi();
  const open = useVisualizer(selectHelpOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby="keyhelp-title" className="panel max-w-md p-4">
        <h2 id="keyhelp-title" className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <table className="mt-2 text-sm">
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
          </tbody>
        </table>
        <button ref={close} type="button" className="btn mt-3" onClick={() => execute('toggleHelp')}>
          Close
        </button>
      </div>
    </div>
  );
}
