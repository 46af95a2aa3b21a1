import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 25, item 3: axe on every view at a projector's 1024 px and phones' 390 and 320 px, with
 * WCAG 2.2 A/AA (target size included) and the best-practice rules (one main, unique landmarks,
 * an h1…). Each case prints one line, `axe <view> @ <width> px: <n> violation(s)`, so a closing
 * note can quote the table; each fails with the rules and elements axe named.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const WIDTHS = [1024, 390, 320] as const;

type View = { name: string; widths?: readonly number[]; open: (page: Page) => Promise<void> };

const VIEWS: readonly View[] = [
  {
    name: 'app (default scenario)',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByText('step 9 / 9')).toBeVisible();
      await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    },
  },
  {
    name: 'lesson gallery',
    open: async (page) => {
      await page.goto('/?view=lessons');
      await expect(page.getByRole('dialog', { name: 'Lessons' })).toBeVisible();
    },
  },
  {
    name: 'lesson, presenter mode, question open',
    open: async (page) => {
      // Step 5's address opens with its question asked, at step 4.
      await page.goto('/?lesson=leaked-handle&step=5');
      await expect(page.getByTestId('timeline')).toBeVisible();
      await page.keyboard.press('p');
      await expect(page.locator('.visualizer')).toHaveAttribute('data-presenter', 'true');
      await expect(page.getByTestId('question')).toBeVisible();
    },
  },
  {
    name: 'presenter console',
    open: async (page) => {
      // As presenter mode opens it (src/lessons/presenter.tsx), with no projector on the channel yet.
      await page.goto('/?view=console&lesson=leaked-handle&channel=axe-views');
      await expect(page.getByTestId('console-status')).toBeVisible();
    },
  },
  {
    name: 'presenter console, opened bare (its error message)',
    open: async (page) => {
      await page.goto('/?view=console');
      await expect(page.getByRole('alert')).toContainText('Open the console from presenter mode');
    },
  },
  {
    name: 'handout',
    open: async (page) => {
      await page.goto('/?view=handout&lesson=leaked-handle');
      await expect(page.getByTestId('handout')).toBeVisible();
      await expect(page.locator('.handout-step')).toHaveCount(5);
    },
  },
  {
    name: 'compare view',
    open: async (page) => {
      // A beat where both sides have drawn objects.
      await page.goto('/?view=compare&pair=busy&beat=2');
      await expect(page.getByTestId('compare-windows').locator('.react-flow__node').first()).toBeVisible();
      await expect(page.getByTestId('compare-svr5').locator('.react-flow__node').first()).toBeVisible();
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
    name: 'embed',
    open: async (page) => {
      await page.goto('/embed.html?scenario=windows-default');
      await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    },
  },
  {
    name: 'embed, full controls',
    open: async (page) => {
      await page.goto('/embed.html?scenario=windows-default&controls=full');
      await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    },
  },
  {
    name: 'WinDbg paste dialog',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByText('step 9 / 9')).toBeVisible();
      await page.getByRole('button', { name: /paste debugger output/i }).click();
      await expect(page.getByRole('textbox', { name: 'Debugger output' })).toBeVisible();
    },
  },
  {
    name: 'WinDbg paste dialog, findings read',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByText('step 9 / 9')).toBeVisible();
      await page.getByRole('button', { name: /paste debugger output/i }).click();
      await page.getByRole('button', { name: 'Try an example session' }).click();
      await page.getByRole('button', { name: 'Read and draw' }).click();
      await expect(page.getByTestId('debugger-findings')).toBeVisible();
    },
  },
  {
    name: 'Share menu open',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByText('step 9 / 9')).toBeVisible();
      await page.getByRole('button', { name: /Share$/ }).click();
      await expect(page.getByRole('group', { name: 'Share, import and export' })).toBeVisible();
    },
  },
];

async function axeOn(page: Page) {
  return new AxeBuilder({ page }).withTags(TAGS).analyze();
}

for (const view of VIEWS)
  for (const width of view.widths ?? WIDTHS)
    test(`axe: ${view.name} at ${width} px, WCAG 2.2 AA and best practices`, async ({ page }) => {
      // axe measures every element against its neighbours (target-size): slow on this machine.
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height: width >= 1024 ? 768 : 800 });
      await view.open(page);
      const { violations, incomplete } = await axeOn(page);
      // What axe could not decide (colour over an image, a target partly covered): told, not failed.
      const unsure = incomplete.reduce((n, v) => n + v.nodes.length, 0);
      const total = violations.reduce((n, v) => n + v.nodes.length, 0);
      const ids = violations.map((v) => `${v.id}×${v.nodes.length}`).join(', ');
      console.log(
        `axe ${view.name} @ ${width} px: ${total} violation(s)${ids ? ` (${ids})` : ''}; ${unsure} to review (${incomplete.map((v) => `${v.id}×${v.nodes.length}`).join(', ')})`,
      );
      expect(
        violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      ).toEqual([]);
    });

// The check can fail: a Share-menu control shrunk back to the 64×15.5 px the issue measured is
// reported by target-size (WCAG 2.2, 2.5.8), so the zeros above are axe's, not a blind spot.
test('axe: the setup catches a Share-menu control under 24×24 px at 320 px', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 800 });
  const share = VIEWS.find((v) => v.name === 'Share menu open');
  if (!share) throw new Error('no Share view');
  await share.open(page);
  const panel = page.getByRole('group', { name: 'Share, import and export' });
  await panel.getByRole('button', { name: 'Export JSON' }).evaluate((el) => {
    Object.assign((el as HTMLElement).style, {
      width: '64px',
      height: '15.5px',
      minHeight: '0',
      minWidth: '0',
      padding: '0',
      marginTop: '-8px',
    });
  });
  const ids = (await axeOn(page)).violations.map((v) => v.id);
  expect(ids).toContain('target-size');
});

// Two graphs on a page each name their own node description (React Flow ids them after the flow,
// '1' for every flow until each Graph gave its own), and the description says our keys: not React
// Flow's "move the node around… press delete", which this graph does not do.
test('the pair view: each graph describes its nodes by an id of its own, in our words', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const pair = VIEWS.find((v) => v.name === 'pair view');
  if (!pair) throw new Error('no pair view');
  await pair.open(page);
  const described = await page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.react-flow__node[aria-describedby]')];
    const ids = new Set(nodes.map((n) => n.getAttribute('aria-describedby') ?? ''));
    return [...ids].map((id) => ({
      copies: document.querySelectorAll(`[id="${id}"]`).length,
      text: document.getElementById(id)?.textContent ?? '',
    }));
  });
  expect(described).toHaveLength(2);
  for (const d of described) {
    expect(d.copies).toBe(1);
    expect(d.text).toContain('Arrow keys: the neighbouring object along a line.');
    expect(d.text).not.toContain('move the node');
  }
  const { incomplete } = await axeOn(page);
  expect(incomplete.map((v) => v.id)).not.toContain('duplicate-id-aria');
});
