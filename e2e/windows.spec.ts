import { AppPage } from './app';
import { expect, test } from './fixtures';

test.describe('the default Windows scenario', () => {
  test('a leaked handle defers Unload until it closes', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();

    // Open a second handle on the Beep control device.
    await app.select('device:Beep');
    await app.act('Open a handle');
    await expect(app.status()).toHaveText('STATUS_SUCCESS');
    await expect(app.node('handle:h2')).toBeVisible();

    // Stop the driver: sc stop succeeds, but Unload waits.
    await app.select('driver:Beep');
    await app.act('Stop (sc stop)');
    await expect(app.status()).toHaveText('STATUS_SUCCESS');
    await expect(app.node('driver:Beep')).toContainText('Unload Pending');
    const refs = app.condition('noReferences');
    await expect(refs).toHaveAttribute('data-met', 'false');
    await expect(refs).toContainText('h1');
    await expect(refs).toContainText('h2');

    // A new open is refused, in the kernel's words.
    await app.select('device:Beep');
    const open = app.selectedActions().getByRole('button', { name: 'Open a handle', exact: true });
    await expect(open).toBeDisabled();
    await expect(app.selectedActions()).toContainText('STATUS_NO_SUCH_DEVICE');

    // Close both handles: the last close lets Unload run.
    await app.select('handle:h1');
    await app.act('Close handle');
    await expect(app.node('driver:Beep')).toContainText('Unload Pending');
    await app.select('handle:h2');
    await app.act('Close handle');
    await expect(app.node('driver:Beep')).toContainText('unloaded');
    await expect(app.eventLog()).toContainText('Beep: Unload runs');
    await expect(app.node('device:Beep')).toHaveCount(0);
  });

  test('an orderly removal goes top-down and unloads the filter and function drivers', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.select('device:ToasterFdo');
    await app.act('Request removal');
    await expect(app.status()).toHaveText('STATUS_SUCCESS');
    const log = app.eventLog();
    const query = log.getByText(/IRP_MN_QUERY_REMOVE_DEVICE reaches/);
    await expect(query).toHaveCount(3);
    await expect(query.nth(0)).toContainText('ToastFilterDo');
    await expect(query.nth(1)).toContainText('ToasterFdo');
    await expect(query.nth(2)).toContainText('ToasterPdo');
    await expect(app.node('driver:Toaster')).toContainText('unloaded');
    await expect(app.node('driver:ToastFilter')).toContainText('unloaded');
    await expect(app.node('driver:BusEnum')).toContainText('loaded');
    await expect(app.node('driver:BusEnum')).not.toContainText('unloaded');
  });

  test('undo and redo travel in time with the keyboard', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await expect(page.getByText('step 9 / 9')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('step 8 / 9')).toBeVisible();
    await expect(app.node('handle:h1')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText('step 9 / 9')).toBeVisible();
    await expect(app.node('handle:h1')).toBeVisible();
  });
});

test('the palette loads a legacy driver with a control device, and sc stop unloads it at once', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: /All actions/ }).click();
  await page.getByRole('button', { name: 'Load driver', exact: true }).click();
  const form = page.getByRole('form', { name: 'Load driver' });
  await form.getByLabel('Model').selectOption('legacy');
  await form.getByLabel('Control device (optional)').fill('Ctl1');
  await form.getByRole('button', { name: 'Run: Load driver' }).click();
  await expect(app.status()).toHaveText('STATUS_SUCCESS');
  await expect(app.node('driver:Driver1')).toContainText('legacy');
  await expect(app.node('device:Ctl1')).toBeVisible();
  await app.select('driver:Driver1');
  await app.act('Stop (sc stop)');
  await expect(app.node('driver:Driver1')).toContainText('unloaded');
  await expect(app.node('device:Ctl1')).toHaveCount(0);
});
