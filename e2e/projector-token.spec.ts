import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The moving IRP token never hides a value as it changes (issue 17): at every
 * frame of every step's animation, in presenter mode and not, no token is
 * drawn over the card it leaves or the card it reaches (it travels between
 * their facing edges; resting on a card, it stands above it).
 */

/** Steps a scenario through to its end, recording every frame where a token covers its own cards. */
async function play(page: Page, scenario: string): Promise<{ frames: number; covered: string[] }> {
  await page.goto(`/?scenario=${scenario}&step=0`);
  await expect(page.locator('.react-flow')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { tokenWatch: { frames: number; covered: string[] } };
    w.tokenWatch = { frames: 0, covered: [] };
    const box = (id: string | null) =>
      id
        ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect()
        : undefined;
    const tick = () => {
      for (const t of document.querySelectorAll<HTMLElement>('.anim-token')) {
        w.tokenWatch.frames++;
        const r = t.getBoundingClientRect();
        for (const id of new Set([t.dataset.from ?? null, t.dataset.to ?? null])) {
          const c = box(id);
          if (!c) continue;
          const x = Math.min(r.right, c.right) - Math.max(r.left, c.left);
          const y = Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top);
          if (x > 1 && y > 1)
            w.tokenWatch.covered.push(`${t.textContent} over ${id} (${Math.round(x)}×${Math.round(y)} px)`);
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const last = Number(await page.locator('input[type="range"]').getAttribute('max'));
  for (let i = 0; i < last; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('animation-layer')).toHaveAttribute('data-animating', 'false', {
      timeout: 15_000,
    });
  }
  return page.evaluate(
    () => (window as unknown as { tokenWatch: { frames: number; covered: string[] } }).tokenWatch,
  );
}

test.describe('the IRP token', () => {
  for (const scenario of ['outstanding-irp', 'orderly-removal', 'surprise-removal']) {
    test(`${scenario}: never drawn over the cards it travels between`, async ({ page }) => {
      await page.setViewportSize({ width: 1024, height: 768 });
      const { frames, covered } = await play(page, scenario);
      expect(frames, 'tokens were drawn').toBeGreaterThan(0);
      expect([...new Set(covered)]).toEqual([]);
    });
  }
});
