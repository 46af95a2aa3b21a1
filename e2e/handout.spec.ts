import { checkA11y, expect, test } from './fixtures';

/** A lesson as a handout: every step's graph, narration and question; the answers on pages of their own. */

test.describe('handout', () => {
  test('presenter mode opens the lesson as a handout that prints with an answer key', async ({
    page,
    context,
  }) => {
    await page.goto('/?lesson=leaked-handle');
    await expect(page.getByTestId('timeline')).toBeVisible();
    await page.keyboard.press('p');
    const [handout] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Handout' }).click(),
    ]);
    await handout.waitForLoadState();
    await expect(handout.getByTestId('handout')).toBeVisible();
    await expect(handout.getByRole('heading', { level: 1 })).toBeVisible();
    // Every step, with its graph drawn and its narration.
    await expect(handout.locator('.handout-step')).toHaveCount(5);
    await expect(handout.getByRole('img', { name: 'The objects after step 2' })).toBeVisible();
    await expect(
      handout.getByText('An application opens \\Device\\Beep and forgets to close it.'),
    ).toBeVisible();
    // The questions come before the steps that answer them, with their choices and room to write.
    const question = handout.getByRole('region', { name: 'Question before step 3' });
    await expect(question).toContainText('A handle is still open. Does Unload run now?');
    await expect(question.locator('.handout-choices li')).toHaveCount(3);
    // The answer key: each question's right choice and why, on pages of its own when printed.
    const key = handout.getByTestId('answer-key');
    await expect(key.locator('li')).toHaveCount(3);
    await expect(key).toContainText('deferred until the handle closes');
    await expect(key).toContainText('Condition (a) fails');
    await checkA11y(handout, 'handout');

    await handout.emulateMedia({ media: 'print' });
    await expect(handout.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    expect(await key.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    const pdf = await handout.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    // Five steps and three questions do not fit one page; the key starts a page of its own.
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  test('each step’s drawing shows the state badges the live graph shows, as of that step', async ({
    page,
  }) => {
    await page.goto('/?view=handout&lesson=leaked-handle');
    await expect(page.getByTestId('handout')).toBeVisible();
    const drawing = (step: number) => page.getByRole('img', { name: `The objects after step ${step}` });
    // After sc stop (step 3): the driver Unload Pending, the device's flag and its reference count.
    await expect(drawing(3)).toContainText('Unload Pending');
    await expect(drawing(3)).toContainText('DOE_UNLOAD_PENDING');
    await expect(drawing(3)).toContainText('RefCount 1');
    // The drawing before the question "Does Unload run now?" shows only what has happened: no Unload Pending.
    await expect(drawing(2)).toContainText('RefCount 1');
    await expect(drawing(2)).not.toContainText('Unload Pending');
    // The same words as the live graph at that step (step 3 asks a question: its address opens at step 2).
    const live = await page.context().newPage();
    await live.goto('/?lesson=leaked-handle&step=2&theme=light');
    await expect(live.locator('.react-flow__node .badge').first()).toBeVisible();
    const shown = await live.locator('.react-flow__node .badge').allInnerTexts();
    expect(shown.length).toBeGreaterThan(1);
    for (const badge of shown) await expect(drawing(2)).toContainText(badge);
    await live.close();
    await page.screenshot({ path: test.info().outputPath('handout-badges.png'), fullPage: true });
    await checkA11y(page, 'handout, drawings with badges');

    // A PnP lesson: surprise removal marks the devices, and a started stack says so.
    await page.goto('/?view=handout&lesson=surprise-removal');
    await expect(drawing(7)).toContainText(/surprise-removed/i);
    await expect(drawing(6)).not.toContainText(/surprise-removed/i);
  });

  test('an address without a lesson says so and offers the gallery', async ({ page }) => {
    await page.goto('/?view=handout&lesson=nope');
    await expect(page.getByRole('alert')).toContainText('no lesson "nope"');
    await expect(page.getByRole('link', { name: 'Open the lesson gallery' })).toBeVisible();
    await checkA11y(page, 'handout, no lesson');
  });
});
