import { useEffect, useRef, useState, type RefObject } from 'react';

const BENIGN = /^ResizeObserver loop/;

/** The message of whatever was thrown. */
function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/**
 * Errors thrown in event handlers (a click, a key, a file read) are outside
 * every error boundary: React leaves them to the window. The visualizer the
 * user last touched catches them, says what failed and that the scenario is
 * unchanged (the store only changes through the door, which never throws),
 * and the page goes on.
 */
export function HandlerErrors({ root, whole }: { root: RefObject<HTMLElement | null>; whole: boolean }) {
  const [errors, setErrors] = useState<readonly string[]>([]);
  const touched = useRef(whole);
  useEffect(() => {
    const el = root.current;
    const mark = (e: Event) => {
      touched.current = whole || (!!el && e.target instanceof Node && el.contains(e.target));
    };
    const caught = (message: string, e: Event) => {
      // The browser's own notice that layout outran a ResizeObserver (React Flow's) is not a fault.
      if (!touched.current || BENIGN.test(message)) return;
      e.preventDefault();
      setErrors((list) => [...list.slice(-2), message]);
    };
    const onError = (e: ErrorEvent) => caught(messageOf(e.error ?? e.message), e);
    const onRejection = (e: PromiseRejectionEvent) => caught(messageOf(e.reason), e);
    window.addEventListener('pointerdown', mark, true);
    window.addEventListener('keydown', mark, true);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('pointerdown', mark, true);
      window.removeEventListener('keydown', mark, true);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [root, whole]);
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      className="panel m-2 flex flex-wrap items-center gap-2 p-2 text-sm"
      data-testid="handler-error"
    >
      <span className="font-semibold">That did not work:</span>
      <span className="font-mono text-xs">{errors[errors.length - 1]}</span>
      <span className="muted">Your scenario is unchanged.</span>
      <button type="button" className="btn ml-auto" onClick={() => setErrors([])}>
        Dismiss
      </button>
    </div>
  );
}
