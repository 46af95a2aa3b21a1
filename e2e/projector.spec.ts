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

/** Waits for the graph's zoom to settle (the presenter fit runs a couple of frames after a change). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      ),
  );
}

/**
 * Lessons that do not meet the floor yet at that size, with the smallest drawn text measured
 * (2026-12-05, 23:05, after the presenter fit stopped keeping lanes for satellites that never come,
 * the tighter rows and the two-line bar). At 1024×768 all of them miss it while a question stands
 * beside (or below) the graph, whose box is then too small for their width at the floor's zoom.
 * Marked as expected failures so the rest guards what works; each flips red once it passes (remove
 * it then). A new lesson that does not meet the floor yet is one line here.
 */
const NOT_YET: Record<number, readonly string[]> = {
  1024: [
    'forgotten-notification', // 16.1 px
    'orderly-removal', // 13.5
    'query-remove-veto', // 13.7
    'surprise-removal', // 13.7
    'leaked-reference', // 13.7
    'update-blocked', // 13.5
    'pnp-no-unload', // 16.1
    'hybrid-driver', // 13.7
    'start-fails', // 16.1
    'rebalance', // 12.8
    'svr5-load-fails', // 16.3
    'svr5-detach-order', // 17.2
    'child-devnodes', // 11.5, «device stack of CamPdo»
    'cancel-restores', // 10.2
    // The fourth round's lessons, after the stage fit (23:50); kmdf-cleanup, wait-wake-remove,
    // svr5-modify-verify and svr5-streams-push meet the floor.
    'kmdf-removal', // 16.1, «device stack of ToasterPdo»
    'svr5-unload-all', // 12.8, five modules
    'remove-lock-order', // 13.2, «device stack of MousePdo»
    // Issue 19's Windows remainders (kern, 01:50).
    'app-notification', // 13.2, «device stack of ToasterPdo»
    'volume-dismount', // 13.2, «device stack of StickPdo»
  ],
  1920: [
    'child-devnodes', // 22.9 px, «device stack of CamPdo», with a question open
    'cancel-restores', // 22.6
    // svr5-unload-all, remove-lock-order and wait-wake-remove meet it since the stage fit (23:50).
    'volume-dismount', // StickDisk's reference chip (its lane) overlaps the volume's column by ~40 px
  ],
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
