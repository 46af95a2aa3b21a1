import { useEffect, useState } from 'react';
import { kernelOf } from '../kernel/core';
import { selectPresenter } from '../lessons/selectors';
import { Notices } from '../share/Notices';
import { useVisualizer } from '../store';
import type { SavedWork } from './work/saved';
import type { Offer, WorkKeeper } from './work/keeper';

/**
 * What the kept work says to the user, at the top of the page: the work of
 * an earlier visit (a reload, a closed tab, a crash) offered back, never
 * put back unasked; what could not be restored; and, once, that saving
 * stopped working.
 */
export function RestoreOffer({ keeper }: { keeper: WorkKeeper }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void keeper.offer.then((o) => {
      if (live) setOffer(o);
    });
    const stop = keeper.onFailure(() => setFailed(true));
    return () => {
      live = false;
      stop();
    };
  }, [keeper]);

  // In front of a class, no question about other work: it is offered once presenter mode is left.
  const presenter = useVisualizer(selectPresenter);
  if (offer && presenter) return null;
  if (offer) {
    return (
      <section
        aria-label="Restore your work"
        className="panel m-2 flex flex-wrap items-center gap-3 p-3 text-sm"
        data-testid="restore-offer"
      >
        <p className="min-w-0 flex-1">{offerText(offer.work)}</p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            setProblems(keeper.restore(offer));
            setOffer(null);
          }}
        >
          Restore
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            keeper.discard(offer);
            setOffer(null);
          }}
        >
          Discard
        </button>
      </section>
    );
  }
  const said = [
    ...problems,
    ...(failed
      ? [
          'Your work can no longer be saved in this browser (its storage is full or was switched off); it stays in this tab while it is open.',
        ]
      : []),
  ];
  // Said like the address's notices, dismissible; a new problem shows it again.
  return said.length === 0 ? null : <Notices key={said.join('\n')} notices={said} />;
}

/** "Your work from 14:05 was kept: “…” (Windows), step 3 of 9, on a branch off the lesson." */
function offerText(work: SavedWork, now = new Date()): string {
  const at = new Date(work.savedAt);
  const when =
    at.toDateString() === now.toDateString()
      ? at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : at.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  const c = work.current;
  const where = `“${c.title || 'Untitled'}” (${kernelOf(c.os).vocabulary.longName}), step ${c.cursor} of ${c.steps}`;
  const lesson = c.lesson
    ? c.lesson.branchFrom === null
      ? ', in the lesson'
      : ', on a branch off the lesson'
    : '';
  const others =
    work.others.length > 0
      ? `, and your ${work.others.map((o) => kernelOf(o.os).vocabulary.longName).join(', ')} session`
      : '';
  return `Your work from ${when} was kept in this browser: ${where}${lesson}${others}. Restore it?`;
}
