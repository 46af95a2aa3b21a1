import { expect, test } from './fixtures';

/**
 * Issue 17: while a question is open, a greyed-out action does not answer
 * it. svr5-busy-while-open asks "What does modadmin -U answer?" with a port
 * open: the selected module's Unload must not be greyed out with the
 * kernel's "EBUSY" beside it; after the reveal, the kernel's words are back.
 */
test('the selected object’s actions say no refusal before the reveal, and do after it', async ({ page }) => {
  await page.goto('/?lesson=svr5-busy-while-open&step=3');
  await expect(page.getByTestId('question')).toContainText('What does modadmin -U answer?');
  await page.locator('.react-flow__node[data-id="module:asyc"]').click();
  const actions = page.getByRole('region', { name: 'Selected object' });
  await expect(actions.getByRole('button').first()).toBeVisible();
  await expect(actions).not.toContainText('EBUSY');
  await expect(actions.getByRole('button', { disabled: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('held-actions.png') });
  // The reveal: at that step (the port still open) nothing is held back, and the kernel's reason shows.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('answer')).toBeVisible();
  await page.locator('.react-flow__node[data-id="module:asyc"]').click();
  await expect(actions).toContainText('EBUSY');
  await expect(actions.getByRole('button', { disabled: true }).first()).toBeVisible();
});
