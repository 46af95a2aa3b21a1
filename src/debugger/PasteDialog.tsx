import { useEffect, useId, useRef, useState } from 'react';
import { useModal } from '../app/useModal';
import { useVisualizerApi } from '../store';

/**
 * "Paste debugger output": a driver engineer pastes what WinDbg printed
 * (`!drvobj`, `!devobj`, `!devstack`, `!devnode`, `!irp`, `!object`, with or
 * without prompts) and the app draws what holds the driver. The paste goes
 * through the door (`importDebugger`); a paste that cannot be read keeps the
 * current work and says why.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const { run } = useVisualizerApi();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  // First: it notes the opener before the text box takes focus.
  useModal(dialog);
  useEffect(() => box.current?.focus(), []);
  const read = (paste: string) => {
    const r = run('importDebugger', { text: paste }, 'button');
    if (r.ok) onClose();
    else setError(r.error);
  };
  const example = async () => {
    // Loaded on demand: the sample session is not part of the first load.
    const { SESSION } = await import('../kernel/debugger/fixtures/session');
    setText(SESSION);
    setError(null);
  };
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="panel flex max-h-full w-full max-w-3xl flex-col gap-2 p-4"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId} className="text-base font-semibold">
          Why won’t my driver unload? Paste what the debugger printed
        </h2>
        <p className="muted text-sm">
          The output of <code>!drvobj</code> (any flags), <code>!devobj</code>, <code>!devstack</code>,{' '}
          <code>!devnode</code>, <code>!irp</code> and <code>!object</code>, and, to find which process holds
          a device, <code>!devhandles</code>, <code>!handle</code>, <code>!process</code> and{' '}
          <code>!thread</code>: a whole session or a few commands, with or without their <code>kd&gt;</code>{' '}
          prompts. Nothing leaves this page.
        </p>
        <textarea
          ref={box}
          aria-label="Debugger output"
          className="btn min-h-64 flex-1 font-mono text-xs"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          placeholder={'0: kd> !drvobj mydriver 7\nDriver object (ffffb802`5e70a3b0) is for:\n …'}
        />
        {error ? (
          <p role="alert" className="text-sm" style={{ color: 'var(--danger)' }}>
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary"
            disabled={text.trim() === ''}
            onClick={() => read(text)}
          >
            Read and draw
          </button>
          <button type="button" className="btn" onClick={() => void example()}>
            Try an example session
          </button>
          <button type="button" className="btn ml-auto" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
