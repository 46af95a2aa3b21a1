import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

/** The classroom: lessons run by keyboard, questions before answers, addresses that land, branches, recording. */

const slider = (page: Page) => page.getByRole('slider', { name: /^Step/ });
const atStep = (page: Page, n: number) => expect(slider(page)).toHaveValue(String(n));
const question = (page: Page) => page.getByTestId('question');
const answer = (page: Page) => page.getByTestId('answer');

async function openLesson(page: Page, id: string, step?: number) {
  await page.goto(`/?lesson=${id}${step === undefined ? '' : `&step=${step}`}`);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
}

test.describe('a lesson', () => {
  test('runs from start to end with the keyboard alone, also after a mouse click on a button', async ({
    page,
  }) => {
    await openLesson(page, 'clean-stop');
    await atStep(page, 0);
    // Nothing shows the future: at step 0 the log holds no step's events and the narration no step.
    await expect(page.getByTestId('event-log').locator('.event-line')).toHaveCount(0);
    await expect(page.getByTestId('log-ahead')).toContainText('5 more steps ahead');

    await page.keyboard.press('Space');
    await atStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 2);

    // A mouse click on Back leaves focus on the button: Space must still step forward, not press it again.
    await page.getByRole('button', { name: '◀ Back' }).click();
    await atStep(page, 1);
    await page.keyboard.press('Space');
    await atStep(page, 2);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 3);

    // Step 4 asks first: the step is not shown until the question is answered.
    await page.keyboard.press('Space');
    await expect(question(page)).toContainText('What happens?');
    await atStep(page, 3);
    await expect(page.getByTestId('event-log')).not.toContainText('Unload runs');
    await page.keyboard.press('1');
    await atStep(page, 4);
    await expect(answer(page)).toContainText('Right');

    await page.keyboard.press('ArrowRight');
    await atStep(page, 5);
    await expect(page.getByTestId('status')).toHaveText('STATUS_OBJECT_NAME_NOT_FOUND');
    // Home, then a number and Enter, go anywhere.
    await page.keyboard.press('Home');
    await atStep(page, 0);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await atStep(page, 3);
  });

  test('answers a question: what happens, why, the rule with its source, and the score', async ({ page }) => {
    await openLesson(page, 'leaked-handle', 2);
    await page.getByRole('button', { name: 'Ask ▶' }).click();
    await expect(question(page).getByRole('heading')).toHaveText(
      'A handle is still open. Does Unload run now?',
    );
    await question(page)
      .getByRole('button', { name: /deferred until the handle closes/ })
      .click();
    await atStep(page, 3);
    await expect(answer(page)).toContainText('Right');
    await expect(page.getByTestId('explain')).toContainText('Condition (a) fails');
    const source = page
      .getByTestId('answer-rule')
      .getByRole('link', { name: /Source: learn\.microsoft\.com/ });
    await expect(source).toHaveAttribute('href', /unload-routine-environment/);
    await expect(page.getByTestId('score')).toHaveText('Score: 1 of 1 right');
    // A wrong answer counts too.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('1');
    await expect(answer(page)).toContainText('Not quite');
    await expect(page.getByTestId('score')).toHaveText('Score: 1 of 2 right');
  });

  test('opens at the address’s step and keeps the address up to date', async ({ page }) => {
    await openLesson(page, 'leaked-handle', 2);
    await atStep(page, 2);
    await expect(page.getByTestId('status')).toHaveText('STATUS_SUCCESS');
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/[?&]lesson=leaked-handle&step=1$/);
    await page.reload();
    await atStep(page, 1);
  });

  test('an address at a question step asks it: the step before shows, the answer waits', async ({ page }) => {
    // leaked-handle step 4 asks "Does the new open succeed?" (its answer: STATUS_NO_SUCH_DEVICE).
    await openLesson(page, 'leaked-handle', 4);
    await expect(question(page)).toContainText('Does the new open succeed?');
    await atStep(page, 3);
    await expect(page.getByTestId('status')).not.toHaveText('STATUS_NO_SUCH_DEVICE');
    await expect(page.getByTestId('answer')).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]lesson=leaked-handle&step=4$/);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 4);
    await expect(page.getByTestId('status')).toHaveText('STATUS_NO_SUCH_DEVICE');
  });

  test('acting in the past starts a branch; one click returns to the lesson', async ({ page }) => {
    await openLesson(page, 'leaked-handle', 2);
    await page.locator('.react-flow__node[data-id="handle:h1"]').click();
    await page
      .getByRole('region', { name: 'Selected object' })
      .getByRole('button', { name: 'Close handle' })
      .click();
    await atStep(page, 3);
    await expect(page.getByTestId('branch')).toContainText('You acted at step 2');
    await expect(page).toHaveURL(/step=2$/);
    await page.getByRole('button', { name: /Back to the lesson/ }).click();
    await expect(page.getByTestId('branch')).toHaveCount(0);
    await atStep(page, 2);
    await expect(slider(page)).toHaveAttribute('max', '5');
  });
});

