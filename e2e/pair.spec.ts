import AxeBuilder from '@axe-core/playwright';
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

/**
 * Every landmark of the pair view has a name of its own: each visualizer's parts (timeline, current
 * step, event log, selected object, checklist, inspector) are named after it, so a screen reader's
 * landmark list tells the two apart; axe's best-practice rules pass at a laptop's and phones' widths.
 */
for (const width of [1024, 390, 320]) {
  test(`the pair view at ${width} px: unique landmark names, axe best practices clean`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/?view=pair');
    await expect(page.getByTestId('visualizer-1').locator('.react-flow__node').first()).toBeVisible();
    const names = await page
      .locator('main, nav, aside, section[aria-label], section[aria-labelledby], [role="region"], header')
      .evaluateAll((els) =>
        els
          // What a screen reader lists: drawn landmarks (a closed legend's sections are not).
          .filter((e) => e.getAttribute('aria-label') !== null && e.checkVisibility())
          .map((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label')}`),
      );
    expect(names.length).toBeGreaterThan(10);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    expect(repeated).toEqual([]);
    await expect(
      page
        .getByTestId('visualizer-0')
        .getByRole('navigation', { name: 'Visualizer 1: Windows (WDM): Timeline' }),
    ).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(['best-practice']).analyze();
    const found = results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`,
    );
    expect(found).toEqual([]);
  });
}
