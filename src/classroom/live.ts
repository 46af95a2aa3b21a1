import { HocuspocusProvider } from '@hocuspocus/provider';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClassCommand, ClassView } from './session';

/**
 * One device's connection to a live class (issue 23), over Hocuspocus's
 * provider: the class's shared document, read-only here, is mirrored into a
 * small store the views read; commands go to the server as stateless
 * messages, which the server checks (src/classroom/session.ts) before it
 * writes anything. Loaded only when a class is started or joined: the
 * app's first view carries none of it.
 */

type LiveStatus = 'connecting' | 'live' | 'offline' | 'refused';

export interface LiveSnapshot {
  readonly status: LiveStatus;
  /** Why offline or refused, in words. */
  readonly problem: string | null;
  /** The class as the server last sent it (null before the first sync). */
  readonly view: ClassView | null;
  /** Teachers connected now (0: the class is paused). */
  readonly teachers: number;
  /** This student's own answers: question step → choice. */
  readonly mine: Readonly<Record<number, number>>;
  /** The seat the server gave this connection (students). */
  readonly seat: string | null;
  /** The server's last refusal of one of this device's commands. */
  readonly refused: string | null;
}

export type LiveRole =
  | { readonly role: 'teacher'; readonly secret: string }
  | { readonly role: 'student'; readonly id: string; readonly name: string };

export interface LiveOptions {
  /** ws:// or wss:// address of the class server. */
  readonly server: string;
  readonly code: string;
  readonly as: LiveRole;
  /** Node has no WebSocket of its own before 22: tests and the benchmark pass `ws`. */
  readonly WebSocketPolyfill?: unknown;
  /** How long to wait for a first connection before saying "offline" (it keeps trying meanwhile). */
  readonly offlineAfterMs?: number;
}

export interface LiveClass {
  readonly store: StoreApi<LiveSnapshot>;
  readonly send: (c: ClassCommand) => void;
  readonly close: () => void;
}

const INITIAL: LiveSnapshot = {
  status: 'connecting',
  problem: null,
  view: null,
  teachers: 0,
  mine: {},
  seat: null,
  refused: null,
};

/** Connects (and keeps reconnecting: a phone that loses the network comes back on its own). */
export function connectLive(o: LiveOptions): LiveClass {
  const store = createStore<LiveSnapshot>(() => INITIAL);
  /** Commands given while not connected (an answer tapped during a reconnect), sent once synced again. */
  const waiting: ClassCommand[] = [];
  const set = (p: Partial<LiveSnapshot>) => store.setState(p);
  const offline = (why: string) =>
    store.getState().status !== 'refused' &&
    set({
      status: 'offline',
      problem: `${why}: ${o.server} does not answer. This lesson still works here on its own; the class rejoins by itself when the server is back.`,
    });
  let firstTimer: ReturnType<typeof setTimeout> | null = setTimeout(
    () => store.getState().status === 'connecting' && offline('No class server'),
    o.offlineAfterMs ?? 4000,
  );
  const provider = new HocuspocusProvider({
    url: o.server,
    name: o.code,
    token: JSON.stringify(o.as),
    ...(o.WebSocketPolyfill ? { WebSocketPolyfill: o.WebSocketPolyfill } : {}),
    onAuthenticationFailed: ({ reason }) =>
      set({ status: 'refused', problem: `The class server refused this device: ${reason}.` }),
    onSynced: () => {
      if (firstTimer) clearTimeout(firstTimer);
      firstTimer = null;
      set({ status: 'live', problem: null });
      read();
      // What was tapped while the connection was down goes now, in order.
      for (const c of waiting.splice(0)) provider.sendStateless(JSON.stringify(c));
    },
    onDisconnect: () => offline('Connection lost'),
    onStateless: ({ payload }) => {
      let m: { type?: string; seat?: unknown; error?: unknown };
      try {
        m = JSON.parse(payload) as typeof m;
      } catch {
        return;
      }
      if (m.type === 'welcome') set({ seat: typeof m.seat === 'string' ? m.seat : null });
      if (m.type === 'refused') set({ refused: String(m.error).slice(0, 200) });
      if (m.type === 'ok') set({ refused: null });
      read();
    },
  });
  const cls = provider.document.getMap('class');
  const answers = provider.document.getMap<number>('answers');
  const read = () => {
    const c = cls.toJSON() as Partial<ClassView> & { teachers?: number };
    const seat = store.getState().seat;
    const mine: Record<number, number> = {};
    if (seat)
      for (const [k, v] of answers.entries()) {
        const [step, s] = k.split(':');
        if (s === seat) mine[Number(step)] = v;
      }
    set({
      view: typeof c.step === 'number' ? (c as ClassView) : null,
      teachers: c.teachers ?? 0,
      mine,
      ...(store.getState().status !== 'refused' && provider.isSynced
        ? { status: 'live', problem: null }
        : {}),
    });
  };
  provider.document.on('update', read);
  return {
    store,
    send: (c) => {
      if (provider.isSynced && store.getState().status === 'live') provider.sendStateless(JSON.stringify(c));
      else if (waiting.length < 20) waiting.push(c);
    },
    close: () => {
      if (firstTimer) clearTimeout(firstTimer);
      provider.document.off('update', read);
      provider.destroy();
    },
  };
}
