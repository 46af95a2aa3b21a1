import { SESSION } from '../src/kernel/debugger/fixtures/session';
import { SESSION_LOG } from '../src/kernel/debugger/fixtures/sessionLog';
import { OBJECT_SERIAL0_FAILED_UNLOAD } from '../src/kernel/debugger/fixtures/real/who';
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
  await expect(dialog.getByRole('alert')).toContainText('nothing this reader reads was found');
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

test('a whole session log: one picture, which process holds the driver, and the lines not read', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /paste debugger output/i }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Debugger output' }).fill(SESSION_LOG);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog).toHaveCount(0);

  // The graph: both drivers of the session, orbis's device merged from five commands, the PnP manager's PDO below it.
  await expect(page.locator('.react-flow__node[data-id="driver:orbis"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="driver:quasar"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id^="device:"]')).toHaveCount(3);
  // The handle the paste names is drawn as orbisctl.exe's, not as a stand-in of unknown owner.
  await expect(page.locator('.react-flow__node[data-id="handle:orbisctl.exe.00f4"]')).toBeVisible();

  // Which process holds it: named with its PID and handle, and the thread that sent the pending IRP.
  const findings = page.getByTestId('debugger-findings');
  const orbis = findings
    .locator('div', { has: page.getByRole('heading', { name: '\\Driver\\orbis' }) })
    .first();
  await expect(orbis.getByTestId('debugger-summary')).toContainText('open handles of orbisctl.exe');
  const holder = orbis.locator('[data-finding="holders"]');
  await expect(holder).toHaveAttribute('data-status', 'holds');
  await expect(holder).toContainText(
    'orbisctl.exe (PID 0x1a2c = 6700, process ffffc70b2f1c3080) holds one handle on ffffc70b2d0e4c80 (Orbis0): 0xf4',
  );
  await expect(holder.getByRole('link', { name: 'kd> !process ffffc70b2f1c3080 7' })).toBeVisible();
  await expect(orbis.locator('[data-finding="outstandingIrp"]')).toContainText(
    'it was sent by thread ffffc70b2f2a4080 of orbisctl.exe',
  );

  // The lines not read: the command it does not read, and the debugger's own message inside the !devstack table.
  const unread = page.getByTestId('unread-lines');
  await expect(unread).toContainText('line 2:');
  await expect(unread).toContainText('"lm m orbis" is not a command this reader reads');
  await expect(unread).toContainText('InfoMask field not found');
  await page.screenshot({ path: test.info().outputPath('session-log.png'), fullPage: true });
  await checkA11y(page, 'debugger findings of a whole session');
});

test("a device whose RefCount the paste did not print is drawn with 'RefCount ?', not the simulator's 0", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /paste debugger output/i }).click();
  const dialog = page.getByRole('dialog');
  // Microsoft's failed-unload example: Serial0 printed by !object alone (PointerCount, no RefCount).
  await dialog.getByRole('textbox', { name: 'Debugger output' }).fill(OBJECT_SERIAL0_FAILED_UNLOAD);
  await dialog.getByRole('button', { name: 'Read and draw' }).click();
  await expect(dialog).toHaveCount(0);
  const serial = page.locator('.react-flow__node[data-id="device:Serial0"]');
  await expect(serial).toBeVisible();
  await expect(serial).toContainText('RefCount ?');
  await expect(serial).not.toContainText('RefCount 0');
  await expect(serial.locator('[aria-label*="RefCount not printed"]')).toHaveCount(1);
  // Its driver was not printed: whether it has an Unload routine is not said either.
  const driver = page.locator('.react-flow__node[data-id="driver:driver-not-printed"]');
  await expect(driver).toContainText('Unload not printed');
  await expect(driver).not.toContainText('has Unload');
  await page.screenshot({ path: test.info().outputPath('serial0-refcount.png'), fullPage: true });
});
