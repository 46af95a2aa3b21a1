import { AppPage } from './app';
import { expect, test } from './fixtures';

test.describe('explaining a decision', () => {
  test('a checklist blocker outlines its object in the graph', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.select('driver:Beep');
    await app.act('Stop (sc stop)');
    await app.condition('noReferences').getByRole('button', { name: /h1/ }).click();
    await expect(app.node('handle:h1').locator('.card-highlight')).toHaveCount(1);
  });

  test('clicking a step in the event log travels back to it', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.eventLog().getByRole('button', { name: /^5\s/ }).click();
    await expect(page.getByText('step 5 / 9')).toBeVisible();
    await expect(app.eventLog().locator('[aria-current="step"]')).toContainText('createDevice');
    // The Toaster FDO exists from step 5; the filter comes at step 7.
    await expect(app.node('device:ToasterFdo')).toBeVisible();
    await expect(app.node('device:ToastFilterDo')).toHaveCount(0);
  });

  test('a step animates, then settles; instant mode shows it at once', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const layer = page.getByTestId('animation-layer');
    await app.select('device:Beep');
    await app.act('Open a handle');
    await expect(layer).toHaveAttribute('data-animating', 'true');
    await expect(layer).toHaveAttribute('data-animating', 'false', { timeout: 15_000 });
    await page.getByLabel('Instant').check();
    await app.select('handle:h2');
    await app.act('Close handle');
    await expect(app.node('handle:h2')).toHaveCount(0);
    await expect(layer).toHaveAttribute('data-animating', 'false');
  });
});
