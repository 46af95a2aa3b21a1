import type { Page } from '@playwright/test';
import { LESSON_IDS } from '../src/scenarios/lessons/ids';
import { expect, test } from './fixtures';
import { measure, where } from './projector';

/**
 * A lesson projected at 1024×768 and 1920×1080 in presenter mode, driven by a clicker's keys:
 * at every step (and at every question and answer) no text is drawn under the floor (18 px and
 * 24 px: computed size, × the graph's zoom inside the graph), no card is cut by the graph's edge or
 * overlaps another, no badge spills out of its card, no link is cut at its panel's edge.
 * Instant mode: the settled screen of each step is measured (one evaluate a step).
 */

const SCREENS = [
  { width: 1024, height: 768, floor: 18 },
  { width: 1920, height: 1080, floor: 24 },
] as const;

async function present(page: Page, lesson: string): Promise<void> {
  await page.goto(`/?lesson=${lesson}&step=0`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.locator('.react-flow')).toBeVisible();
  await page.keyboard.press('i'); // instant: each step settles at once
  await page.keyboard.press('p');
  await expect(page.locator('.presenter-stage')).toBeVisible();
}

/**
 * Waits for the graph to settle: its viewport (zoom and offset) and its cards' places unchanged for
 * four frames in a row (the presenter fit runs a couple of frames after a change, and a change of the
 * stage's shape, as H makes, places the cards again first), at most a second.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const seen = () =>
          [
            document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '',
            ...[...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('style') ?? ''),
          ].join('|');
        let last = seen();
        let still = 0;
        let frames = 0;
        const tick = () => {
          const now = seen();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 4 || ++frames > 60) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/**
 * Lessons that do not meet the floor yet at that size, with the smallest drawn text measured
 * (2026-12-06, 04:30, with presenter mode's denser cards at 14 px node text — no kind line on a
 * driver, no owner's name on a device, state names in monospace — and their columns closer: a stack's
 * cards 96 apart, columns without a lane 28; stageFit.ts, shapeForStage; useStageShape.ts). At
 * 1024×768 the graph needs zoom 18/14 (node text 14 px): about 760 flow units across and 480 down with
 * the panels folded, 410 down while a question stands in its band. A stack of three layers under a row
 * of drivers needs about 430, and three columns, one laned, about 880 across.
 * Marked as expected failures so the rest guards what works; each flips red once it passes (remove
 * it then). A new lesson that does not meet the floor yet is one line here.
 */
const NOT_YET: Record<number, readonly string[]> = {
  1024: [
    'orderly-removal', // 16.6 px (14.5 before), «PnP · has Unload»: a stack of three under three drivers
    'update-blocked', // 16.5 (14.4), «device stack of ToasterPdo»: the same shape
    'cancel-restores', // 15.4 (13.9), «device stack of CamPdo»: three stacks, one laned
    'remove-lock-order', // 15.0 (13.8), «device stack of MousePdo»: a stack of three
    'svr5-unload-all', // 15.7 (14.0), «module»: five modules, and tcp's dependency curving back past them
    'app-notification', // 16.5 (14.6), «device stack of ToasterPdo»: a long question's band
  ],
  1920: [],
};

