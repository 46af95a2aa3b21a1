import { EmbedHost } from './embedHost';
import { checkA11y, expect, test } from './fixtures';

// Issue 17: a frame opened on a lesson step with a question draws the question, its choices and then
// the answer itself (`questions=host` leaves them to the page). The host page here is dark, the frame 400 px.

const OPEN_AT_QUESTION = { type: 'dispatch', action: { do: 'openLesson', id: 'leaked-handle', step: 3 } };

async function openAtQuestion(host: EmbedHost, params = '') {
  await host.open(`/embed.html?scenario=windows-default&controls=minimal&theme=dark${params}`, '400px', {
    height: 900,
  });
  await host.expectMessage('ready');
  const n = await host.count();
  await host.send(OPEN_AT_QUESTION);
  const state = await host.expectMessage('state', { step: 2 }, n);
  expect(state.question).toMatchObject({ step: 3 });
  return host.frame();
}

test.describe('a lesson’s question in the frame', () => {
  test('asked in the frame, answered by pointer, the answer revealed; 400 px on a dark page, axe clean', async ({
    page,
    baseURL,
  }) => {
    const host = new EmbedHost(page, baseURL!);
    const frame = await openAtQuestion(host);
    const question = frame.getByTestId('question');
    await expect(question).toBeVisible();
    const choices = question.locator('button.choice');
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
    // Nothing answers it yet.
    await expect(frame.getByTestId('answer')).toHaveCount(0);
    // 400 px wide: nothing wider than the frame.
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = await question.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(400);
    await checkA11y(page, 'embed question, 400 px dark');

    const n = await host.count();
    await choices.nth(1).click();
    await expect(frame.getByTestId('answer')).toBeVisible();
    await expect(frame.getByTestId('question')).toHaveCount(0);
    await host.expectMessage('state', { step: 3, question: null }, n);
    await expect(frame.getByText('step 3 / 5')).toBeVisible();
    await checkA11y(page, 'embed answer, 400 px dark');
  });

  test('answered by keyboard: a digit picks the choice; Reveal shows the answer without one', async ({
    page,
    baseURL,
  }) => {
    const host = new EmbedHost(page, baseURL!);
    const frame = await openAtQuestion(host);
    await frame.getByTestId('question').locator('button.choice').first().focus();
    await page.keyboard.press('2');
    await expect(frame.getByTestId('answer')).toBeVisible();

    // Back closes the step; forward asks again (the answer kept), Reveal in the controls reveals.
    await host.send(OPEN_AT_QUESTION);
    await expect(frame.getByTestId('question')).toBeVisible();
    await frame.getByRole('button', { name: 'Reveal the answer' }).click();
    await expect(frame.getByTestId('answer')).toContainText('The answer');
  });

  test('questions=host keeps it out of the frame: the host hears it in state.question', async ({
    page,
    baseURL,
  }) => {
    const host = new EmbedHost(page, baseURL!);
    const frame = await openAtQuestion(host, '&questions=host');
    await expect(frame.getByText('step 2 / 5')).toBeVisible();
    await expect(frame.getByTestId('question')).toHaveCount(0);
    // And forward steps as it always did in a frame (redo: the host asks).
    await frame.getByRole('button', { name: 'Step forward' }).click();
    await expect(frame.getByText('step 3 / 5')).toBeVisible();
  });
});
