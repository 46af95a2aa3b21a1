/**
 * For the keeper's tests (no browser): tabs of one site, sharing its
 * storage and its Web Locks, as a browser gives them to the keeper.
 *
 *   const site = sharedSite();
 *   const tab = fakeTab(site);   // a page load: keepWork(visualizer, links, tab)
 *   tab.close();                 // pagehide, then its lock is freed ({ crash: true }: no pagehide)
 */
export interface Site {
  readonly storage: Map<string, string>;
  readonly held: Set<string>;
  /** Every write refused, as a full quota does. */
  full: boolean;
  /** Tabs opened on the site so far (each tab's id). */
  opened: number;
}

export function sharedSite(): Site {
  return { storage: new Map(), held: new Set(), full: false, opened: 0 };
}

export interface FakeTab extends Window {
  close(options?: { crash?: boolean }): void;
  /** With `{ timers: true }`: runs the timers set so far, as an idle page would. */
  idle(): void;
}

/** `timers`: the tab has setTimeout (run by `idle()`); without, work meant for later runs at once. */
export function fakeTab(site: Site, options: { blocked?: boolean; timers?: boolean } = {}): FakeTab {
  const id = ++site.opened;
  const timers = new Map<number, () => void>();
  let nextTimer = 0;
  const mine = new Set<string>();
  const listeners = new Map<string, ((e: { persisted: boolean }) => void)[]>();
  const storage = {
    get length() {
      return site.storage.size;
    },
    key: (i: number) => [...site.storage.keys()][i] ?? null,
    getItem: (k: string) => site.storage.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (site.full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      site.storage.set(k, v);
    },
    removeItem: (k: string) => void site.storage.delete(k),
    clear: () => site.storage.clear(),
  };
  const locks = {
    request: (name: string) => {
      site.held.add(name);
      mine.add(name);
      return new Promise<never>(() => {});
    },
    query: () => Promise.resolve({ held: [...site.held].map((name) => ({ name })), pending: [] }),
  };
  const clock = options.timers
    ? {
        setTimeout: (fn: () => void) => {
          timers.set(++nextTimer, fn);
          return nextTimer;
        },
        clearTimeout: (t: number) => void timers.delete(t),
      }
    : {};
  const tab = {
    ...clock,
    idle: () => {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((fn) => fn());
    },
    get localStorage() {
      if (options.blocked) throw new DOMException('blocked', 'SecurityError');
      return storage;
    },
    navigator: { locks },
    crypto: { randomUUID: () => `tab-${id}` },
    addEventListener: (type: string, l: (e: { persisted: boolean }) => void) => {
      listeners.set(type, [...(listeners.get(type) ?? []), l]);
    },
    close: ({ crash = false } = {}) => {
      if (!crash) for (const l of listeners.get('pagehide') ?? []) l({ persisted: false });
      for (const name of mine) site.held.delete(name);
    },
  };
  return tab as unknown as FakeTab;
}
