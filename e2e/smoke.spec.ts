import { expect, test } from './fixtures';

test('the app loads: title and main landmark', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Unload Lens/);
  await expect(page.getByRole('main')).toBeVisible();
});
