import { HocuspocusProvider } from '@hocuspocus/provider';
import type { Browser, Page } from '@playwright/test';
import WebSocket from 'ws';
import { startClassroom } from '../scripts/classroom';
import { checkA11y, expect, test } from './fixtures';

/**
 * A live class (issue 23), end to end: the class server (`npm run classroom`: Hocuspocus serving the
 * built app and the classes) started here on a port of its own; a teacher in presenter mode, students
 * on a phone (390×844) and a laptop, a late joiner, the presenter console, and a hostile client that
 * tries to drive the class with the real provider.
 */

const PORT = Number(process.env.E2E_PORT ?? 4317) + 10;
const BASE = `http://127.0.0.1:${PORT}`;
let server: Awaited<ReturnType<typeof startClassroom>>;

test.beforeAll(async () => {
  server = await startClassroom({ port: PORT, dist: 'dist', quiet: true });
});
test.afterAll(async () => {
  await server?.close();
});

// leaked-handle: step 3 asks "A handle is still open. Does Unload run now?", choice 1 is right.
const Q = 'A handle is still open. Does Unload run now?';

async function student(browser: Browser, link: string, name: string | null, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1024, height: 768 } },
  );
  const page = await context.newPage();
  await page.goto(link);
  if (name) await page.getByTestId('live-name').fill(name);
  await page.getByTestId('live-join').click();
  await expect(page.getByTestId('live-status')).toHaveText(/Live/);
  return page;
}

const stepOf = (p: Page) => p.getByTestId('live-step');

