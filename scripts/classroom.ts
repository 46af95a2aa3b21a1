/**
 * The live class's server (issue 23): Hocuspocus, the Yjs collaboration
 * server, with the class's rules in its hooks (docs/classroom.md).
 *
 *   npm run classroom                 serves the built app (dist/) and the classes on port 1235
 *   PORT=8080 npm run classroom       another port
 *   CLASSROOM_DIST=none …             the classes only (the app served elsewhere: pass ?classServer=ws://host:port)
 *
 * Every connection is read-only on the shared document: the server alone
 * writes it, from the session model (src/classroom/session.ts) after each
 * command a client sends as a stateless message. The teacher authenticates
 * with the secret made when the class was created; a student with a random
 * id of their own, which the server turns into a seat (a hash): the id
 * never leaves that student's device and the server, so nobody answers as
 * someone else.
 */
/* eslint-disable @typescript-eslint/require-await -- Hocuspocus calls its hooks as async functions */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server, type Document } from '@hocuspocus/server';
import type * as Y from 'yjs';
import {
  applyCommand,
  answerKey,
  cleanName,
  EMPTY_CLASS,
  join,
  LIMITS,
  readCommand,
  spend,
  viewOf,
  type Actor,
  type ClassState,
  type RateWindow,
} from '../src/classroom/session';

/** Sessions end this long after their last message (a lesson's length and then some). */
const IDLE_MS = 4 * 60 * 60 * 1000;
const MAX_CLASSES = 500;
const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

interface Session {
  readonly secret: string;
  state: ClassState;
  last: number;
}

/** A refusal the client is told in words (Hocuspocus sends `reason` with its permission-denied message). */
const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

const seatOf = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);

