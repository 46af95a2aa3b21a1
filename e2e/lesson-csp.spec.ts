import type { Page } from '@playwright/test';
import { LESSON_IDS } from '../src/scenarios/lessons/ids';
import { CSP, STRICT_CSP, serveDist, violations, watchViolations, type DistServer } from './hosting';
import { expect, test } from './fixtures';

/**
 * Every built-in lesson stepped through by keyboard under the documented policy, and the first
 * few under the strict one (Trusted Types; no lesson step goes near a script-URL sink), for
 * issue 25, item 7: "the lesson step under the shipped CSP timed out once". Each step lands
 * within 10 s (the test notes those over 2 s), a question is answered where it is asked (a step
 * that asks first is held until then: a probe that waits for the step alone waits forever), and
 * nothing is reported. Not reproduced here: 80 lessons, every step under 2 s.
 */
test.use({ serviceWorkers: 'allow' });

let server: DistServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

const slider = (page: Page) => page.getByRole('slider', { name: /^Step/ });

async function stepThrough(page: Page, id: string, slow: string[]) {
  await page.goto(`${server!.url}/?lesson=${id}`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(slider(page)).toHaveValue('0');
  const last = Number(await slider(page).getAttribute('aria-valuemax'));
  for (let n = 1; n <= last; n++) {
    const t0 = Date.now();
    await page.keyboard.press('ArrowRight');
    const question = page.getByTestId('question');
    // A step that asks first shows its question and waits for the answer.
    const landed = async () => (await slider(page).inputValue()) === String(n);
    await expect.poll(async () => (await landed()) || (await question.isVisible())).toBe(true);
    if (!(await landed())) {
      await question.getByRole('button').first().press('Enter');
    }
    await expect(slider(page), `${id}: step ${n} of ${last}`).toHaveValue(String(n), { timeout: 10_000 });
    const ms = Date.now() - t0;
    if (ms > 2_000) slow.push(`${id} step ${n}: ${ms} ms`);
  }
}

for (const [name, csp, lessons] of [
  ['the documented policy', CSP, LESSON_IDS],
  ['the strict policy (Trusted Types)', STRICT_CSP, LESSON_IDS.slice(0, 6)],
] as const) {
  test(`under ${name}, ${lessons.length} lessons step to their end with nothing reported`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    server = await serveDist(csp);
    await watchViolations(page);
    const slow: string[] = [];
    for (const id of lessons) await stepThrough(page, id, slow);
    expect(await violations(page)).toEqual([]);
    test.info().annotations.push({ type: 'steps over 2 s', description: slow.join('; ') || 'none' });
    console.log(`${name}: ${lessons.length} lessons; steps over 2 s: ${slow.join('; ') || 'none'}`);
  });
}
