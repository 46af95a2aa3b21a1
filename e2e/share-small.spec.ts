import { expect, test } from './fixtures';

/**
 * The Share menu on a phone: the panel is whole on screen (it opened past the left edge at
 * 320-390 px, cutting "Import scenario…" and "Export PNG"), and every control in it is at
 * least 24×24 px (WCAG 2.2, 2.5.8).
 */
for (const width of [390, 320]) {
  test(`the Share menu at ${width} px is whole on screen, its controls at least 24×24 px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await expect(page.getByText('step 9 / 9')).toBeVisible();
    await page.getByRole('button', { name: /Share$/ }).click();
    const panel = page.getByRole('group', { name: 'Share, import and export' });
    await expect(panel).toBeVisible();
    const boxes = await panel.evaluate((el) => {
      const all = [el, ...el.querySelectorAll('button, input, textarea, select, a')];
      return all.map((e) => {
        const r = e.getBoundingClientRect();
        const name = (e.getAttribute('aria-label') ?? e.textContent ?? e.tagName).trim().slice(0, 30);
        return { name, left: r.left, right: r.right, width: r.width, height: r.height };
      });
    });
    for (const b of boxes) {
      expect(b.left, `${b.name}: left edge on screen`).toBeGreaterThanOrEqual(0);
      expect(b.right, `${b.name}: right edge on screen`).toBeLessThanOrEqual(width);
      expect(b.width, `${b.name}: width`).toBeGreaterThanOrEqual(24);
      expect(b.height, `${b.name}: height`).toBeGreaterThanOrEqual(24);
    }
    // The controls answer where they are: the first button is not covered by anything.
    await panel.getByRole('button', { name: 'Export JSON' }).click({ trial: true });
  });
}