test.describe('a picture a student can read', () => {
  test('a device stack is one framed unit, and the legend explains every shape; accessible', async ({
    page,
  }) => {
    await openLesson(page, 'orderly-removal', 7);
    const frame = page.locator('.react-flow__node[data-id="frame:ToasterPdo"]');
    await expect(frame).toContainText('device stack of ToasterPdo');
    // Top of the stack at the top: filter above function device above PDO, each naming its driver.
    const y = async (id: string) =>
      (await page.locator(`.react-flow__node[data-id="device:${id}"]`).boundingBox())?.y ?? 0;
    expect(await y('ToastFilterDo')).toBeLessThan(await y('ToasterFdo'));
    expect(await y('ToasterFdo')).toBeLessThan(await y('ToasterPdo'));
    await expect(page.locator('.react-flow__node[data-id="device:ToasterFdo"]')).toContainText('Toaster');
    // No label is cut off: every card title shows its whole name.
    for (const title of await page.locator('.card-title').all()) {
      const cut = await title.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(cut, (await title.textContent()) ?? '').toBe(false);
    }
    await page.getByText('Legend', { exact: true }).click();
    await expect(page.getByTestId('legend')).toContainText('A device stack: one unit');
    await checkA11y(page, 'legend, light');
    await page.keyboard.press('t');
    await checkA11y(page, 'legend, dark');
  });
});

test.describe('animation that tells the truth', () => {
  test('mid-animation the graph, checklist and log do not yet show the step’s outcome', async ({ page }) => {
    // Step 5's address opens with its question asked, at step 4.
    await openLesson(page, 'leaked-handle', 5);
    await page.getByLabel('Speed').selectOption('0.5');
    const driver = page.locator('.react-flow__node[data-id="driver:Beeper"]');
    const layer = page.getByTestId('animation-layer');
    await expect(driver).toContainText('Unload Pending');
    await expect(question(page)).toBeVisible();
    await page.keyboard.press('2');
    await expect(layer).toHaveAttribute('data-animating', 'true');
    // The handle is closing; Unload has not run yet in the picture, nor in the log.
    await expect(driver).toContainText('Unload Pending');
    await expect(driver).not.toContainText('unloaded');
    await expect(page.getByTestId('event-log').locator('[data-now="true"]')).toHaveCount(1);
    await expect(page.getByTestId('event-log').locator('[data-event="imageFreed"]')).toHaveCount(0);
    // When the last event has played, the final world shows.
    await expect(layer).toHaveAttribute('data-animating', 'false', { timeout: 20_000 });
    await expect(driver).toContainText('unloaded');
    await expect(page.getByTestId('event-log').locator('[data-event="imageFreed"]')).toHaveCount(1);
  });
});

test.describe('the gallery', () => {
  test('searches and filters, and opening a lesson starts at step 0', async ({ page }) => {
    await page.goto('/?view=lessons');
    const gallery = page.getByRole('dialog', { name: 'Lessons' });
    await expect(gallery).toBeVisible();
    await expect(gallery.getByRole('status')).toHaveText('46 of 46 lessons');
    await gallery.getByLabel('Operating system').selectOption('svr5');
    await expect(gallery.getByRole('status')).toHaveText('14 of 46 lessons');
    await gallery.getByLabel('Search').fill('depends');
    // svr5-dependencies, and svr5-unload-all (tcp needs ip: its load cites the dependency rule).
    await expect(gallery.locator('[data-lesson]')).toHaveCount(2);
    await gallery.getByLabel('Operating system').selectOption('all');
    await gallery.getByLabel('Search').fill('');
    await gallery.getByLabel('Topic').selectOption('removal');
    await expect(gallery.locator('[data-lesson="orderly-removal"]')).toBeVisible();
    await checkA11y(page, 'gallery, light');
    await page
      .getByRole('button', { name: 'Open the lesson: How does an orderly removal take a device stack down?' })
      .click();
    await expect(gallery).toHaveCount(0);
    await atStep(page, 0);
    await expect(page).toHaveURL(/lesson=orderly-removal&step=0/);
  });

  test('is accessible in the dark theme', async ({ page }) => {
    await page.goto('/?view=lessons');
    await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Lessons' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
    await checkA11y(page, 'gallery, dark');
  });
});