for (const screen of SCREENS) {
  test.describe(`projected at ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });
    // A fresh start each lesson: no work kept from another (no restore offer).
    test.beforeEach(({ page }) => page.addInitScript(() => localStorage.clear()));

    for (const lesson of LESSON_IDS) {
      test(`${lesson}: text ≥ ${screen.floor} px drawn at every step, nothing overlaps or is cut`, async ({
        page,
      }) => {
        test.fail(NOT_YET[screen.width]?.includes(lesson) ?? false, 'does not meet the floor yet (NOT_YET)');
        await present(page, lesson);
        await settled(page);
        const failures: string[] = [];
        let min = Infinity;
        let minText = '';
        let before = '';
        for (let press = 0; press < 60; press++) {
          await settled(page);
          // The stage says when the graph beside the panels is drawn under the floor: H gives it room.
          if (await page.getByTestId('cramped').isVisible()) {
            await page.keyboard.press('h');
            await settled(page);
          }
          const at = await where(page);
          if (at === before) break;
          before = at;
          const drawn = await measure(page, screen.floor);
          if (drawn.min < min) [min, minText] = [drawn.min, drawn.minText];
          for (const s of drawn.small) failures.push(`step ${at}: text ${s}`);
          for (const o of drawn.overlaps) failures.push(`step ${at}: ${o}`);
          await page.keyboard.press('PageDown');
        }
        test.info().annotations.push({
          type: 'smallest drawn text',
          description: `${min.toFixed(1)} px («${minText.slice(0, 30)}»)`,
        });
        console.log(
          `${screen.width}×${screen.height} ${lesson}: smallest drawn text ${min.toFixed(1)} px («${minText.slice(0, 30)}»)`,
        );
        expect([...new Set(failures)].slice(0, 30)).toEqual([]);
      });
    }
  });
}

/** Is the element inside the log's scrolled box, as drawn? */
async function inLogView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const box = document.querySelector('[data-testid="event-log-scroll"]')?.getBoundingClientRect();
    const els = [...document.querySelectorAll('[data-testid="event-log-scroll"] ' + selector)];
    const el = els[els.length - 1];
    if (!box || !el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight;
  }, selector);
}

test.describe('the log follows the step as it plays', () => {
  for (const mode of ['presenter', 'normal'] as const) {
    test(`leaked-handle step 5, ${mode} mode at 1024×768: the event playing and then the last are in view`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1024, height: 768 });
      // Step 5's address: step 4 shown, step 5's question asked.
      await page.goto('/?lesson=leaked-handle&step=5');
      await expect(page.getByTestId('timeline')).toBeVisible();
      if (mode === 'presenter') await page.keyboard.press('p');
      // Half speed, so the moments of the step last long enough to be looked at on a busy machine.
      await page.locator('select', { has: page.locator('option[value="0.5"]') }).selectOption('0.5');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expect(page.getByTestId('question')).toBeVisible();
      await page.keyboard.press('1'); // answers: step 5 plays, event by event
      const step5 = '[data-step="5"] .event-line';
      // While it plays: whichever event is playing is in view.
      await expect.poll(() => inLogView(page, '.event-now'), { timeout: 15_000 }).toBe(true);
      // Once played: the step's last event ("image freed") is in view, without a mouse.
      await expect(page.locator('[data-testid="event-log-scroll"] .event-now')).toHaveCount(0, {
        timeout: 20_000,
      });
      await expect(page.locator(step5).last()).toBeVisible();
      await expect.poll(() => inLogView(page, step5)).toBe(true);
    });
  }
});

test.describe('the laser pointer', () => {
  test('a dot follows the mouse over the stage and goes when it rests; the key-chosen object glows', async ({
    page,
  }) => {
    await page.goto('/?lesson=leaked-handle&step=2');
    await expect(page.getByTestId('timeline')).toBeVisible();
    await page.keyboard.press('p');
    const laser = page.getByTestId('laser');
    await expect(laser).toHaveCSS('opacity', '0');
    const graph = await page.getByTestId('graph').boundingBox();
    if (!graph) throw new Error('no graph');
    const at = { x: graph.x + graph.width / 3, y: graph.y + graph.height / 3 };
    await page.mouse.move(at.x - 20, at.y - 20);
    await page.mouse.move(at.x, at.y);
    await expect(laser).toHaveCSS('opacity', '1');
    const dot = await laser.boundingBox();
    expect(Math.abs((dot?.x ?? 0) + (dot?.width ?? 0) / 2 - at.x)).toBeLessThan(2);
    expect(Math.abs((dot?.y ?? 0) + (dot?.height ?? 0) / 2 - at.y)).toBeLessThan(2);
    // At rest, the dot fades (a few seconds).
    await expect(laser).toHaveCSS('opacity', '0', { timeout: 8_000 });
    // From the keyboard: G goes to an object (the arrows to the next), and it glows for the class.
    await page.keyboard.press('g');
    await page.keyboard.press('ArrowDown');
    const chosen = page.locator('.react-flow__node:focus-visible .card');
    await expect(chosen).toHaveCount(1);
    await expect(chosen).toHaveCSS('box-shadow', /rgb\(255, 26, 26\)/);
  });
});

test.describe('the presenter bar', () => {
  for (const screen of SCREENS)
    test(`at ${screen.width}×${screen.height} the longest title takes at most two lines, whole for a reader and on hover`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto('/?lesson=child-devnodes&step=0');
      await expect(page.getByTestId('timeline')).toBeVisible();
      await page.keyboard.press('p');
      const title = page.locator('.presenter-bar h1');
      await expect(title).toBeVisible();
      const full = 'What happens to the devices plugged into a hub when the hub is removed?';
      await expect(title).toHaveText(full);
      await expect(title).toHaveAttribute('title', full);
      const { lines, size } = await title.evaluate((h) => {
        const style = getComputedStyle(h);
        return {
          lines: Math.round(h.getBoundingClientRect().height / parseFloat(style.lineHeight)),
          size: parseFloat(style.fontSize),
        };
      });
      expect(lines).toBeLessThanOrEqual(2);
      expect(size).toBeGreaterThanOrEqual(screen.floor);
      // The bar's controls stay on one row beside it, at the floor.
      const bar = await page.locator('.presenter-bar').boundingBox();
      expect(bar?.height ?? Infinity).toBeLessThan(3 * screen.floor * 1.15 + 16);
      await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
    });
});

test.describe('the presenter timeline', () => {
  for (const screen of SCREENS)
    test(`at ${screen.width}×${screen.height} it keeps one row once the score appears`, async ({ page }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.addInitScript(() => localStorage.clear());
      // rebalance: 11 steps (two digits) and two questions, the longest row a lesson makes.
      await page.goto('/?lesson=rebalance&step=0');
      const timeline = page.getByTestId('timeline');
      await expect(timeline).toBeVisible();
      await page.keyboard.press('i');
      await page.keyboard.press('p');
      await expect(page.locator('.presenter-stage')).toBeVisible();
      const before = (await timeline.boundingBox())?.height ?? 0;
      // The clicker to the first question, then its answer by number: the score shows.
      for (let i = 0; i < 20 && !(await page.getByTestId('question').isVisible()); i++)
        await page.keyboard.press('PageDown');
      await page.keyboard.press('1');
      await page.keyboard.press('PageDown');
      const score = page.getByTestId('score');
      await expect(score).toBeVisible();
      // Whole for a screen reader; on screen, the words a clicker does not need are kept out.
      await expect(score).toHaveText(/^Score: \d+ of 1 right$/);
      await expect(page.getByRole('button', { name: '⟲ Restart' })).toBeVisible();
      await expect(page.getByLabel('Go to')).toBeVisible();
      const after = (await timeline.boundingBox())?.height ?? Infinity;
      expect(after).toBeLessThanOrEqual(before + 1);
      // One row: every control's top within a few px of the Back button's.
      const tops = await timeline.evaluate((nav) =>
        [...nav.querySelectorAll('button, select, input, [data-testid="score"]')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2)),
      );
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    });
});

test.describe('an open question in front of the class', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  test.beforeEach(({ page }) => page.addInitScript(() => localStorage.clear()));

  /** Presenter mode, the panels folded (H), the clicker on to the lesson's first question. */
  async function toQuestion(page: Page, lesson: string): Promise<void> {
    await present(page, lesson);
    await page.keyboard.press('h');
    await expect(page.locator('.presenter-stage')).toHaveAttribute('data-folded', 'true');
    for (let i = 0; i < 20 && !(await page.getByTestId('question').isVisible()); i++)
      await page.keyboard.press('PageDown');
    await expect(page.getByTestId('question')).toBeVisible();
    await settled(page);
  }

  test('a wide graph: the question takes the title bar’s and the timeline’s rows, the graph stays at the floor; B blanks, Reveal brings them back', async ({
    page,
  }) => {
    await toQuestion(page, 'forgotten-notification');
    await expect(page.locator('.presenter-stage')).toHaveAttribute('data-question', 'band');
    await expect(page.locator('.presenter-bar')).toBeHidden();
    await expect(page.getByRole('button', { name: /^Reveal ▶$/ })).toHaveCount(1);
    // The band is above the graph, across it.
    const band = await page.getByTestId('question').boundingBox();
    const graph = await page.getByTestId('graph').boundingBox();
    expect((band?.y ?? Infinity) + (band?.height ?? 0)).toBeLessThanOrEqual(graph?.y ?? 0);
    expect(band?.width ?? 0).toBeGreaterThan(0.9 * 1024);
    // Nothing drawn under 18 px, the question's words included, and every choice whole on screen.
    const drawn = await measure(page, 18);
    expect(drawn.small).toEqual([]);
    expect(drawn.overlaps).toEqual([]);
    for (const choice of await page.locator('.question .choice').all()) {
      const r = await choice.boundingBox();
      expect((r?.y ?? Infinity) + (r?.height ?? 0)).toBeLessThanOrEqual(768);
    }
    // The clicker's B blanks the screen over the question too, and brings it back.
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
    await expect(page.getByTestId('question')).toBeVisible();
    // A mouse reveals from the band itself; the title bar and the timeline come back with the answer.
    await page.getByRole('button', { name: /^Reveal ▶$/ }).click();
    await expect(page.getByTestId('question')).toHaveCount(0);
    await expect(page.locator('.presenter-bar')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Next ▶$/ })).toBeVisible();
  });

  test('a tall graph: the question stands in a column beside it, every choice whole on screen', async ({
    page,
  }) => {
    await toQuestion(page, 'remove-lock-order');
    await expect(page.locator('.presenter-stage')).toHaveAttribute('data-question', 'side');
    const side = await page.locator('.presenter-side').boundingBox();
    const graph = await page.getByTestId('graph').boundingBox();
    expect(side?.x ?? 0).toBeGreaterThanOrEqual((graph?.x ?? 0) + (graph?.width ?? 0));
    for (const part of await page.locator('.question h2, .question .choice').all()) {
      const r = await part.boundingBox();
      expect((r?.y ?? Infinity) + (r?.height ?? 0)).toBeLessThanOrEqual(768);
      expect((r?.x ?? Infinity) + (r?.width ?? 0)).toBeLessThanOrEqual(1024);
    }
    // The question's own words at the floor at least (the graph's may be under it: NOT_YET).
    const sizes = await page
      .locator('.question h2, .question .choice, .question > p')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    // ← closes the question (as the clicker's Page Up does) and the chrome comes back.
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('question')).toHaveCount(0);
    await expect(page.locator('.presenter-bar')).toBeVisible();
  });
});
