import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useVisualizer, useVisualizerApi } from '../store';
import { classServerOf, httpOf, joinLink, readCode, teacherLink } from './address';
import { classCommands, sentFrom, type Sent } from './follow';
import { Histogram } from './Histogram';
import { connectLive, type LiveClass } from './live';
import { keepClass, keptClass, liveChannelName } from './liveChannel';
import './live.css';

/**
 * The teacher's live class, in presenter mode (issue 23): creates the class
 * on the server (or takes it back from the teacher's own link), tells the
 * class each step, question and reveal from this window's lesson, shows the
 * projector the join code, link and QR code, and after a reveal the class's
 * answers as a histogram (counts only; the live counts before the reveal are
 * the console's, never the projector's).
 */
type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'failed'; readonly problem: string }
  | { readonly kind: 'live'; readonly code: string; readonly secret: string; readonly server: string };

async function createClass(server: string): Promise<{ code: string; secret: string }> {
  const r = await fetch(`${httpOf(server)}/classroom/session`, { method: 'POST' });
  const body = (await r.json().catch(() => ({}))) as { code?: unknown; secret?: unknown; error?: unknown };
  if (!r.ok || typeof body.code !== 'string' || typeof body.secret !== 'string')
    throw new Error(typeof body.error === 'string' ? body.error : `the server answered ${r.status}`);
  return { code: body.code, secret: body.secret };
}

export default function TeacherPanel({
  channel,
  onClose,
}: {
  readonly channel: string;
  readonly onClose: () => void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  useEffect(() => {
    let gone = false;
    const params = new URLSearchParams(window.location.search);
    const server = classServerOf(window.location.search, window.location);
    const code = readCode(params.get('class'));
    const secret = params.get('teacher');
    const kept = keptClass();
    // The teacher's own link, or this tab's class before a reload, takes the class back; otherwise a new class.
    const taken = code && secret ? { code, secret, server } : kept ? kept : null;
    (taken ? Promise.resolve(taken) : createClass(server).then((c) => ({ ...c, server }))).then(
      (c) => {
        if (gone) return;
        keepClass(c);
        setPhase({ kind: 'live', ...c });
      },
      (e: unknown) =>
        !gone &&
        setPhase({
          kind: 'failed',
          problem: `No class server at ${httpOf(server)} (${e instanceof Error ? e.message : String(e)}). Start one with "npm run classroom" (docs/classroom.md) and open the lesson from it; the lesson goes on here meanwhile.`,
        }),
    );
    return () => {
      gone = true;
    };
  }, []);
  if (phase.kind === 'starting')
    return (
      <aside className="live-card" aria-label="Live class" role="status">
        Starting a live class…
      </aside>
    );
  if (phase.kind === 'failed')
    return (
      <aside className="live-card" aria-label="Live class">
        <p role="alert" className="live-status" data-status="offline" data-testid="live-problem">
          {phase.problem}
        </p>
        <button type="button" className="btn mt-2" onClick={onClose}>
          Close
        </button>
      </aside>
    );
  return <LiveTeacher {...phase} channel={channel} onClose={onClose} />;
}

function LiveTeacher({
  code,
  secret,
  server,
  channel,
  onClose,
}: {
  readonly code: string;
  readonly secret: string;
  readonly server: string;
  readonly channel: string;
  readonly onClose: () => void;
}) {
  const visualizer = useVisualizerApi();
  const [live] = useState<LiveClass>(() => connectLive({ server, code, as: { role: 'teacher', secret } }));
  useEffect(() => () => live.close(), [live]);
  const snap = useStore(live.store);
  // This window's lesson drives the class: each change is sent once; after a reconnect, only what the server lacks.
  useEffect(() => {
    let sent: Sent | null = null;
    const sync = () => {
      const now = live.store.getState();
      if (now.status !== 'live' || !now.view) return;
      sent ??= sentFrom(now.view);
      const r = classCommands(visualizer.getState(), sent);
      sent = r.sent;
      r.commands.forEach(live.send);
    };
    const offV = visualizer.store.subscribe(sync);
    const offL = live.store.subscribe((s, prev) => {
      if (s.status !== prev.status) sent = null;
      sync();
    });
    sync();
    return () => {
      offV();
      offL();
    };
  }, [live, visualizer]);
  // The presenter console (another window) asks where the class is and shows the live counts.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(liveChannelName(channel));
    const post = () => ch.postMessage({ type: 'live', code, secret, server });
    ch.onmessage = (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === 'hello') post();
    };
    post();
    return () => ch.close();
  }, [channel, code, secret, server]);
  const [joinShown, setJoinShown] = useState(true);
  const qr = useRef<HTMLCanvasElement>(null);
  const here = window.location;
  const join = joinLink(here, code, server);
  const lessonId = useVisualizer((s) => s.lesson?.id ?? '');
  useEffect(() => {
    let gone = false;
    // The QR code's library loads only here, when a class starts. Drawn on a canvas: no data: image, so the
    // strictest hosting policy (img-src without data:) shows it too.
    void import('qrcode').then((q) => {
      if (!gone && qr.current)
        void q.toCanvas(qr.current, join, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
    });
    return () => {
      gone = true;
    };
  }, [join, joinShown]);
  const cursor = useVisualizer((s) => s.cursor);
  const entries = useVisualizer((s) => s.lesson?.steps ?? null);
  const view = snap.view;
  const ask = entries?.[cursor - 1]?.ask;
  const right = view?.revealed[cursor];
  const shown = ask && right !== undefined ? view?.tallies[cursor] : undefined;
  const students = view?.students ?? 0;
  return (
    <aside className="live-card" aria-label="Live class" data-testid="live-teacher">
      <div className="flex flex-wrap items-center gap-2">
        <strong>Live class</strong>
        <span className="live-status" data-status={snap.status} role="status" data-testid="live-status">
          {snap.status === 'live'
            ? `${students} ${students === 1 ? 'student' : 'students'} joined`
            : snap.status === 'connecting'
              ? 'Connecting…'
              : snap.problem}
        </span>
        <button
          type="button"
          className="btn"
          aria-expanded={joinShown}
          onClick={() => setJoinShown((x) => !x)}
        >
          {joinShown ? 'Hide join' : `Join: ${code}`}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            keepClass(null);
            onClose();
          }}
          title="Leave the live class (the class and its answers stay on the server)"
        >
          Leave
        </button>
      </div>
      {joinShown ? (
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <canvas
            ref={qr}
            className="live-qr"
            role="img"
            aria-label={`QR code of the join link ${join}`}
            data-testid="live-qr"
          />
          <div className="min-w-0 flex-1">
            <p className="m-0">Join with the code</p>
            <p className="live-code m-0" data-testid="live-code">
              {code}
            </p>
            <p className="live-link m-0">
              or open{' '}
              <a href={join} data-testid="live-join-link">
                {join}
              </a>
            </p>
            <details className="mt-2 text-sm">
              <summary>Your own link (keep it: it drives the class)</summary>
              <p className="live-link m-0" data-testid="live-teacher-link">
                {teacherLink(here, code, server, secret, lessonId)}
              </p>
            </details>
          </div>
        </div>
      ) : null}
      {shown && ask && view ? (
        <div className="mt-2">
          <Histogram
            choices={ask.choices}
            counts={shown.counts}
            answered={shown.answered}
            students={students}
            right={right ?? null}
            label="The class"
          />
        </div>
      ) : null}
    </aside>
  );
}
