import { SESSION } from '../src/kernel/debugger/fixtures/session';
import { checkA11y, expect, test } from './fixtures';

test('a driver engineer pastes a debugger session and sees what holds the driver, and the lines not read', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /paste debugger output/i }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Debugger output' })).toBeFocused();
  // Bad text first: the current work stays, and the dialog says what to paste.
  await dialog.getByRole('textbox').fill('this is not debugger output');
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog.getByRole('alert')).toContainText('no driver could be read');
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();

  await dialog.getByRole('textbox').fill(SESSION);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog).toHaveCount(0);
  const findings = page.getByTestId('debugger-findings');
  await expect(findings).toContainText('\\Driver\\pulsar');
  await expect(findings.locator('[data-status="holds"]').first()).toBeVisible();
  await expect(findings.getByRole('link', { name: /kd> !/ }).first()).toBeVisible();
  await expect(page.getByTestId('unread-lines')).toContainText(/line \d+:/);
  // The graph draws the world of the paste: the driver and its devices.
  await expect(page.locator('.react-flow__node[data-id^="driver:"]').first()).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toHaveCount(0);
  await checkA11y(page, 'debugger findings');
});
