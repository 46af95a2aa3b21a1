import { checkA11y, expect, test } from './fixtures';
import { COMPARE_PAIRS } from '../src/lessons/compare';
import { measure } from './projector';

/** The compare view: opened from the gallery, in presenter mode at a projector's sizes. */

test.describe('compare view', () => {
  test('opens from the gallery', async ({ page }) => {
    await page.goto('/?lesson=leaked-handle');
    await expect(page.getByTestId('timeline')).toBeVisible();
    await page.keyboard.press('l');
    await page.getByRole('link', { name: /Windows beside SVR5/ }).click();
    await expect(page.getByTestId('compare-windows')).toBeVisible();
    await expect(page.getByTestId('compare-svr5')).toBeVisible();
  });

  /** Pairs that do not meet the floor yet (smallest drawn text measured 2026-12-06, 04:30): expected failures. */
  const NOT_YET: Record<number, readonly string[]> = {
    1024: ['teardown'], // 14.6 px (12.8 before presenter mode's denser cards): orderly-removal's stacks beside its SVR5 side
    1920: ['teardown'], // 20.5 px (17.5 before)
  };
  for (const screen of [
    { width: 1024, height: 768, floor: 18 },
    { width: 1920, height: 1080, floor: 24 },
  ])
    for (const { id: pair } of COMPARE_PAIRS)
      test(`${pair}, presenter mode at ${screen.width}×${screen.height}: no text under ${screen.floor} px at any beat`, async ({
        page,
      }) => {
        test.fail(NOT_YET[screen.width]?.includes(pair) ?? false, 'does not meet the floor yet (NOT_YET)');
        await page.setViewportSize({ width: screen.width, height: screen.height });
        await page.goto(`/?view=compare&pair=${pair}`);
        await expect(page.getByTestId('compare-windows').locator('.react-flow')).toBeVisible();
        await page.getByRole('button', { name: 'Presenter' }).click();
        await expect(page.locator('.compare')).toHaveAttribute('data-presenter', 'true');
        const small: string[] = [];
        let min = Infinity;
        for (let beat = 0; beat < 12; beat++) {
          // The sides refit a few frames after a beat (PresenterZoom).
          await page.waitForTimeout(400);
          const drawn = await measure(page, screen.floor);
          min = Math.min(min, drawn.min);
          small.push(...drawn.small.map((s) => `beat ${beat}: ${s}`));
          // At a beat with a question the button asks (Ask ▶), then reveals (Reveal ▶): compare-questions.spec.ts.
          if (await page.getByRole('button', { name: /^(Next|Ask|Reveal) ▶$/ }).isDisabled()) break;
          await page.keyboard.press('ArrowRight');
        }
        console.log(
          `compare (${pair}) at ${screen.width}×${screen.height}: smallest drawn text ${min.toFixed(1)} px`,
        );
        if (pair === 'busy') await checkA11y(page, `compare view, presenter, ${screen.width}`);
        expect(small.slice(0, 20)).toEqual([]);
      });
});
