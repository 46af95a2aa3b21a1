import { AppPage } from './app';
import { expect, test } from './fixtures';

test('SVR5: a demand unload of a module with an open device gets EBUSY, and _unload is not called', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('radio', { name: 'SVR5 (DDI)' }).click();
  await expect(app.node('module:asyc')).toBeVisible();

  await app.select('module:asyc');
  const unload = app.selectedActions().getByRole('button', { name: 'Unload (modadmin -U)', exact: true });
  await expect(unload).toBeDisabled();
  await expect(app.selectedActions()).toContainText('EBUSY');
  await expect(app.condition('noOpenDevices')).toHaveAttribute('data-met', 'false');
  await expect(app.condition('noOpenDevices')).toContainText('tty1');

  // Try it anyway: the kernel answers EBUSY and never calls _unload.
  await app
    .selectedActions()
    .getByRole('button', { name: /Try Unload \(modadmin -U\) anyway/ })
    .click();
  await expect(app.status()).toHaveText('EBUSY');
  await expect(app.eventLog()).toContainText('refused with EBUSY');

  // Close the port, then the unload goes through: _unload, CFG_REMOVE per instance, freed.
  await app.select('channel:tty1');
  await app.act('Close channel');
  await app.select('module:asyc');
  await app.act('Unload (modadmin -U)');
  await expect(app.status()).toHaveText('0');
  await expect(app.eventLog()).toContainText('asyc: config(CFG_REMOVE) for asyc0');
  await expect(app.eventLog()).toContainText("asyc: the module's memory is freed");
  await expect(app.node('module:asyc')).toContainText('not loaded');
});

test('SVR5: from the palette, letting time pass lets the daemon unload an idle autoloaded module', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open('?os=svr5');
  await app.select('channel:tty1');
  await app.act('Close channel');
  await page.getByRole('button', { name: /All actions/ }).click();
  await page.getByRole('button', { name: 'Let time pass', exact: true }).click();
  await page.getByLabel('Seconds').fill('60');
  await page.getByRole('button', { name: 'Run: Let time pass' }).click();
  await expect(app.status()).toHaveText('0');
  await expect(app.eventLog()).toContainText('asyc: _unload is called (daemon) at t=60 s');
  await expect(app.node('module:asyc')).toContainText('not loaded');
  // The demand-loaded printer driver is never touched by the daemon.
  await expect(app.node('module:lp')).toContainText('loaded (demand)');
});
