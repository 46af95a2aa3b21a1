import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 17: a clicker's F5 while a question is open comes back AT the
 * question, asked (not one step before it with the question closed), in
 * presenter mode, with the score, the focus on the choice it rested on.
 */
const slider = (page: Page) => page.getByRole('slider', { name: /^Step/ });
const question = (page: Page) => page.getByTestId('question');
const choices = (page: Page) => question(page).locator('button.choice');

async function press(page: Page, key: string): Promise<void> {
  const before = `${await slider(page).inputValue()}${await question(page).count()}`;
  await page.keyboard.press(key);
  await expect
    .poll(async () => `${await slider(page).inputValue()}${await question(page).count()}`)
    .not.toBe(before);
}

test.use({ viewport: { width: 1024, height: 768 } });

test('F5 at an open question comes back at it, asked, the same choice focused; the next press reveals', async ({
  page,
}) => {
  await page.goto('/?lesson=leaked-handle&step=2');
  await expect(slider(page)).toHaveValue('2');
  await page.keyboard.press('p');
  await expect(page.locator('.visualizer')).toHaveAttribute('data-presenter', 'true');
  await press(page, 'PageDown'); // asks step 3
  await expect(question(page)).toContainText('Does Unload run now?');
  await press(page, 'ArrowRight'); // revealed: asked, not answered
  await press(page, 'PageDown'); // asks step 4
  await expect(question(page)).toContainText('Does the new open succeed?');
  await expect(choices(page).first()).toBeFocused();
  // The teacher moves to the second choice (a room pointing at it), without answering.
  await page.keyboard.press('Tab');
  await expect(choices(page).nth(1)).toBeFocused();
  await expect(page).toHaveURL(/[?&]lesson=leaked-handle&step=4$/);
  const score = await page.getByTestId('score').innerText();

  await page.reload(); // F5
  await expect(page.locator('.visualizer')).toHaveAttribute('data-presenter', 'true');
  await expect(question(page)).toContainText('Does the new open succeed?');
  await expect(slider(page)).toHaveValue('3');
  await expect(page.getByTestId('answer')).toHaveCount(0);
  await expect(choices(page).nth(1)).toBeFocused();
  await expect(page.getByTestId('score')).toHaveText(score);
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('reload-at-question.png') });

  // F5 again with nothing moved: still there. Then the clicker's press reveals, it does not ask again.
  await page.reload();
  await expect(question(page)).toContainText('Does the new open succeed?');
  await expect(choices(page).nth(1)).toBeFocused();
  await press(page, 'PageDown');
  await expect(slider(page)).toHaveValue('4');
  await expect(page.getByTestId('answer')).toBeVisible();
  await expect(question(page)).toHaveCount(0);
});

test('F5 at a question just asked (no choice moved to) comes back asked, the first choice focused', async ({
  page,
}) => {
  await page.goto('/?lesson=svr5-busy-while-open&step=0');
  await expect(slider(page)).toHaveValue('0');
  await page.keyboard.press('p');
  await expect(page.locator('.visualizer')).toHaveAttribute('data-presenter', 'true');
  for (let i = 0; i < 10 && (await question(page).count()) === 0; i++) await press(page, 'PageDown');
  const asked = await question(page).locator('h2').innerText();
  const step = await slider(page).inputValue();
  await page.reload();
  await expect(question(page).locator('h2')).toHaveText(asked);
  await expect(slider(page)).toHaveValue(step);
  await expect(choices(page).first()).toBeFocused();
  // ← closes it without revealing, as before the reload.
  await press(page, 'ArrowLeft');
  await expect(question(page)).toHaveCount(0);
  await expect(slider(page)).toHaveValue(step);
});

test('outside presenter mode too, F5 at an open question comes back asked, the same choice focused', async ({
  page,
}) => {
  await page.goto('/?lesson=leaked-handle&step=3');
  await expect(question(page)).toContainText('Does Unload run now?');
  await expect(choices(page).first()).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(choices(page).nth(2)).toBeFocused();
  await page.reload();
  await expect(question(page)).toContainText('Does Unload run now?');
  await expect(slider(page)).toHaveValue('2');
  await expect(choices(page).nth(2)).toBeFocused();
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
});