test('a live class: join, follow, answer, live counts on the console only, reveal, histogram, catch-up; students cannot drive', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${BASE}/?lesson=leaked-handle`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.keyboard.press('p');
  await page.getByRole('button', { name: 'Start a live class' }).click();
  const code = (await page.getByTestId('live-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(page.getByTestId('live-qr')).toBeVisible();
  const join = (await page.getByTestId('live-join-link').getAttribute('href')) ?? '';
  expect(join).toBe(`${BASE}/?class=${code}`);
  // The students' link carries no secret; the teacher's own does.
  await expect(page.getByTestId('live-teacher-link')).toContainText('teacher=');

  const ada = await student(browser, join, 'Ada', true);
  const ben = await student(browser, join, null);
  await expect(ben.getByTestId('live-me')).toHaveText(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  await expect(page.getByTestId('live-status')).toHaveText('2 students joined');
  await expect(stepOf(ada)).toHaveText('Step 0 of 5');

  // Follow: the teacher's steps reach every student.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(stepOf(ada)).toHaveText('Step 2 of 5');
  await expect(stepOf(ben)).toHaveText('Step 2 of 5');
  // …and the student cannot step past a question the class has not answered.
  await expect(ada.getByRole('button', { name: 'Next ▶' })).toBeDisabled();

  // The presenter console, for the teacher's eyes: live counts.
  const [console_] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Console' }).click(),
  ]);
  await expect(console_.getByTestId('console-live')).toContainText(`Live class ${code}: 2 joined`);

  // The teacher asks: every student's device asks it.
  await page.keyboard.press('ArrowRight');
  await expect(ada.getByTestId('live-question')).toContainText(Q);
  await expect(ben.getByTestId('live-question')).toContainText(Q);
  await ada.screenshot({ path: test.info().outputPath('phone-question.png') });
  await checkA11y(ada, 'student view at a question (390×844)');
  const adaChoices = ada.getByTestId('live-choice');
  await adaChoices.nth(0).tap();
  await expect(adaChoices.nth(0)).toHaveAttribute('aria-pressed', 'true');
  await adaChoices.nth(1).tap(); // changes her mind before the reveal
  await expect(adaChoices.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(adaChoices.nth(0)).toHaveAttribute('aria-pressed', 'false');
  await ben.getByTestId('live-choice').nth(2).click();

  const live = console_.getByTestId('console-live');
  await expect(live).toContainText('2 of 2 answered');
  await expect(live.getByTestId('live-count')).toHaveText(['0 answers', '1 answer', '1 answer']);
  // The projector shows no counts before the reveal.
  await expect(page.getByTestId('live-histogram')).toHaveCount(0);

  // A late joiner lands on the teacher's step, asked the open question.
  const cy = await student(browser, join, 'Cy');
  await expect(stepOf(cy)).toHaveText('Step 2 of 5');
  await expect(cy.getByTestId('live-question')).toContainText(Q);

  // A student who tries to drive, with the real provider: the server refuses; the class does not move.
  const refusals: string[] = [];
  const rogue = new HocuspocusProvider({
    url: `ws://127.0.0.1:${PORT}`,
    name: code,
    token: JSON.stringify({ role: 'student', id: 'rogue-student-000000000', name: 'Rogue' }),
    WebSocketPolyfill: WebSocket,
    onStateless: ({ payload }) => refusals.push(payload),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  await expect.poll(() => rogue.isSynced).toBe(true);
  rogue.sendStateless(JSON.stringify({ type: 'step', step: 5 }));
  rogue.sendStateless(JSON.stringify({ type: 'reveal', step: 3, answer: 0 }));
  rogue.sendStateless(JSON.stringify({ type: 'lesson', lesson: 'outstanding-irp', steps: 9, questions: {} }));
  // A write straight into the shared document: the connection is read-only, the server drops it.
  rogue.document.getMap('class').set('step', 5);
  await expect
    .poll(() => refusals.filter((r) => r.includes('only the teacher moves the class')).length)
    .toBe(3);
  rogue.destroy();
  await expect(stepOf(ada)).toHaveText('Step 2 of 5');
  await expect(ada.getByTestId('live-question')).toBeVisible();

  // Reveal: the projector shows the histogram with the right answer marked, no names; each student sees theirs.
  await page.keyboard.press('ArrowRight');
  const histogram = page.getByTestId('live-histogram');
  await expect(histogram).toContainText('2 of 4 answered');
  await expect(histogram.locator('.live-bar-right')).toContainText(
    '✓ Right answer: No: the unload is deferred',
  );
  await expect(histogram.getByTestId('live-count')).toHaveText(['0 answers', '1 answer', '1 answer']);
  await expect(page.locator('body')).not.toContainText('Ada');
  await expect(ada.getByTestId('live-verdict')).toHaveText(/^✓ Right/);
  await expect(ben.getByTestId('live-verdict')).toHaveText(/^✗ Not this time/);
  await expect(cy.getByTestId('live-verdict')).toHaveText(/^You did not answer/);
  await expect(stepOf(ada)).toHaveText('Step 3 of 5');
  await page.screenshot({ path: test.info().outputPath('projector-histogram.png') });
  await ada.screenshot({ path: test.info().outputPath('phone-verdict.png') });
  await checkA11y(page, 'projector with the class histogram');
  await checkA11y(ada, 'student view after the reveal (390×844)');

  // A student steps back on their own, then catches up in one tap.
  await ben.getByRole('button', { name: '◀ Back' }).click();
  await ben.getByRole('button', { name: '◀ Back' }).click();
  await expect(stepOf(ben)).toHaveText('Step 1 of 5');
  await page.keyboard.press('ArrowRight'); // the teacher asks step 4's question meanwhile
  await expect(stepOf(ben)).toHaveText('Step 1 of 5');
  await ben.getByTestId('live-catch-up').click();
  await expect(stepOf(ben)).toHaveText('Step 3 of 5');
  await expect(ben.getByTestId('live-question')).toContainText('Does the new open succeed?');

  // A student's connection drops and comes back (a reload on the same phone): same seat, answer kept.
  await ada.getByTestId('live-choice').nth(1).tap();
  await expect(console_.getByTestId('console-live')).toContainText('1 of 4 answered');
  await ada.reload();
  await expect(ada.getByTestId('live-status')).toHaveText(/Live/);
  await expect(ada.getByTestId('live-me')).toHaveText('Ada');
  await expect(ada.getByTestId('live-choice').nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('live-status')).toHaveText('4 students joined');
  await expect(console_.getByTestId('console-live')).toContainText('1 of 4 answered');

  // Every socket cut at once (the room's Wi-Fi drops): each page reconnects by itself, nothing is lost,
  // and the class goes on from where it was.
  server.drop();
  await expect(ada.getByTestId('live-choice').nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(ada.getByTestId('live-status')).toHaveText(/Live/, { timeout: 20_000 });
  await expect(page.getByTestId('live-status')).toHaveText('4 students joined', { timeout: 20_000 });
  await expect(console_.getByTestId('console-live')).toContainText('1 of 4 answered', { timeout: 20_000 });
  await ben.getByTestId('live-choice').nth(1).click();
  await expect(console_.getByTestId('console-live')).toContainText('2 of 4 answered');
  await page.keyboard.press('ArrowRight'); // reveal, after the drop
  await expect(ben.getByTestId('live-verdict')).toHaveText(/^✓ Right/);
  await expect(page.getByTestId('live-histogram')).toContainText('2 of 4 answered');
});

test.describe('without a class server', () => {
  // The app's own origin (vite preview here) serves no classes: the browser logs the refused socket and the
  // refused POST itself; the page says it in words and carries on.
  test.use({
    allowedPageErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/' failed|\/classroom\/session/,
  });

  test('a student whose server is gone is told so, and the lessons still open', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/?class=ABCDEF');
    await page.getByTestId('live-join').click();
    await expect(page.getByTestId('live-status')).toContainText(
      'does not answer. This lesson still works here on its own',
    );
    await page.getByRole('link', { name: 'Open the lessons on your own' }).click();
    await expect(
      page.getByRole('dialog', { name: /lessons/i }).or(page.getByTestId('gallery')),
    ).toBeVisible();
  });

  test('a teacher whose server is unreachable is told how to start one; the lesson goes on', async ({
    page,
  }) => {
    await page.goto('/?lesson=leaked-handle');
    await expect(page.getByTestId('timeline')).toBeVisible();
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Start a live class' }).click();
    await expect(page.getByTestId('live-problem')).toContainText('npm run classroom');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('input[type="range"]')).toHaveValue('1');
  });
});
