/**
 * The moves of the soak (scripts/soak.ts): what a random user does to the
 * built app. Two mixes:
 *  - uniform: one visible control chosen uniformly (a button, a graph
 *    object, a tab, a field, a list box), used the way it is used (clicked,
 *    typed into, chosen from);
 *  - rich: weighted to real use (lessons and their questions, stepping,
 *    kernel actions on graph objects, a WinDbg paste, the Share menu, the
 *    lesson recorder, the palette, undo, the log filter, the view keys, a
 *    reload now and then).
 * Every move answers a short word for the report; a move whose element
 * went away before it was used throws, which the soak counts as "missed".
 */
import type { Page } from '@playwright/test';

/** A small deterministic generator (mulberry32), so a run can be repeated with its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rnd = () => number;
type Move = (page: Page, rnd: Rnd) => Promise<string>;

const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const WORDS = ['Beep', 'Fdo0', 'h1', 'tty1', '42', '', 'x'.repeat(300), '{"format":1}', '<b>', 'ñ', 'IRP'];

/** What counts as a control a person can use: never a link (the session stays on the page). */
const CONTROLS =
  'button:not([disabled]), .react-flow__node, [role="radio"], [role="tab"], summary, ' +
  'input:not([type="file"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

interface Target {
  readonly x: number;
  readonly y: number;
  readonly kind: 'click' | 'field' | 'select';
  readonly index: number;
  readonly name: string;
}

/**
 * The controls inside `scope` a person could use now (visible, in the
 * window, the topmost thing at their centre: not one under a dialog), and
 * one of them chosen by `at` (0 ≤ at < 1); null when there is none.
 */
async function findControl(page: Page, scope: string, at: number): Promise<Target | null> {
  return page.evaluate(
    ({ scope, controls, at }) => {
      const roots = [...document.querySelectorAll<HTMLElement>(scope)];
      const all = roots
        .flatMap((root) => [...root.querySelectorAll<HTMLElement>(controls)])
        .flatMap((e, index) => {
          const r = e.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return [];
          const x = r.left + Math.min(r.width / 2, 20);
          const y = r.top + r.height / 2;
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return [];
          const top = document.elementFromPoint(x, y);
          if (!top || !(top === e || e.contains(top))) return [];
          const tag = e.tagName;
          const kind =
            tag === 'SELECT'
              ? 'select'
              : tag === 'TEXTAREA' ||
                  (tag === 'INPUT' &&
                    !['checkbox', 'radio', 'range', 'color'].includes((e as HTMLInputElement).type))
                ? 'field'
                : 'click';
          return [
            { e, x, y, kind, index, name: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() },
          ];
        });
      if (all.length === 0) return null;
      const { e, ...chosen } = all[Math.floor(at * all.length)]!;
      // One mark at a time: the element the soak types into or chooses from next.
      document.querySelector('[data-soak]')?.removeAttribute('data-soak');
      e.setAttribute('data-soak', String(chosen.index));
      return chosen;
    },
    { scope, controls: CONTROLS, at },
  ) as Promise<Target | null>;
}

/** Uses one control in `scope` (clicks it, types into it, chooses from it). */
async function use(page: Page, rnd: Rnd, scope = 'body'): Promise<string> {
  const t = await findControl(page, scope, rnd());
  if (!t) return 'nothing';
  const name = t.name.slice(0, 30);
  if (t.kind === 'click') {
    await page.mouse.click(t.x, t.y);
    return `click ${name}`;
  }
  const el = page.locator(`[data-soak="${t.index}"]`).first();
  if (t.kind === 'select') {
    const options = await el.locator('option').count();
    if (options > 0) await el.selectOption({ index: Math.floor(rnd() * options) }, { timeout: 1500 });
    return 'select';
  }
  await el.fill(pick(rnd, WORDS), { timeout: 1500 });
  return `type ${name}`;
}

/** Shortcut keys act only outside text fields: leave the field first, as a person would (Escape, click away). */
async function leaveField(page: Page) {
  await page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA' || a.tagName === 'SELECT')) a.blur();
  });
}

async function key(page: Page, k: string): Promise<string> {
  await leaveField(page);
  await page.keyboard.press(k);
  return `key ${k}`;
}

const anyDialog = (page: Page) => page.locator('[role="dialog"]').count();

