import type { Page } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

/** Issue 19: KMDF and Driver Verifier in the browser: a lesson asked and revealed, the stopped machine on screen. */

const slider = (page: Page) => page.getByRole('slider', { name: /^Step/ });
const atStep = (page: Page, n: number) => expect(slider(page)).toHaveValue(String(n));

async function openLesson(page: Page, id: string, step?: number) {
  await page.goto(`/?lesson=${id}${step === undefined ? '' : `&step=${step}`}`);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
}

test('Driver Verifier: the question comes before the bug check, then the stopped machine covers the graph', async ({
  page,
}) => {
  await openLesson(page, 'verifier-pool-leak', 3);
  await expect(page.getByTestId('halted')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('question')).toContainText('under Driver Verifier');
  // Nothing shows the answer before the reveal: no stopped screen, no bug check in the log.
  await expect(page.getByTestId('halted')).toHaveCount(0);
  await expect(page.getByTestId('event-log')).not.toContainText('bug check');
  await page.keyboard.press('3');
  await atStep(page, 4);
  await expect(page.getByTestId('answer')).toContainText('Right');
  const halted = page.getByTestId('halted');
  await expect(halted).toBeVisible();
  await expect(halted).toContainText('Bug check 0x000000C4: DRIVER_VERIFIER_DETECTED_VIOLATION');
  await expect(halted).toContainText('Parameter 1: 0x62');
  await expect(page.getByTestId('event-log').locator('[data-event="bugCheck"]')).toHaveCount(1);
  await checkA11y(page, 'a stopped machine');
  // Every later step is refused: the machine has stopped.
  await page.keyboard.press('ArrowRight');
  await atStep(page, 5);
  await expect(page.getByTestId('status')).toHaveText('STATUS_SYSTEM_SHUTDOWN');
  // Back before the bug check, the machine runs again.
  await page.keyboard.press('Home');
  await expect(halted).toHaveCount(0);
});

test('KMDF: the framework fails the query-remove, then tears the device down children first', async ({
  page,
}) => {
  await openLesson(page, 'kmdf-removal', 6);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('question')).toContainText('no query-remove code of its own');
  await page.keyboard.press('2');
  await atStep(page, 7);
  await expect(page.getByTestId('answer')).toContainText('Right');
  await expect(page.getByTestId('event-log')).toContainText('STATUS_INVALID_DEVICE_STATE');
  await page.keyboard.press('ArrowRight');
  await atStep(page, 8);
  await page.keyboard.press('Space');
  await page.keyboard.press('2');
  await atStep(page, 9);
  const log = page.getByTestId('event-log');
  // The step has played to its end (the log grows as it animates).
  await expect(log.locator('[data-event="imageFreed"]')).toHaveCount(1);
  const text = await log.innerText();
  expect(text.indexOf('EvtCleanupCallback for WDFQUEUE ToasterFdo.queue')).toBeGreaterThan(-1);
  expect(text.indexOf('EvtCleanupCallback for WDFQUEUE ToasterFdo.queue')).toBeLessThan(
    text.indexOf('EvtCleanupCallback for WDFDEVICE ToasterFdo'),
  );
  // The driver's card says how it is written.
  await expect(page.getByText('PnP · KMDF · has Unload')).toBeVisible();
});