test.describe('presenter mode', () => {
  test('P hides the editing chrome and enlarges the text; accessible in light and dark', async ({ page }) => {
    await openLesson(page, 'filter-attached', 3);
    await page.keyboard.press('p');
    const root = page.locator('.visualizer');
    await expect(root).toHaveAttribute('data-presenter', 'true');
    await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Selected object' })).toHaveCount(0);
    await expect(page.getByText('Text size')).toHaveCount(0);
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect(page.getByRole('group', { name: 'Text size' })).toContainText('175%');
    // Keys still work after that mouse click.
    await page.keyboard.press('Space');
    await expect(page.getByTestId('question')).toBeVisible();
    await checkA11y(page, 'presenter, light');
    await page.keyboard.press('t');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await checkA11y(page, 'presenter, dark');
    await page.keyboard.press('p');
    await expect(root).not.toHaveAttribute('data-presenter', 'true');
  });
});

test.describe('Windows beside SVR5', () => {
  test('steps two lessons of one idea together, with the mapping; accessible in light and dark', async ({
    page,
  }) => {
    await page.goto('/?view=compare&pair=busy');
    await expect(page.getByTestId('mapping')).toContainText('Unload asked while a device is open');
    const win = page.getByTestId('compare-windows');
    const svr = page.getByTestId('compare-svr5');
    await expect(win).toContainText('What does sc stop do while a handle is open?');
    await expect(svr).toContainText('What does modadmin -U do while a device is open?');
    // → steps, and asks a beat's question before showing it (→ again reveals): on to beat 3.
    await expect(async () => {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('beat-note')).toContainText('Windows says yes and waits', {
        timeout: 700,
      });
    }).toPass({ timeout: 15_000 });
    await expect(win.getByTestId('status')).toHaveText('STATUS_SUCCESS');
    await expect(svr.getByTestId('status')).toHaveText('EBUSY');
    await expect(page).toHaveURL(/pair=busy&beat=3/);
    await checkA11y(page, 'compare, light');
    await page.getByRole('button', { name: '☾ Dark' }).click();
    await expect(win).toHaveAttribute('data-theme', 'dark');
    await checkA11y(page, 'compare, dark');
    await page.getByLabel('Idea').selectOption('refuse');
    await expect(page.getByTestId('beat-note')).toContainText('An empty system');
  });
});

test.describe('record your own', () => {
  test('records, exports and re-imports a lesson; a bad file is refused with its problems', async ({
    page,
  }, info) => {
    await openLesson(page, 'leaked-handle', 1);
    await page.keyboard.press('e');
    const editor = page.getByRole('dialog', { name: 'Record a lesson' });
    await editor.getByRole('button', { name: 'Start empty: Windows (WDM)' }).click();
    await editor.getByRole('button', { name: 'Close' }).click();
    // Act: load a legacy driver from the palette, then stop it.
    await page.keyboard.press('a');
    await page.getByRole('button', { name: 'Load driver', exact: true }).click();
    const form = page.getByRole('form', { name: 'Load driver' });
    await form.getByLabel('Model').selectOption('legacy');
    await form.getByLabel('Control device (optional)').fill('Ctl1');
    await form.getByRole('button', { name: 'Run: Load driver' }).click();
    await expect(page.getByTestId('status')).toHaveText('STATUS_SUCCESS');

    await page.keyboard.press('e');
    await editor.getByLabel('Title').fill('My lesson on stopping');
    const step1 = editor.locator('[data-editor-step="1"]');
    await step1.getByLabel('Narration').fill('A legacy driver starts.');
    await step1.getByText('Question (asked before this step is shown)').click();
    await step1.getByLabel('Question').fill('Does it load?');
    await step1.getByLabel('Choices, one per line').fill('Yes\nNo');
    await step1.getByLabel('Right choice').selectOption('0');
    const download = page.waitForEvent('download');
    await editor.getByRole('button', { name: 'Export the lesson (.json)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('my-lesson-on-stopping.json');
    const saved = info.outputPath('recorded.json');
    await file.saveAs(saved);

    // A broken file: every problem with its place; the lesson on screen stays.
    const bad = info.outputPath('bad.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      bad,
      JSON.stringify({
        format: 'unload-scenario/1',
        title: 'x',
        os: 'windows',
        steps: [{ do: 'stopDrivr' }],
      }),
    );
    await editor.locator('input[type="file"]').setInputFiles(bad);
    await expect(editor.getByTestId('import-problems')).toContainText('steps[0].do');
    await expect(page.getByRole('banner')).toContainText('My lesson on stopping');

    await editor.locator('input[type="file"]').setInputFiles(saved);
    await expect(editor.getByRole('status')).toContainText('Imported recorded.json');
    await editor.getByRole('button', { name: 'Close' }).click();
    await atStep(page, 0);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('question')).toContainText('Does it load?');
  });
});
