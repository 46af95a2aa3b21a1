import { decisiveEvent, describeEvent } from '../kernel/core';
import { useVisualizer } from '../store';
import { selectCurrentEntry } from '../store/selectors';
import { selectOpeningSummary } from '../lessons/selectors';
import { selectAnimatedEvent } from '../store/moment';
import { useLandmarkName } from '../ui/landmarkName';

/** What the current step did: its narration, the kernel's status, and the decisive event (said aloud by the Announcer). */
export function Narration() {
  const landmark = useLandmarkName('Current step');
  const entry = useVisualizer(selectCurrentEntry);
  const summary = useVisualizer(selectOpeningSummary);
  // While the step animates, its outcome is told once its event has played (nothing shows the future).
  const played = useVisualizer(selectAnimatedEvent);
  const decisive = entry ? decisiveEvent(entry.events) : undefined;
  const told = decisive && (played === null || (entry?.events.indexOf(decisive) ?? 0) <= played);
  return (
    <section aria-label={landmark} className="panel px-3 py-2 text-sm">
      {entry ? (
        <>
          <p>
            <span className="font-mono font-semibold">{entry.action.do}</span> →{' '}
            <span className="font-mono" data-testid="status">
              {entry.status}
            </span>
            {decisive && told ? <span className="muted"> — {describeEvent(decisive)}</span> : null}
          </p>
          {entry.say ? <p className="mt-1">{entry.say}</p> : null}
        </>
      ) : (
        <p className="muted">{summary || 'Nothing has happened yet.'}</p>
      )}
    </section>
  );
}
