/**
 * Where a live class is (issue 23): the class server's address, the links
 * the teacher hands out, and a student's own id and name on this device.
 * The students' link carries the class's code (and the server when it is
 * not the page's own); the teacher's adds the secret, and nothing else does.
 */

/** The class server a page talks to: `?classServer=ws://…` or, by default, the page's own host (npm run classroom serves both). */
export function classServerOf(search: string, location: { protocol: string; host: string }): string {
  const asked = new URLSearchParams(search).get('classServer');
  if (asked && /^wss?:\/\/[^\s/?#]+\/?$/.test(asked)) return asked.replace(/\/$/, '');
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** The server's HTTP side (where a class is created). */
export const httpOf = (server: string) => server.replace(/^ws/, 'http');

/** A class code as typed: letters and digits, upper case (codes avoid 0/O and 1/I/L). */
export function readCode(raw: string | null): string | null {
  const code = (raw ?? '').trim().toUpperCase();
  return /^[A-Z0-9]{4,12}$/.test(code) ? code : null;
}

interface Here {
  readonly origin: string;
  readonly pathname: string;
  readonly protocol: string;
  readonly host: string;
}

function base(here: Here, code: string, server: string): URLSearchParams {
  const p = new URLSearchParams({ class: code });
  if (server !== classServerOf('', here)) p.set('classServer', server);
  return p;
}

/** What students open: no secret in it. */
export function joinLink(here: Here, code: string, server: string): string {
  return `${here.origin}${here.pathname}?${base(here, code, server).toString()}`;
}

/** The teacher's own link (keep it to yourself): the lesson, in presenter mode, driving the class again. */
export function teacherLink(
  here: Here,
  code: string,
  server: string,
  secret: string,
  lesson: string,
): string {
  const p = base(here, code, server);
  p.set('teacher', secret);
  p.set('lesson', lesson);
  return `${here.origin}${here.pathname}?${p.toString()}`;
}

/** A random id for this device in this class (not a secure context on a campus LAN: no randomUUID there). */
export function randomId(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  return [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const ANIMALS = [
  'Otter',
  'Badger',
  'Heron',
  'Lynx',
  'Puffin',
  'Marmot',
  'Gecko',
  'Ibis',
  'Koala',
  'Narwhal',
  'Ocelot',
  'Panda',
  'Quokka',
  'Raven',
  'Stoat',
  'Tapir',
  'Vole',
  'Walrus',
  'Yak',
  'Zebu',
] as const;
const COLOURS = ['Amber', 'Blue', 'Coral', 'Green', 'Jade', 'Olive', 'Plum', 'Ruby', 'Sand', 'Teal'] as const;

/** A name for a student who does not choose one: "Teal Otter". */
export function randomAnimal(random: () => number = Math.random): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length) % a.length] as T;
  return `${pick(COLOURS)} ${pick(ANIMALS)}`;
}
