/**
 * The service worker's registration, vite-plugin-pwa's `registerSW` in its
 * `prompt` mode (the events it listens to are the same), with one
 * difference: the worker's address goes through a Trusted Types policy, so
 * a host that sends `require-trusted-types-for 'script'` keeps offline
 * (`navigator.serviceWorker.register` is a script-URL sink: a plain string
 * is refused there). The policy creates exactly one URL, the worker's.
 */

/** The worker vite-plugin-pwa builds (`generateSW`), beside the page (`base: './'`). */
const WORKER = './sw.js';
const POLICY = 'unload-lens-service-worker';

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL: (url: string) => string },
  ): { createScriptURL(url: string): unknown };
}

/** The worker's address as the page's policy wants it: a TrustedScriptURL where Trusted Types exist. */
function workerScriptUrl(): string {
  const tt = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return WORKER;
  try {
    const policy = tt.createPolicy(POLICY, {
      createScriptURL: (url) => {
        if (url !== WORKER) throw new TypeError(`${POLICY} makes only ${WORKER}, not ${url}`);
        return url;
      },
    });
    // A TrustedScriptURL, which register() takes where a string would be refused.
    return policy.createScriptURL(WORKER) as string;
  } catch {
    // The host's `trusted-types` list does not name this policy (or it exists already): a plain
    // string, which works wherever Trusted Types are not enforced.
    return WORKER;
  }
}

export interface WorkerEvents {
  /** A new version waits for the user's word. */
  onNeedRefresh(): void;
  /** The new version took over (this tab's word or another tab's). */
  onNeedReload(): void;
}

/** Registers the worker; answers the function that lets a waiting version take over. */
export async function registerWorker(events: WorkerEvents): Promise<() => void> {
  if (!('serviceWorker' in navigator)) return () => {};
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox(workerScriptUrl(), { scope: './', type: 'classic' });
  let needRefreshCalled = false;
  const needRefresh = () => {
    needRefreshCalled = true;
    wb.addEventListener('controlling', (event) => {
      if (event.isUpdate) events.onNeedReload();
    });
    events.onNeedRefresh();
  };
  wb.addEventListener('installed', (event) => {
    // The first install (nothing to offer) or an update installed by another tab (offer it).
    if (event.isUpdate === undefined && event.isExternal && !needRefreshCalled) needRefresh();
  });
  wb.addEventListener('waiting', needRefresh);
  await wb.register({ immediate: true });
  return () => wb.messageSkipWaiting();
}