function newCode(taken: (code: string) => boolean): string {
  for (;;) {
    const bytes = randomBytes(6);
    const code = [...bytes].map((b) => CODE_LETTERS[b % CODE_LETTERS.length]).join('');
    if (!taken(code)) return code;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Writes the class's view into its document (server-side: the only writer). */
function mirror(doc: Y.Doc, s: ClassState, teachers: number): void {
  doc.transact(() => {
    const cls = doc.getMap('class');
    const view = viewOf(s);
    for (const [k, v] of Object.entries(view))
      if (JSON.stringify(cls.get(k)) !== JSON.stringify(v)) cls.set(k, v as never);
    if (cls.get('teachers') !== teachers) cls.set('teachers', teachers);
    const answers = doc.getMap<number>('answers');
    const keep = new Set<string>();
    for (const [step, bySeat] of Object.entries(s.answers))
      for (const [seat, choice] of Object.entries(bySeat)) {
        const key = answerKey(Number(step), seat);
        keep.add(key);
        if (answers.get(key) !== choice) answers.set(key, choice);
      }
    for (const key of [...answers.keys()]) if (!keep.has(key)) answers.delete(key);
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The README's hosting policy (its Hosting section): the classes' socket is the page's own origin, so 'self' covers it. */
const HEADERS = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

function serveStatic(dist: string, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
  if (!file.startsWith(dist)) return false;
  const target = existsSync(file) && statSync(file).isFile() ? file : path.join(dist, 'index.html');
  if (!existsSync(target)) return false;
  res.writeHead(200, {
    ...HEADERS,
    'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
  });
  res.end(readFileSync(target));
  return true;
}

export interface ClassroomOptions {
  readonly port: number;
  /** The built app to serve beside the classes, or null. */
  readonly dist: string | null;
  readonly quiet?: boolean;
}

/** Starts a class server; resolves once it listens. */
export async function startClassroom({ port, dist, quiet }: ClassroomOptions) {
  const sessions = new Map<string, Session>();
  const rates = new WeakMap<object, RateWindow>();
  const log = (...a: unknown[]) => (quiet ? undefined : console.log(...a));

  const teachersIn = (doc: Document) =>
    [...doc.getConnections()].filter((c) => (c.context as { role?: string } | undefined)?.role === 'teacher')
      .length;
  const publish = (code: string) => {
    const s = sessions.get(code);
    const doc = server.hocuspocus.documents.get(code);
    if (s && doc) mirror(doc, s.state, teachersIn(doc));
  };
  const sweep = () => {
    const now = Date.now();
    for (const [code, s] of sessions) if (now - s.last > IDLE_MS) sessions.delete(code);
  };

  const server = new Server({
    port,
    quiet: true,
    // The ping every 30 s keeps phones that sleep from holding a dead seat.
    timeout: 30_000,
    async onRequest({ request, response }) {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/classroom/session') {
        const cors = {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
        };
        if (request.method === 'OPTIONS') {
          response.writeHead(204, cors);
          response.end();
        } else if (request.method !== 'POST') {
          response.writeHead(405, { ...cors, 'Content-Type': 'text/plain' });
          response.end('POST to create a class');
        } else {
          sweep();
          if (sessions.size >= MAX_CLASSES) {
            response.writeHead(503, { ...cors, 'Content-Type': 'application/json' });
            response.end(
              JSON.stringify({ error: `this server holds ${MAX_CLASSES} classes; try again later` }),
            );
          } else {
            const code = newCode((c) => sessions.has(c));
            const secret = randomBytes(18).toString('base64url');
            sessions.set(code, { secret, state: EMPTY_CLASS, last: Date.now() });
            log(`class ${code} created`);
            response.writeHead(201, { ...cors, 'Content-Type': 'application/json' });
            response.end(JSON.stringify({ code, secret }));
          }
        }
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Hocuspocus's "handled, stop here"
        throw null;
      }
      if (dist && request.method === 'GET' && serveStatic(dist, request, response))
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Hocuspocus's "handled, stop here"
        throw null;
    },
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const session = sessions.get(documentName);
      if (!session) throw refuse(`no class ${documentName.slice(0, 12)} on this server (ended or mistyped)`);
      // Everyone reads; only the server writes (from the commands it accepts).
      connectionConfig.readOnly = true;
      let t: Record<string, unknown>;
      try {
        t = JSON.parse(token) as Record<string, unknown>;
      } catch {
        throw refuse('a token is JSON');
      }
      if (t.role === 'teacher') {
        if (typeof t.secret !== 'string' || !sameSecret(t.secret, session.secret))
          throw refuse('wrong teacher secret');
        return { role: 'teacher' };
      }
      if (t.role !== 'student' || typeof t.id !== 'string' || !/^[\w-]{16,64}$/.test(t.id))
        throw refuse('a student token is { role: "student", id, name }');
      const name = cleanName(t.name);
      if (!name) throw refuse('a student needs a name');
      const seat = seatOf(t.id);
      const joined = join(session.state, seat, name);
      if (!joined.ok) throw refuse(joined.error);
      session.state = joined.value;
      session.last = Date.now();
      return { role: 'student', seat };
    },
    async onLoadDocument({ document, documentName }) {
      // The session outlives its document: a class with nobody connected comes back as it was.
      const s = sessions.get(documentName);
      if (s) mirror(document, s.state, 0);
    },
    async connected({ documentName, connection, context }) {
      // Each connection learns who the server takes it for: a student, the seat their answers go under.
      const c = context as { role?: string; seat?: string };
      connection.sendStateless(JSON.stringify({ type: 'welcome', role: c.role, seat: c.seat ?? null }));
      publish(documentName);
    },
    async onDisconnect({ documentName }) {
      // Hocuspocus still counts the leaving connection while this hook runs: count once it is gone.
      setTimeout(() => publish(documentName), 0);
    },
    async beforeHandleMessage({ connection, context, update }) {
      const role = (context as { role?: string }).role;
      const r = spend(rates.get(connection), Date.now());
      rates.set(connection, r.window);
      if (role === 'teacher') return;
      // A student's message: bounded in size and rate, and never a broadcast to the others.
      if (update.length > LIMITS.studentMessage)
        throw Object.assign(new Error('message too large'), { code: 4413, reason: 'message too large' });
      if (!r.allowed)
        throw Object.assign(new Error('too many messages'), { code: 4429, reason: 'too many messages' });
      if (messageType(update) === 6)
        throw Object.assign(new Error('students do not broadcast'), { code: 4403, reason: 'refused' });
    },
    async onStateless({ connection, documentName, payload }) {
      const session = sessions.get(documentName);
      const context = connection.context as { role?: string; seat?: string };
      const reply = (m: object) => connection.sendStateless(JSON.stringify(m));
      if (!session) return reply({ type: 'refused', error: 'the class has ended' });
      const read = readCommand(payload);
      if (!read.ok) return reply({ type: 'refused', error: read.error });
      const actor: Actor | null =
        context.role === 'teacher'
          ? { role: 'teacher' }
          : context.role === 'student' && context.seat
            ? { role: 'student', seat: context.seat }
            : null;
      if (!actor) return reply({ type: 'refused', error: 'not in this class' });
      const done = applyCommand(session.state, actor, read.value);
      if (!done.ok) return reply({ type: 'refused', command: read.value.type, error: done.error });
      session.state = done.value;
      session.last = Date.now();
      publish(documentName);
      reply({ type: 'ok', command: read.value.type });
    },
  });
  await server.listen();
  const address = server.httpServer.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  log(
    `Live class server: http://localhost:${bound}/ ${dist ? '(the app and the classes)' : '(the classes only)'}`,
  );
  return {
    port: bound,
    close: () => server.destroy(),
    sessions: () => sessions.size,
    /** Cuts every socket, as a network failure would (the tests' fault; the classes and their answers stay). */
    drop: () => server.webSocketServer.clients.forEach((ws) => ws.terminate()),
  };
}

/** The Hocuspocus message type of a raw message (after the document's name). */
function messageType(update: Uint8Array): number {
  let i = 0;
  const varUint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = update[i++] ?? 0;
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80 || i >= update.length) return n;
    }
  };
  i += varUint();
  return varUint();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const distEnv = process.env.CLASSROOM_DIST;
  const dist = distEnv === 'none' ? null : path.resolve(distEnv ?? path.join(here, '..', 'dist'));
  if (dist && !existsSync(path.join(dist, 'index.html')))
    console.warn(`No built app in ${dist} (run npm run build first); serving the classes only.`);
  await startClassroom({
    port: Number(process.env.PORT ?? 1235),
    dist: dist && existsSync(path.join(dist, 'index.html')) ? dist : null,
  });
}
