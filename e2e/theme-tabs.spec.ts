import { expect, test } from './fixtures';

/** A theme chosen in one tab reaches the site's other tabs at once (the storage event), with no reload. */
test('a theme change in one tab shows in another at once; an address that asked for a theme keeps it', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const pinned = await context.newPage();
  await first.goto('/');
  await second.goto('/');
  await pinned.goto('/?theme=light');
  for (const p of [first, second, pinned])
    await expect(p.locator('.visualizer')).toHaveAttribute('data-theme', 'light');
  const loads = { n: 0 };
  second.on('load', () => loads.n++);

  await first.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(first.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');
  await expect(second.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');
  await expect(second.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  // The tab whose address says theme=light stays light.
  await expect(pinned.locator('.visualizer')).toHaveAttribute('data-theme', 'light');

  // And back, from the other tab.
  await second.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(first.locator('.visualizer')).toHaveAttribute('data-theme', 'light');
  expect(loads.n, 'no reload').toBe(0);
});
