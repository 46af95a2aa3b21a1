/**
 * The service worker (built by vite-plugin-pwa, vite.config.ts): once a
 * page was loaded, the app, the lessons and the embed open without a
 * network. Registered only in a production build (the dev server has
 * none), and never in a way that can break the page: a browser that
 * refuses service workers (blocked site data, a sandboxed frame, a test
 * that blocks them) just works online.
 *
 * A new version is offered, never forced: it waits until the user says
 * to reload (`UpdateOffer`), and an update accepted in another tab does
 * not reload this one mid-lesson — this tab says so and waits.
 */
type UpdateState = 'none' | 'ready' | 'elsewhere';

export interface Updates {
  get(this: void): UpdateState;
  subscribe(this: void, listener: () => void): () => void;
  /** Activates the waiting version and reloads this page (the work is kept: src/app/work/). */
  accept(this: void): void;
  /** Not now: said again at the next visit. */
  dismiss(this: void): void;
}

/**
 * Reloads the page once the waiting version is active (at once when none waits). A page opened
 * before any version was installed is not controlled, so it hears no `controlling`: the worker's
 * own state says when.
 */
async function reloadOnceActive(): Promise<void> {
  let waiting: ServiceWorker | null | undefined = null;
  try {
    waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
  } catch {
    // No service worker to be had here: a plain reload.
  }
  if (!waiting) return window.location.reload();
  waiting.addEventListener('statechange', () => {
    if (waiting.state === 'activated') window.location.reload();
  });
}

export function offerUpdates(options: { prompt: boolean } = { prompt: true }): Updates {
  let state: UpdateState = 'none';
  let accepted = false;
  let update: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: UpdateState) => {
    state = next;
    listeners.forEach((l) => l());
  };
  const updates: Updates = {
    get: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    accept: () => {
      accepted = true;
      void reloadOnceActive().then(() => update?.());
    },
    dismiss: () => set('none'),
  };
  if (!import.meta.env.PROD) return updates;
  // Our own registration (src/app/registerWorker.ts): the worker's URL is a Trusted Types value.
  void import('./registerWorker')
    .then(({ registerWorker }) =>
      registerWorker({
        onNeedRefresh: () => {
          if (options.prompt) set('ready');
        },
        // The new version took over: reload only when this tab asked for it.
        onNeedReload: () => {
          if (accepted) window.location.reload();
          else if (options.prompt) set('elsewhere');
        },
      }),
    )
    .then((skipWaiting) => {
      update = skipWaiting;
    })
    // Service workers refused here: the page works online, as before.
    .catch(() => {});
  return updates;
}
