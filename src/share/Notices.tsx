import { useState } from 'react';

/** What an address asked for that could not be done: said at the top of the page, dismissible. */
export function Notices({ notices }: { notices: readonly string[] }) {
  const [shown, setShown] = useState(notices.length > 0);
  if (!shown) return null;
  return (
    <div role="alert" className="panel m-2 flex items-start gap-3 p-3 text-sm" data-testid="link-notice">
      <ul className="flex flex-1 flex-col gap-1">
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="btn shrink-0" onClick={() => setShown(false)}>
        Dismiss
      </button>
    </div>
  );
}
