import { AppPage } from './app';
import { checkA11y, expect, test } from './fixtures';

test('on a phone the default scenario can be read: graph, narration, checklist', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.getByRole('region', { name: 'Current step' })).toBeVisible();
  await expect(app.node('device:Beep')).toBeVisible();
  await app.checklist().scrollIntoViewIfNeeded();
  await expect(app.checklist()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await checkA11y(page, 'phone');
});
