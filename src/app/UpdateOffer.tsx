import { useSyncExternalStore } from 'react';
import type { Updates } from './offline';

/** A new version of the app, offered at the bottom of the page: the user picks the moment to reload. */
export function UpdateOffer({ updates, workKept }: { updates: Updates; workKept: boolean }) {
  const kept = workKept ? ' your work is kept' : ' only the scenario and step in the address survive it';
  const state = useSyncExternalStore(updates.subscribe, updates.get);
  if (state === 'none') return null;
  return (
    <section
      aria-label="A new version"
      className="panel fixed right-2 bottom-2 z-50 flex max-w-md items-center gap-3 p-3 text-sm"
      data-testid="update-offer"
    >
      <p className="flex-1">
        {state === 'ready'
          ? `A new version of Unload Lens is ready. Reload when it suits you:${kept}.`
          : `Unload Lens was updated in another tab. Reload this one when it suits you:${kept}.`}
      </p>
      <button type="button" className="btn btn-primary" onClick={updates.accept}>
        Reload
      </button>
      <button type="button" className="btn" onClick={updates.dismiss}>
        Later
      </button>
    </section>
  );
}
