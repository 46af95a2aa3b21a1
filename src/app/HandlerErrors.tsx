import { useEffect, useRef, useState, type RefObject } from 'react';
import { useVisualizerApi } from '../store';

const BENIGN = /^ResizeObserver loop/;

/** One fault the page caught: what failed, in which way, and the text a user can send. */
interface Caught {
  readonly what: string;
  readonly message: string;
  readonly report: string;
}

/** The message of whatever was thrown. */
function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** The first lines of a stack, when there is one (where in the code, not the user's data). */
function stackOf(reason: unknown): string {
  return reason instanceof Error && reason.stack ? reason.stack.split('\n').slice(0, 6).join('\n') : '';
}

/**
 * The text a user copies into a bug report: what failed, where the
 * visualizer stood, the browser. No scenario, no address parameters (they
 * may carry the user's work): only the page's path.
 */
function reportOf(what: string, message: string, stack: string, where: string): string {
  return [
    'Unload Lens fault report',
    `What: ${what}`,
    `Message: ${message}`,
    `Where: ${where}`,
    `Page: ${location.pathname}`,
    `When: ${new Date().toISOString()}`,
    `Browser: ${navigator.userAgent}`,
    ...(stack ? ['Stack:', stack] : []),
  ].join('\n');
}

/**
 * Faults outside every error boundary, shown where the user is:
 *  - errors thrown in event handlers (a click, a key, a file read), which
 *    React leaves to the window: the visualizer the user last touched
 *    catches them;
 *  - actions that threw inside the door (src/actions/execute.ts), which
 *    answers `ok: false` with `fault` and changes nothing.
 * Each says what failed, that the scenario is unchanged (the store only
 * changes through the door), offers a report to copy, and is dismissed.
 */
export function HandlerErrors({ root, whole }: { root: RefObject<HTMLElement | null>; whole: boolean }) {
  const [errors, setErrors] = useState<readonly Caught[]>([]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [open, setOpen] = useState(false);
  const touched = useRef(whole);
  const visualizer = useVisualizerApi();
  useEffect(() => {
    const where = () => {
      const s = visualizer.getState();
      return `${s.os}, step ${s.cursor} of ${s.entries.length}`;
    };
    const add = (c: Caught) => {
      setErrors((list) => [...list.slice(-2), c]);
      setCopied(null);
    };
    const el = root.current;
    const mark = (e: Event) => {
      touched.current = whole || (!!el && e.target instanceof Node && el.contains(e.target));
    };
    const caught = (reason: unknown, e: Event) => {
      const message = messageOf(reason);
      // The browser's own notice that layout outran a ResizeObserver (React Flow's) is not a fault.
      if (!touched.current || BENIGN.test(message)) return;
      e.preventDefault();
      const what = 'an event handler threw';
      add({ what, message, report: reportOf(what, message, stackOf(reason), where()) });
    };
    const onError = (e: ErrorEvent) => caught(e.error ?? e.message, e);
    const onRejection = (e: PromiseRejectionEvent) => caught(e.reason, e);
    const stopFaults = visualizer.onFault(({ id, error }) => {
      const what = `the action "${id}" threw`;
      add({ what, message: error, report: reportOf(what, error, '', where()) });
    });
    window.addEventListener('pointerdown', mark, true);
    window.addEventListener('keydown', mark, true);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      stopFaults();
      window.removeEventListener('pointerdown', mark, true);
      window.removeEventListener('keydown', mark, true);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [root, whole, visualizer]);
  const last = errors[errors.length - 1];
  if (!last) return null;
  const copy = () => {
    setOpen(true);
    // Clipboard may be refused (no permission, an iframe): the text stays shown to select by hand.
    if (!navigator.clipboard) return setCopied('no');
    navigator.clipboard.writeText(last.report).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div
      role="alert"
      className="panel m-2 flex flex-wrap items-center gap-2 p-2 text-sm"
      data-testid="handler-error"
    >
      <span className="font-semibold">That did not work:</span>
      <span className="font-mono text-xs">{last.message}</span>
      <span className="muted">Your scenario is unchanged.</span>
      <span className="ml-auto flex gap-2">
        <button type="button" className="btn" onClick={copy}>
          Copy report
        </button>
        <button type="button" className="btn" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide report' : 'Show report'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setErrors([]);
            setOpen(false);
          }}
        >
          Dismiss
        </button>
      </span>
      {copied ? (
        <span className="muted basis-full text-xs" role="status">
          {copied === 'yes'
            ? 'Report copied: paste it into a bug report.'
            : 'Could not copy: select the report below and copy it.'}
        </span>
      ) : null}
      {open ? (
        <textarea
          readOnly
          aria-label="Fault report"
          className="basis-full rounded border p-1 font-mono text-xs"
          style={{ borderColor: 'var(--line)' }}
          rows={6}
          value={last.report}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}
