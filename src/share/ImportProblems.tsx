import { useEffect, useRef } from 'react';
import { useModal } from '../ui/useModal';
import type { ScenarioError } from '../kernel/core';

/** Why a file was not opened: every problem with its place and its fix; the current work is untouched. */
export function ImportProblems({
  problems,
  onClose,
}: {
  problems: readonly ScenarioError[];
  onClose: () => void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Tab stays inside, nothing acts behind it, and focus goes back to the opener (like every dialog).
  useModal(box);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <div
        ref={box}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="import-problems-title"
        aria-describedby="import-problems-help"
        className="panel flex max-h-[85vh] w-full max-w-xl flex-col gap-2 p-4 text-sm"
        data-testid="import-problems"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="import-problems-title" className="text-base font-semibold">
          This scenario was not opened
        </h2>
        <p id="import-problems-help">
          Your current scenario is unchanged. Fix{' '}
          {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} and import it again:
        </p>
        <ul className="flex flex-col gap-1 overflow-y-auto">
          {problems.map((p, i) => (
            <li key={i} className="rounded border-l-4 py-0.5 pl-2" style={{ borderColor: 'var(--danger)' }}>
              <code className="font-mono font-semibold">{p.path || '(the file)'}</code>: {p.message}
            </li>
          ))}
        </ul>
        <button ref={close} type="button" className="btn self-start" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
