import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * Issue 17, the compare view (`?view=compare`) in front of a class: one main
 * landmark, no two landmarks of a kind with one name (each side's panels are
 * named after its OS), axe's best-practice rules clean at a projector's
 * 1024 px and at phone widths.
 */
for (const width of [1024, 390, 320]) {
  test(`the compare view at ${width} px: one main, unique landmarks, axe best practices`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 768 });
    // A beat where both sides have drawn objects.
    await page.goto('/?view=compare&pair=busy&beat=2');
    await expect(page.getByTestId('compare-windows').locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByTestId('compare-svr5').locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    for (const os of ['Windows (WDM)', 'SVR5 (DDI)'])
      for (const part of ['Current step', 'Unload checklist', 'Event log'])
        await expect(page.getByRole('region', { name: `${os}: ${part}`, exact: true })).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(['best-practice']).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
  });
}
