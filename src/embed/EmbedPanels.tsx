import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Checklist } from '../panels/Checklist';
import { EventLog } from '../panels/EventLog';
import { SelectionActions } from '../panels/SelectionActions';

/** With `controls=full`: act on the selected object, the unload checklist, and the event log. */
export default function EmbedPanels() {
  return (
    <div className="grid grid-cols-1 gap-2 @2xl:grid-cols-2">
      <div className="flex flex-col gap-2">
        <ErrorBoundary area="selected object's actions">
          <SelectionActions />
        </ErrorBoundary>
        <ErrorBoundary area="unload checklist">
          <Checklist />
        </ErrorBoundary>
      </div>
      <div className="h-80">
        <ErrorBoundary area="event log">
          <EventLog />
        </ErrorBoundary>
      </div>
    </div>
  );
}
