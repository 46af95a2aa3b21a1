import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { LESSON_IDS } from '../src/scenarios/lessons/ids';
import { expect, test } from './fixtures';

/**
 * Images for slides are centred on the graph, for both OSes and every lesson: the SVG's drawing
 * (its bounding box as the browser draws it) has the same room left and right, and above and
 * below within the area under the caption.
 */

const SLIDE = { width: 1920, height: 1080, top: 150, pad: 56 };

async function exportSvg(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  await page.keyboard.press('Escape');
  return readFile(await file.path(), 'utf8');
}

/** The drawing's box on the slide, measured by the browser. */
async function drawingBox(page: Page, svg: string) {
  return page.evaluate((svg) => {
    const host = document.createElement('div');
    host.innerHTML = svg;
    document.body.append(host);
    const g = host.querySelector('svg > g');
    const b = g?.getBoundingClientRect();
    const s = host.querySelector('svg')?.getBoundingClientRect();
    host.remove();
    return b && s
      ? { left: b.left - s.left, top: b.top - s.top, right: b.right - s.left, bottom: b.bottom - s.top }
      : null;
  }, svg);
}

test.describe('slides', () => {
  test.describe.configure({ timeout: 180_000 });
  test('every lesson, at its last step: the exported SVG is centred on the graph', async ({ page }) => {
    await page.addInitScript(() => localStorage.clear());
    const off: string[] = [];
    for (const lesson of LESSON_IDS) {
      await page.goto(`/?lesson=${lesson}`);
      await expect(page.getByTestId('timeline')).toBeVisible();
      await page.keyboard.press('i');
      await page.keyboard.press('End');
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      const svg = await exportSvg(page);
      const box = await drawingBox(page, svg);
      expect(box, lesson).not.toBeNull();
      if (!box) continue;
      const [left, right] = [box.left, SLIDE.width - box.right];
      const [above, below] = [box.top - SLIDE.top, SLIDE.height - SLIDE.pad - box.bottom];
      // Centred within 2 % of the slide (a stroke or an outline may stand out a little on one side).
      if (Math.abs(left - right) > 0.02 * SLIDE.width || Math.abs(above - below) > 0.02 * SLIDE.height)
        off.push(
          `${lesson}: left ${left.toFixed(0)} right ${right.toFixed(0)}, above ${above.toFixed(0)} below ${below.toFixed(0)}`,
        );
    }
    expect(off).toEqual([]);
  });
});
