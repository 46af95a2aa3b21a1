import type { Page } from '@playwright/test';
import { AppPage } from './app';
import { checkA11y, expect, test } from './fixtures';

/**
 * axe (WCAG 2.2 A and AA, target size included: fixtures.ts) on every view
 * the app has, in the light and the dark theme; presenter mode and the
 * keyboard's own parts (the shortcut sheet, a focused graph node) too.
 */
const VIEWS: readonly { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'Windows',
    open: async (page) => {
      const app = new AppPage(page);
      await app.open();
      await app.select('device:Beep');
    },
  },
  {
    name: 'SVR5',
    open: async (page) => {
      const app = new AppPage(page);
      await app.open('?os=svr5');
      await app.select('module:asyc');
    },
  },
  {
    name: 'pair view',
    open: async (page) => {
      await page.goto('/?view=pair');
      await expect(page.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
      await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    },
  },
  {
    name: 'lessons gallery',
    open: async (page) => {
      await page.goto('/?view=lessons');
      await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
    },
  },
  {
    name: 'a lesson in presenter mode',
    open: async (page) => {
      await page.goto('/?lesson=filter-attached&step=3');
      await expect(page.getByTestId('timeline')).toBeVisible();
      await page.keyboard.press('p');
      await expect(page.locator('.visualizer')).toHaveAttribute('data-presenter', 'true');
    },
  },
  {
    name: 'compare view',
    open: async (page) => {
      await page.goto('/?view=compare&pair=busy');
      await expect(page.getByTestId('compare-windows')).toBeVisible();
    },
  },
  {
    name: 'embed.html',
    open: async (page) => {
      await page.goto('/embed.html?scenario=windows-default&controls=full');
      await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    },
  },
  {
    name: 'debugger paste',
    open: async (page) => {
      await new AppPage(page).open();
      await page.getByRole('button', { name: /paste debugger output/i }).click();
      await page.getByRole('button', { name: 'Try an example session' }).click();
      await expect(page.getByRole('textbox', { name: 'Debugger output' })).not.toBeEmpty();
    },
  },
  {
    name: 'debugger findings',
    open: async (page) => {
      await new AppPage(page).open();
      await page.getByRole('button', { name: /paste debugger output/i }).click();
      await page.getByRole('button', { name: 'Try an example session' }).click();
      await page.getByRole('button', { name: 'Read and draw' }).click();
      await expect(page.getByTestId('debugger-findings')).toBeVisible();
    },
  },
  {
    name: 'keyboard: shortcut sheet',
    open: async (page) => {
      await new AppPage(page).open();
      await page.keyboard.press('Shift+?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
  {
    name: 'keyboard: a focused graph node',
    open: async (page) => {
      await new AppPage(page).open();
      await page.keyboard.press('g');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const view of VIEWS) {
      test(`${view.name} has no axe violations`, async ({ page }) => {
        await view.open(page);
        await checkA11y(page, `${view.name}, ${theme}`);
      });
    }
  });
}

test('graph nodes are named by their own element, with their condition, and only one is a Tab stop', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  const nodes = page.locator('.react-flow__node[role="group"]');
  const count = await nodes.count();
  expect(count).toBeGreaterThan(8);
  for (let i = 0; i < count; i++) await expect(nodes.nth(i)).toHaveAttribute('aria-label', /^\S+, \w/);
  await expect(app.node('device:Beep')).toHaveAttribute(
    'aria-label',
    'Beep, control device of Beep, 1 open handle',
  );
  await expect(page.locator('.react-flow__node[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge[tabindex="0"]')).toHaveCount(0);
});

test('the keyboard shortcuts sheet opens with ?, lists the keys, and closes with Esc', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Step back in time');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('a focused graph node has a visible focus ring', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // The graph's Tab stop with nothing selected: the first object in reading order.
  const node = app.node('driver:BusEnum');
  const before = await node.screenshot();
  await page.keyboard.press('g');
  await expect(node).toBeFocused();
  const style = await node.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset) };
  });
  expect(style).toEqual({ style: 'solid', width: 3, offset: 5 });
  // The ring lies outside the node's own box: the page around it changes, not only a few pixels.
  const box = await node.boundingBox();
  if (!box) throw new Error('no box');
  const ring = await page.screenshot({
    clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 },
  });
  expect(ring.equals(before)).toBe(false);
});
