import { checkA11y, expect, test } from './fixtures';

// Buttons drawn from the command registry (src/panels/CommandButton.tsx): label, keys, and why not.

test('a lesson’s timeline: Back at step 0 is disabled and says why; Next names its keys', async ({
  page,
}) => {
  await page.goto('/?lesson=leaked-handle&step=0');
  const back = page.getByRole('button', { name: '◀ Back' });
  await expect(back).toBeDisabled();
  await expect(back).toHaveAccessibleDescription('at the first step');
  await expect(back).toHaveAttribute('title', /^Back \(← · Page Up\): at the first step$/);
  const next = page.locator('[data-next]');
  await expect(next).toBeEnabled();
  await expect(next).toHaveAttribute('aria-keyshortcuts', 'ArrowRight Space PageDown');
  await next.click();
  await expect(back).toBeEnabled();
  await expect(back).not.toHaveAttribute('aria-describedby');
  await checkA11y(page, 'timeline with command buttons');
});

test('presenter bar: A+ stops at the largest text and says why', async ({ page }) => {
  await page.goto('/?lesson=leaked-handle&step=0');
  await page.getByRole('button', { name: 'Present' }).click();
  const bigger = page.getByRole('button', { name: 'Larger text' });
  for (let i = 0; i < 8 && (await bigger.isEnabled()); i++) await bigger.click();
  await expect(bigger).toBeDisabled();
  await expect(bigger).toHaveAccessibleDescription('the text is at its largest');
  await expect(page.getByRole('button', { name: 'Smaller text' })).toBeEnabled();
});

test('the embed’s controls: step back disabled at step 0 with its reason, forward runs', async ({ page }) => {
  await page.goto('/embed.html?scenario=windows-default&step=0&controls=full&theme=dark');
  const back = page.getByRole('button', { name: 'Step back' });
  await expect(back).toBeDisabled();
  await expect(back).toHaveAccessibleDescription('at the first step');
  await expect(page.getByRole('button', { name: 'First step' })).toBeDisabled();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText('step 1 /')).toBeVisible();
  await expect(back).toBeEnabled();
  await checkA11y(page, 'embed controls, dark');
});
