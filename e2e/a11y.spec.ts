import { AppPage } from './app';
import { checkA11y, expect, test } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the Windows view has no axe violations', async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.select('device:Beep');
      await checkA11y(page, `windows-${theme}`);
    });

    test('the SVR5 view has no axe violations', async ({ page }) => {
      const app = new AppPage(page);
      await app.open('?os=svr5');
      await app.select('module:asyc');
      await checkA11y(page, `svr5-${theme}`);
    });
  });
}

test('the keyboard shortcuts sheet opens with ?, lists the keys, has no axe violations, and closes with Esc', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Step back in time');
  await checkA11y(page, 'key help');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});
