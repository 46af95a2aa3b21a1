import { ReactFlowProvider, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { AnimationLayer } from '../animation/AnimationLayer';
import { Graph } from '../graph/Graph';
import { loadLesson } from '../lessons/catalogue';
import { Checklist } from '../panels/Checklist';
import { Narration } from '../panels/Narration';
import {
  createVisualizer,
  useVisualizer,
  useVisualizerApi,
  VisualizerProvider,
  type Theme,
  type Visualizer,
} from '../store';
import { classServerOf, randomAnimal, randomId, readCode } from './address';
import { connectLive, type LiveClass, type LiveSnapshot } from './live';
import { cleanName, LIMITS } from './session';
import './live.css';

/**
 * A student in a live class (`?class=CODE`), phone first (390×844): a name
 * (chosen, or a random animal), then the teacher's lesson at the teacher's
 * step with its animation; stepping on one's own (never past a question the
 * class has not had revealed) and "Catch up" in one tap; the class's
 * question asked here, answered with one tap (changeable until the reveal),
 * and after it whether this answer was right. No account: an id made on
 * this device, kept in its storage for this class, so a reload or a lost
 * connection comes back to the same seat and answers.
 */

interface Me {
  readonly id: string;
  readonly name: string;
}

const meKey = (code: string) => `unload-lens-class:${code}`;

function keptMe(code: string): Me | null {
  try {
    const d = JSON.parse(localStorage.getItem(meKey(code)) ?? 'null') as Partial<Me> | null;
    return d && typeof d.id === 'string' && typeof d.name === 'string' ? { id: d.id, name: d.name } : null;
  } catch {
    return null;
  }
}

/** `?class=CODE` (and `?classServer=`): the student's page, or what is wrong with the code. */
export function StudentRoot({ search, theme }: { search: string; theme: Theme }) {
  const raw = new URLSearchParams(search).get('class');
  const code = readCode(raw);
  return code ? (
    <StudentPage code={code} server={classServerOf(search, window.location)} theme={theme} />
  ) : (
    <p role="alert" className="p-4">
      “{raw?.slice(0, 20)}” is not a class code (4 to 12 letters and digits). Ask your teacher for the code on
      the screen, or <a href="?view=lessons">open the lessons on your own</a>.
    </p>
  );
}

function StudentPage({ code, server, theme }: { code: string; server: string; theme: Theme }) {
  const [me, setMe] = useState<Me | null>(() => keptMe(code));
  useEffect(() => {
    document.title = `Class ${code} · Unload Lens`;
  }, [code]);
  return (
    <main
      className={`live-student visualizer mx-auto flex min-h-screen max-w-3xl flex-col gap-2 p-2 ${theme === 'dark' ? 'dark' : ''}`}
      data-theme={theme}
      data-testid="live-student"
    >
      {me ? (
        <StudentClass code={code} server={server} me={me} theme={theme} />
      ) : (
        <JoinForm
          code={code}
          onJoin={(name) => {
            const m = { id: randomId(), name };
            try {
              localStorage.setItem(meKey(code), JSON.stringify(m));
            } catch {
              // Storage refused: this tab still joins; a reload asks the name again.
            }
            setMe(m);
          }}
        />
      )}
    </main>
  );
}

function JoinForm({ code, onJoin }: { code: string; onJoin: (name: string) => void }) {
  const [suggested] = useState(() => randomAnimal());
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onJoin(cleanName(name) ?? suggested);
  };
  return (
    <form onSubmit={submit} className="panel flex flex-col gap-3 p-4" aria-labelledby="join-title">
      <h1 id="join-title" className="text-xl font-bold">
        Join class {code}
      </h1>
      <label className="flex flex-col gap-1">
        Your name in this class (optional: no account, only the teacher's server sees it)
        <input
          className="live-choice"
          value={name}
          maxLength={LIMITS.name}
          placeholder={suggested}
          autoComplete="nickname"
          onChange={(e) => setName(e.target.value)}
          data-testid="live-name"
        />
      </label>
      <button type="submit" className="btn" data-testid="live-join">
        Join as {cleanName(name) ?? suggested}
      </button>
    </form>
  );
}

function StudentClass({ code, server, me, theme }: { code: string; server: string; me: Me; theme: Theme }) {
  const [live] = useState<LiveClass>(() => connectLive({ server, code, as: { role: 'student', ...me } }));
  useEffect(() => () => live.close(), [live]);
  const snap = useStore(live.store);
  const [visualizer] = useState<Visualizer>(() => createVisualizer({ theme }));
  const [loaded, setLoaded] = useState<{ id: string; problem: string | null } | null>(null);
  const [follow, setFollow] = useState(true);
  const lessonId = snap.view?.lesson ?? null;

  // The class's lesson, loaded when the teacher opens it (a late joiner lands on the teacher's step).
  useEffect(() => {
    if (!lessonId) return;
    let gone = false;
    void loadLesson(lessonId, async (id) => (await import('../scenarios/lessons/files')).LESSON_FILES[id]())
      .catch(() => undefined)
      .then(() => {
        if (gone) return;
        const r = visualizer.execute('openLesson', {
          id: lessonId,
          step: live.store.getState().view?.step ?? 0,
        });
        setLoaded({
          id: lessonId,
          problem: r.ok ? null : `${r.error}. This app may be older than the teacher's: reload the page.`,
        });
        setFollow(true);
      });
    return () => {
      gone = true;
    };
  }, [lessonId, live, visualizer]);

  // Following: each of the teacher's steps plays here (one step forward animates, as it does on the projector).
  const classStep = snap.view?.step ?? 0;
  const ready = loaded?.id === lessonId && !loaded.problem;
  useEffect(() => {
    if (!ready || !follow) return;
    const cursor = visualizer.getState().cursor;
    if (cursor !== classStep) visualizer.execute('goTo', { step: classStep, play: classStep === cursor + 1 });
  }, [ready, follow, classStep, visualizer]);

  return (
    <VisualizerProvider visualizer={visualizer}>
      <StatusLine snap={snap} me={me} code={code} />
      {loaded?.problem ? (
        <p role="alert" className="live-status" data-status="refused">
          {loaded.problem}
        </p>
      ) : null}
      {ready ? (
        <>
          <Stepper live={snap} follow={follow} setFollow={setFollow} />
          <AskHere live={live} snap={snap} />
          <Narration />
          <div className="panel h-[46vh] min-h-[260px] shrink-0 overflow-hidden" data-testid="graph">
            <ReactFlowProvider>
              <Graph panKey={null}>
                <AnimationLayer />
                <FitToObjects />
              </Graph>
            </ReactFlowProvider>
          </div>
          <Checklist />
        </>
      ) : snap.status === 'live' && !lessonId ? (
        <p className="panel p-3">You are in. The lesson starts when the teacher opens it.</p>
      ) : null}
    </VisualizerProvider>
  );
}

/** A phone's graph keeps every object in view as the lesson adds them (the app fits only when it opens). */
function FitToObjects() {
  const { fitView } = useReactFlow();
  const objects = useFlowStore((s) => s.nodeLookup.size);
  const box = useFlowStore((s) => `${s.width}x${s.height}`);
  useEffect(() => {
    void fitView({ padding: 0.05, maxZoom: 1.25, duration: 200 });
  }, [objects, box, fitView]);
  return null;
}

function StatusLine({ snap, me, code }: { snap: LiveSnapshot; me: Me; code: string }) {
  const paused = snap.status === 'live' && snap.view?.lesson && snap.teachers === 0;
  return (
    <header className="flex flex-col gap-1">
      <h1 className="text-lg font-bold">
        Class {code} · <span data-testid="live-me">{me.name}</span>
      </h1>
      <p className="live-status m-0" data-status={snap.status} role="status" data-testid="live-status">
        {snap.status === 'live'
          ? paused
            ? 'The teacher is away: the class is paused. Step on your own meanwhile.'
            : 'Live: following the teacher.'
          : snap.status === 'connecting'
            ? 'Joining…'
            : snap.problem}
      </p>
      {snap.status !== 'live' && snap.status !== 'connecting' && !snap.view ? (
        <p className="m-0">
          <a href="?view=lessons">Open the lessons on your own</a>
        </p>
      ) : null}
    </header>
  );
}

/** Stepping on one's own, never past a question the class has not had revealed; "Catch up" returns to the teacher. */
function Stepper({
  live,
  follow,
  setFollow,
}: {
  live: LiveSnapshot;
  follow: boolean;
  setFollow: (f: boolean) => void;
}) {
  const cursor = useVisualizer((s) => s.cursor);
  const total = useVisualizer((s) => s.entries.length);
  const { execute } = useVisualizerApi();
  const view = live.view;
  const classStep = view?.step ?? 0;
  const hidden = Object.keys(view?.questions ?? {})
    .map(Number)
    .filter((q) => view?.revealed[q] === undefined);
  const furthest = Math.min(total, ...hidden.map((q) => Math.max(classStep, q - 1)));
  const go = (step: number) => {
    setFollow(false);
    execute('goTo', { step, play: step === cursor + 1 });
  };
  const behind = !follow || cursor !== classStep;
  return (
    <nav aria-label="Steps" className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn" onClick={() => go(cursor - 1)} disabled={cursor <= 0}>
        ◀ Back
      </button>
      <span className="tabular-nums" data-testid="live-step">
        Step {cursor} of {total}
      </span>
      <button type="button" className="btn" onClick={() => go(cursor + 1)} disabled={cursor >= furthest}>
        Next ▶
      </button>
      {behind ? (
        <button
          type="button"
          className="btn font-bold"
          onClick={() => setFollow(true)}
          data-testid="live-catch-up"
          title={`Back to the teacher's step (${classStep}) and follow it`}
        >
          Catch up (step {classStep})
        </button>
      ) : null}
    </nav>
  );
}

/** The class's open question, asked here; after the reveal, whether this answer was right. */
function AskHere({ live, snap }: { live: LiveClass; snap: LiveSnapshot }) {
  const steps = useVisualizer((s) => s.lesson?.steps ?? s.entries);
  const view = snap.view;
  if (!view) return null;
  const asking = view.asking;
  if (asking !== null) {
    const ask = steps[asking - 1]?.ask;
    if (!ask) return null;
    const mine = snap.mine[asking];
    return (
      <section
        className="panel flex flex-col gap-2 p-3"
        aria-labelledby="live-question"
        data-testid="live-question"
      >
        <h2 id="live-question" className="text-lg font-bold">
          {ask.question}
        </h2>
        {ask.choices.map((c, i) => (
          <button
            key={i}
            type="button"
            className="live-choice"
            aria-pressed={mine === i}
            onClick={() => live.send({ type: 'answer', step: asking, choice: i })}
            data-testid="live-choice"
          >
            {c}
          </button>
        ))}
        <p className="m-0" role="status" data-testid="live-answered">
          {mine === undefined
            ? 'Tap your answer. You can change it until the teacher reveals.'
            : 'Answer sent. You can change it until the teacher reveals.'}
        </p>
        {snap.refused ? (
          <p className="live-status m-0" data-status="refused" role="alert">
            {snap.refused}
          </p>
        ) : null}
      </section>
    );
  }
  const right = view.revealed[view.step];
  const ask = steps[view.step - 1]?.ask;
  if (right === undefined || !ask) return null;
  const mine = snap.mine[view.step];
  return (
    <section className="panel flex flex-col gap-1 p-3" aria-label="Your answer" data-testid="live-result">
      <p className="m-0 text-lg font-bold" data-testid="live-verdict">
        {mine === undefined
          ? `You did not answer. The answer: ${ask.choices[right]}`
          : mine === right
            ? `✓ Right: ${ask.choices[right]}`
            : `✗ Not this time. You said "${ask.choices[mine]}"; the answer: ${ask.choices[right]}`}
      </p>
      {ask.explain ? <p className="m-0">{ask.explain}</p> : null}
    </section>
  );
}
