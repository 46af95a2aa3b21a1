import { checkA11y, expect, test } from './fixtures';

/** The presenter console: the teacher's window follows the projected one and drives it. */

const slider = 'input[type="range"]';

test.describe('presenter console', () => {
  test('opens from presenter mode, shows the answer the class does not see, follows and drives the projector', async ({
    page,
  }) => {
    await page.goto('/?lesson=leaked-handle&step=2');
    await expect(page.getByTestId('timeline')).toBeVisible();
    await page.keyboard.press('p');
    const [console_] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Console' }).click(),
    ]);
    await expect(console_.getByTestId('console-status')).toHaveText('The class sees step 2 of 5');
    await expect(console_.getByTestId('console-now')).toContainText('openHandle');
    await expect(console_.getByTestId('console-next')).toContainText('Next: step 3 (asks first)');

    // The projector asks: the console shows the answer and why; the projector does not.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('question')).toBeVisible();
    await expect(console_.getByTestId('console-status')).toContainText("asked step 3's question");
    const answer = console_.getByTestId('console-answer');
    await expect(answer).toContainText('A handle is still open. Does Unload run now?');
    await expect(answer).toContainText('deferred until the handle closes');
    await expect(answer).toContainText('Condition (a) fails');
    await expect(page.locator('main')).not.toContainText('Condition (a) fails');
    // The step's notes for the teacher (the lesson's `notes`): on the console, never on the projected page.
    await expect(console_.getByTestId('console-next-notes')).toContainText('ask for a show of hands');
    await expect(console_.getByTestId('console-now-notes')).toContainText('when the process exits');
    await expect(page.locator('body')).not.toContainText('show of hands');
    await expect(page.locator('body')).not.toContainText('Students often');
    await checkA11y(console_, 'presenter console');

    // The console drives: its Next reveals on the projector, its keys step it.
    await console_.getByRole('button', { name: 'Reveal ▶' }).click();
    await expect(page.locator(slider)).toHaveValue('3');
    await expect(page.getByTestId('answer')).toBeVisible();
    await expect(console_.getByTestId('console-status')).toHaveText('The class sees step 3 of 5');
    await console_.keyboard.press('ArrowLeft');
    await expect(page.locator(slider)).toHaveValue('2');
    await expect(console_.getByTestId('console-status')).toHaveText('The class sees step 2 of 5');
  });

  test('two projected lessons never drive each other: each console has its own channel', async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const a = await context.newPage();
    const b = await context.newPage();
    for (const [p, lesson] of [
      [a, 'leaked-handle'],
      [b, 'clean-stop'],
    ] as const) {
      await p.goto(`/?lesson=${lesson}&step=1`);
      await expect(p.getByTestId('timeline')).toBeVisible();
      await p.keyboard.press('p');
    }
    const [consoleA] = await Promise.all([
      a.waitForEvent('popup'),
      a.getByRole('button', { name: 'Console' }).click(),
    ]);
    await expect(consoleA.getByTestId('console-status')).toHaveText('The class sees step 1 of 5');
    await consoleA.keyboard.press('ArrowRight');
    await expect(a.locator(slider)).toHaveValue('2');
    await expect(b.locator(slider)).toHaveValue('1');
    await context.close();
  });
});
