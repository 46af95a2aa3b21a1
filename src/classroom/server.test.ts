import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startClassroom } from '../../scripts/classroom';
import { connectLive, type LiveClass, type LiveRole, type LiveSnapshot } from './live';

/**
 * The real server (Hocuspocus with the class's hooks) and the real provider,
 * in Node: what the server lets each connection do, whatever its page would.
 */
let server: Awaited<ReturnType<typeof startClassroom>>;
const open: LiveClass[] = [];

beforeAll(async () => {
  server = await startClassroom({ port: 0, dist: null, quiet: true });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server.close();
});

async function newClass(): Promise<{ code: string; secret: string }> {
  const r = await fetch(`http://localhost:${server.port}/classroom/session`, { method: 'POST' });
  expect(r.status).toBe(201);
  return (await r.json()) as { code: string; secret: string };
}

function connect(code: string, as: LiveRole, port = server.port): LiveClass {
  const c = connectLive({
    server: `ws://localhost:${port}`,
    code,
    as,
    WebSocketPolyfill: WebSocket,
    offlineAfterMs: 1500,
  });
  open.push(c);
  return c;
}

function until(c: LiveClass, ok: (s: LiveSnapshot) => boolean, ms = 5000): Promise<LiveSnapshot> {
  return new Promise((resolve, reject) => {
    const done = () => {
      if (!ok(c.store.getState())) return false;
      clearTimeout(timer);
      stop();
      resolve(c.store.getState());
      return true;
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`not reached in ${ms} ms: ${JSON.stringify(c.store.getState())}`));
    }, ms);
    const stop = c.store.subscribe(() => void done());
    done();
  });
}

const student = (n: number, name = `Student ${n}`): LiveRole => ({
  role: 'student',
  id: `student-${n}-${'x'.repeat(16)}`,
  name,
});

describe('a live class on the server', () => {
  it('the teacher drives; students follow, answer under their own seat, and cannot drive', async () => {
    const { code, secret } = await newClass();
    const teacher = connect(code, { role: 'teacher', secret });
    const ann = connect(code, student(1));
    const bob = connect(code, student(2));
    await until(teacher, (s) => s.status === 'live');
    teacher.send({ type: 'lesson', lesson: 'leaked-handle', steps: 5, questions: { 3: 3 } });
    teacher.send({ type: 'step', step: 2 });
    teacher.send({ type: 'ask', step: 3 });
    await until(ann, (s) => s.view?.asking === 3 && s.view.step === 2 && s.seat !== null);
    await until(bob, (s) => s.view?.asking === 3 && s.seat !== null);

    // A student who tries to drive: refused in words, the class does not move.
    ann.send({ type: 'step', step: 5 });
    await until(ann, (s) => /only the teacher/.test(s.refused ?? ''));
    ann.send({ type: 'reveal', step: 3, answer: 0 });
    await until(ann, (s) => /only the teacher/.test(s.refused ?? ''));

    ann.send({ type: 'answer', step: 3, choice: 1 });
    ann.send({ type: 'answer', step: 3, choice: 2 });
    bob.send({ type: 'answer', step: 3, choice: 0 });
    const seen = await until(
      teacher,
      (s) => s.view?.tallies[3]?.answered === 2 && s.view.tallies[3].counts[2] === 1,
    );
    expect(seen.view).toMatchObject({
      step: 2,
      asking: 3,
      students: 2,
      tallies: { 3: { counts: [1, 0, 1] } },
    });
    expect((await until(ann, (s) => s.mine[3] === 2)).mine).toEqual({ 3: 2 });
    expect((await until(bob, (s) => s.mine[3] === 0)).mine).toEqual({ 3: 0 });

    teacher.send({ type: 'reveal', step: 3, answer: 2 });
    await until(bob, (s) => s.view?.revealed[3] === 2 && s.view.asking === null);
    bob.send({ type: 'answer', step: 3, choice: 2 });
    await until(bob, (s) => /revealed/.test(s.refused ?? ''));
    expect(teacher.store.getState().view?.tallies[3]?.counts).toEqual([1, 0, 1]);
  });

  it('a wrong teacher secret and a class that does not exist are refused; names are never in the document', async () => {
    const { code } = await newClass();
    const fake = connect(code, { role: 'teacher', secret: 'guess' });
    expect((await until(fake, (s) => s.status === 'refused')).problem).toMatch(/wrong teacher secret/);
    const lost = connect('NOSUCH', student(3));
    expect((await until(lost, (s) => s.status === 'refused')).problem).toMatch(/no class NOSUCH/);
    const eve = connect(code, student(4, 'Eve Secretname'));
    const s = await until(eve, (x) => x.status === 'live' && x.view !== null);
    expect(JSON.stringify(s.view)).not.toMatch(/Secretname/);
  });

  it('a student who comes back (same device) keeps their answer; a late joiner lands on the current step', async () => {
    const { code, secret } = await newClass();
    const teacher = connect(code, { role: 'teacher', secret });
    await until(teacher, (s) => s.status === 'live');
    teacher.send({ type: 'lesson', lesson: 'l', steps: 4, questions: { 2: 2 } });
    teacher.send({ type: 'step', step: 1 });
    teacher.send({ type: 'ask', step: 2 });
    const first = connect(code, student(5));
    await until(first, (s) => s.view?.asking === 2);
    first.send({ type: 'answer', step: 2, choice: 1 });
    await until(first, (s) => s.mine[2] === 1);
    first.close();
    const again = connect(code, student(5));
    expect((await until(again, (s) => s.mine[2] === 1)).view?.students).toBe(1);
    const late = connect(code, student(6));
    expect((await until(late, (s) => s.view !== null)).view).toMatchObject({ step: 1, asking: 2 });
  });

  it('dropped connections come back on their own with the answers; the teacher gone pauses the class', async () => {
    const { code, secret } = await newClass();
    const teacher = connect(code, { role: 'teacher', secret });
    await until(teacher, (s) => s.status === 'live');
    teacher.send({ type: 'lesson', lesson: 'l', steps: 4, questions: { 2: 2 } });
    teacher.send({ type: 'step', step: 1 });
    teacher.send({ type: 'ask', step: 2 });
    const kim = connect(code, student(8));
    await until(kim, (s) => s.view?.asking === 2 && s.seat !== null);
    kim.send({ type: 'answer', step: 2, choice: 0 });
    await until(teacher, (s) => s.view?.tallies[2]?.answered === 1);
    server.drop();
    await until(kim, (s) => s.status === 'offline');
    await until(kim, (s) => s.status === 'live' && s.mine[2] === 0 && s.teachers === 1, 10_000);
    expect((await until(teacher, (s) => s.status === 'live')).view?.tallies[2]).toEqual({
      counts: [1, 0],
      answered: 1,
    });
    teacher.close();
    expect((await until(kim, (s) => s.teachers === 0)).view).toMatchObject({ step: 1, asking: 2 });
  }, 30_000);

  it('says so when no server answers, and keeps trying', async () => {
    const c = connect('ABCDEF', student(7), 1);
    expect((await until(c, (s) => s.status === 'offline')).problem).toMatch(
      /does not answer.*works here on its own/,
    );
  });
});