/** Closes what is open (a dialog, a menu), so the next move starts from the page. */
async function closeAll(page: Page) {
  for (let i = 0; i < 3 && (await anyDialog(page)) > 0; i++) await page.keyboard.press('Escape');
}

const STEP_KEYS = [
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowLeft',
  ' ',
  'PageDown',
  'Home',
  'End',
  'k',
];
const VIEW_KEYS = ['t', 'i', 'p', 'h', '+', '-', 'b', 'r', '?', 'Escape'];

const RICH: readonly [number, string, Move][] = [
  [22, 'step', (page, rnd) => key(page, pick(rnd, STEP_KEYS))],
  [
    20,
    'act',
    async (page, rnd) => {
      // A kernel action: an object of the graph, then one of its enabled actions.
      await closeAll(page);
      const node = await use(page, rnd, '.react-flow__nodes');
      const action = await use(page, rnd, 'section[aria-label="Selected object"]');
      return `${node} → ${action}`;
    },
  ],
  [
    10,
    'lesson',
    async (page, rnd) => {
      await closeAll(page);
      await key(page, 'l');
      const open = await use(page, rnd, '.lesson-card');
      return `lesson ${open}`;
    },
  ],
  [
    8,
    'question',
    async (page, rnd) =>
      (await page.locator('[data-testid="question"]').count()) > 0
        ? use(page, rnd, '[data-testid="question"]')
        : key(page, pick(rnd, ['1', '2', 'ArrowRight'])),
  ],
  [
    5,
    'paste',
    async (page, rnd) => {
      await closeAll(page);
      await page.getByRole('button', { name: /WinDbg paste/ }).click({ timeout: 1500 });
      const box = page.getByRole('textbox', { name: 'Debugger output' });
      await box.waitFor({ timeout: 3000 });
      if (rnd() < 0.7) await page.getByRole('button', { name: 'Try an example session' }).click();
      else await box.fill(pick(rnd, WORDS));
      await page.getByRole('button', { name: 'Read and draw' }).click({ timeout: 1500 });
      return 'paste';
    },
  ],
  [
    5,
    'share',
    async (page, rnd) => {
      await closeAll(page);
      const menu = page.locator('button[aria-expanded]').filter({ hasText: /Share/ }).first();
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click({ timeout: 1500 });
      return `share ${await use(page, rnd, '[role="group"][aria-label="Share, import and export"]')}`;
    },
  ],
  [
    8,
    'editor',
    async (page, rnd) => {
      if ((await page.locator('[role="dialog"]').count()) === 0) await key(page, 'e');
      return `editor ${await use(page, rnd, '[role="dialog"]')}`;
    },
  ],
  [
    4,
    'palette',
    async (page, rnd) => {
      if ((await page.locator('[aria-label="Actions"]').count()) === 0) await key(page, 'a');
      return `palette ${await use(page, rnd, '[aria-label="Actions"]')}`;
    },
  ],
  [4, 'undo', (page, rnd) => key(page, pick(rnd, ['Control+z', 'Control+Shift+z']))],
  [
    4,
    'filter',
    async (page, rnd) => {
      await page
        .getByRole('searchbox', { name: 'Filter the event log' })
        .fill(pick(rnd, WORDS), { timeout: 1500 });
      return 'filter';
    },
  ],
  [4, 'view', (page, rnd) => key(page, pick(rnd, VIEW_KEYS))],
  [5, 'any', (page, rnd) => use(page, rnd)],
  [
    1,
    'reload',
    async (page) => {
      await page.reload();
      await page.locator('.react-flow__node').first().waitFor({ timeout: 15000 });
      return 'reload';
    },
  ],
];
const RICH_TOTAL = RICH.reduce((n, [w]) => n + w, 0);

/** One move of the rich mix, chosen by weight. */
export async function richMove(page: Page, rnd: Rnd): Promise<string> {
  let roll = rnd() * RICH_TOTAL;
  for (const [w, name, move] of RICH) {
    if (roll < w) return `${name}: ${await move(page, rnd)}`;
    roll -= w;
  }
  return `step: ${await RICH[0]![2](page, rnd)}`;
}

/** One move of the uniform mix: any visible control, each as likely as the next. */
export function uniformMove(page: Page, rnd: Rnd): Promise<string> {
  return use(page, rnd);
}
