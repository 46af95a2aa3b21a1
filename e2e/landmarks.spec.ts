import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * The embed page (embed.html) is a page of its own: one main landmark, an h1 naming it (visually
 * hidden: the frame shows the visualizer, not a page title), no repeated landmark; axe's
 * best-practice rules pass at phone widths.
 */
for (const width of [390, 320]) {
  test(`the embed page at ${width} px: one main, an h1, unique landmarks, axe best practices`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/embed.html?scenario=windows-default&step=3&controls=full');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    await expect(h1).toHaveText(/\S/);
    // Visually hidden: it takes no room in the frame.
    const box = await h1.boundingBox();
    expect((box?.width ?? 0) * (box?.height ?? 0)).toBeLessThanOrEqual(1);
    const results = await new AxeBuilder({ page })
      .withTags(['best-practice'])
      .withRules([
        'landmark-one-main',
        'landmark-unique',
        'page-has-heading-one',
        'landmark-no-duplicate-main',
      ])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
}

test('the embed as a component in a host page is a region of that page, not its main', async ({ page }) => {
  await page.goto('/examples/elements.html');
  await expect(page.locator('unload-visualizer').first().locator('.react-flow__node').first()).toBeVisible();
  await expect(page.locator('unload-visualizer main')).toHaveCount(0);
  await expect(page.locator('unload-visualizer [data-embed-root][role="region"]').first()).toBeVisible();
});

/**
 * The pair view (`?view=pair`): one main for the page, no repeated banner, and each visualizer's
 * complementary landmarks (all actions, explain) named after it. (The panels' own regions are
 * named after their visualizer too: landmark-unique and the other best practices in pair.spec.ts.)
 */
for (const width of [1280, 390, 320]) {
  test(`the pair view at ${width} px: one main, no repeated banner, its asides named apart`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/?view=pair');
    await expect(page.getByTestId('visualizer-1').locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    const results = await new AxeBuilder({ page })
      .withRules(['landmark-one-main', 'landmark-no-duplicate-main', 'landmark-no-duplicate-banner'])
      .analyze();
    const found = results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`,
    );
    expect(found).toEqual([]);
    const asides = await page
      .getByRole('complementary')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(asides.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asides).size, asides.join(' | ')).toBe(asides.length);
  });
}
