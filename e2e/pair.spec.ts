import { checkA11y, expect, test } from './fixtures';

/**
 * Two visualizers on one page (`?view=pair`), each with its own store: a
 * click, a key, a theme or a step in one never reaches the other.
 */
test('two visualizers on one page are driven independently', async ({ page }) => {
  await page.goto('/?view=pair');
  const win = page.getByTestId('visualizer-0');
  const svr = page.getByTestId('visualizer-1');
  await expect(win.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await expect(svr.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
  await expect(win.getByText('step 9 / 9')).toBeVisible();
  const svrSteps = await svr.getByText(/^step \d+ \/ \d+$/).textContent();

  // Select and act in the first: the second keeps its own selection (none) and step.
  await win.locator('.react-flow__node[data-id="driver:Beep"]').click();
  await expect(win.getByRole('region', { name: 'Selected object' })).toContainText('Beep');
  await win
    .getByRole('region', { name: 'Selected object' })
    .getByRole('button', { name: 'Stop (sc stop)', exact: true })
    .click();
  await expect(win.getByTestId('status')).toHaveText('STATUS_SUCCESS');
  await expect(win.getByText('step 10 / 10')).toBeVisible();
  await expect(svr.getByRole('region', { name: 'Selected object' })).toContainText('Select an object');
  await expect(svr.getByText(svrSteps ?? '')).toBeVisible();

  // A key acts on the visualizer that has focus, and only on it. (On a graph object the arrows move
  // between objects: focus a button of the second.)
  await svr.getByRole('button', { name: 'Lessons' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(win.getByText('step 10 / 10')).toBeVisible();
  await expect(svr.getByText(svrSteps ?? '')).toHaveCount(0);

  // Each has its own theme.
  await win.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(win.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');
  await expect(svr.locator('.visualizer')).toHaveAttribute('data-theme', 'light');

  // Each its own OS: switching the first leaves the second where it was.
  await win.getByRole('radio', { name: 'SVR5 (DDI)' }).click();
  await expect(win.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
  await expect(svr.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
  await checkA11y(page, 'two visualizers');
});
