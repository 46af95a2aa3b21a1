import { lazy, Suspense, useState } from 'react';
import { keptClass } from './liveChannel';

// The live class (its provider, Yjs, the QR code library) loads only when a teacher starts one.
const TeacherPanel = lazy(() => import('./TeacherPanel'));

/** Presenter mode's entry to a live class (issue 23); open at once when this tab or the teacher's link has one. */
export function LiveClassButton({ channel }: { readonly channel: string }) {
  const [open, setOpen] = useState(
    () => new URLSearchParams(window.location.search).has('teacher') || keptClass() !== null,
  );
  return (
    <>
      <button
        type="button"
        className="btn"
        aria-pressed={open}
        aria-label={open ? 'Live class' : 'Start a live class'}
        onClick={() => setOpen((o) => !o)}
        title="Students follow this lesson on their phones and answer its questions"
        data-testid="live-start"
      >
        Live class
      </button>
      {open ? (
        <Suspense fallback={null}>
          <TeacherPanel channel={channel} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
