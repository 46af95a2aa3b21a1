import { useEffect, useId, useRef, useState } from 'react';
import { useModal } from '../ui/useModal';
import { useVisualizerApi } from '../store';
import { MAX_PASTE } from './commands';
import { readInBackground, type Progress, type Reading } from './readInBackground';

/** A reading under way: how far it is, since when, and how to stop it. */
interface Busy {
  readonly progress: Progress;
  readonly started: number;
  readonly reading: Reading;
}

/**
 * "Paste debugger output": a driver engineer pastes what WinDbg printed
 * (`!drvobj`, `!devobj`, `!devstack`, `!devnode`, `!irp`, `!object`, with or
 * without prompts) and the app draws what holds the driver. The paste goes
 * through the door (`importDebugger`); a paste that cannot be read keeps the
 * current work and says why. The reading itself runs in a worker
 * (readInBackground.ts): the page keeps answering while a long session is
 * read, shows how far it is, and can stop it.
 */
export function PasteDialog({ onClose }: { onClose: () => void }) {
  const { run } = useVisualizerApi();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const current = useRef<Reading | null>(null);
  // Closing the dialog (or the page part) stops a reading under way.
  useEffect(() => () => current.current?.cancel(), []);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  // First: it notes the opener before the text box takes focus.
  useModal(dialog);
  useEffect(() => box.current?.focus(), []);
  const show = (r: { ok: true } | { ok: false; error: string }) => {
    if (r.ok) onClose();
    else setError(r.error);
  };
  const read = async (paste: string) => {
    // Over the limit: the door refuses it at once, with the limit and what to paste instead.
    if (paste.length > MAX_PASTE) return show(run('importDebugger', { text: paste }, 'button'));
    setError(null);
    const started = performance.now();
    const reading = readInBackground(paste, (progress) =>
      setBusy((b) => ({ progress, started: b?.started ?? started, reading })),
    );
    current.current = reading;
    const outcome = await reading.done;
    if (current.current !== reading) return;
    current.current = null;
    setBusy(null);
    if (!outcome.ok) {
      if (outcome.error !== 'cancelled') setError(`${outcome.error}. Your paste is still here: try again.`);
      return;
    }
    show(run('importDebugger', { text: paste, read: outcome.result }, 'button'));
  };
  const stop = () => {
    current.current?.cancel();
    current.current = null;
    setBusy(null);
    box.current?.focus();
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
        aria-busy={busy ? true : undefined}
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
          className="btn min-h-64 flex-1 font-mono text-xs [contain:strict]"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            // A changed paste is another paste: the reading of the old one stops.
            if (current.current) {
              current.current.cancel();
              current.current = null;
              setBusy(null);
            }
            setText(e.target.value);
            setError(null);
          }}
          placeholder={'0: kd> !drvobj mydriver 7\nDriver object (ffffb802`5e70a3b0) is for:\n …'}
        />
        {busy ? <ReadingProgress busy={busy} /> : null}
        {error ? (
          <p role="alert" className="text-sm" style={{ color: 'var(--danger)' }}>
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary"
            disabled={text.trim() === '' || busy !== null}
            onClick={() => void read(text)}
          >
            Read and draw
          </button>
          {busy ? (
            <button type="button" className="btn" onClick={stop}>
              Stop reading
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void example()}>
              Try an example session
            </button>
          )}
          <button type="button" className="btn ml-auto" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * How far the reading is: what is being read and where, the share read ("Reading… 42 %", a
 * progress bar with its value, when the worker has said), and the seconds so far (they keep
 * counting while the worker reads: the page is not blocked). A screen reader hears the phase
 * once, not every tick; the bar's value is there when it asks.
 */
function ReadingProgress({ busy }: { busy: Busy }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, []);
  const p = busy.progress;
  const what =
    p.phase === 'starting'
      ? 'Starting the reader…'
      : `Reading ${p.lines.toLocaleString('en')} ${p.lines === 1 ? 'line' : 'lines'} ${p.where === 'worker' ? 'in the background' : 'on this page'}…`;
  const done = p.phase === 'reading' && p.done !== undefined ? Math.floor(p.done * 100) : null;
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="paste-progress">
      <div className="flex items-center gap-2">
        {done === null ? (
          <progress aria-label="Reading the paste" className="h-2 flex-1" />
        ) : (
          <progress
            aria-label="Reading the paste"
            aria-valuetext={`${done} % read`}
            className="h-2 flex-1"
            max={100}
            value={done}
          />
        )}
        {done === null ? null : (
          <span className="font-mono text-xs tabular-nums" data-testid="paste-percent">
            Reading… {done} %
          </span>
        )}
        <span aria-hidden="true" className="muted font-mono text-xs tabular-nums">
          {((now - busy.started) / 1000).toFixed(1)} s
        </span>
      </div>
      <p role="status">{what}</p>
      {p.phase === 'reading' && p.why ? (
        <p className="muted text-xs" data-testid="paste-on-page">
          {p.why[0]!.toUpperCase() + p.why.slice(1)}: the page reads it itself and may not answer until it is
          done.
        </p>
      ) : null}
    </div>
  );
}
