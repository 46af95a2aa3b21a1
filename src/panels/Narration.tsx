import { describeEvent } from '../kernel';
import { useApp } from '../store';
import { selectCurrentEntry } from '../store/selectors';

const selectSummary = (s: { summary: string }) => s.summary;

/** What the current step did: its narration, the kernel's status, and the decisive event. */
export function Narration() {
  const entry = useApp(selectCurrentEntry);
  const summary = useApp(selectSummary);
  const decisive = entry?.events.find((e) =>
    [
      'refused',
      'unloadCalled',
      'unloadDeferred',
      'unloadNeverCalled',
      'queryRemoveVetoed',
      'moduleFreed',
      'rebootRequired',
    ].includes(e.type),
  );
  return (
    <section aria-label="Current step" aria-live="polite" className="panel px-3 py-2 text-sm">
      {entry ? (
        <>
          <p>
            <span className="font-mono font-semibold">{entry.action.do}</span> →{' '}
            <span className="font-mono" data-testid="status">
              {entry.status}
            </span>
            {decisive ? <span className="muted"> — {describeEvent(decisive)}</span> : null}
          </p>
          {entry.say ? <p className="mt-1">{entry.say}</p> : null}
        </>
      ) : (
        <p className="muted">{summary || 'Nothing has happened yet.'}</p>
      )}
    </section>
  );
}
