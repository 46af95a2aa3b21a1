import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { AppPage } from './app';
import { checkA11y, expect, test } from './fixtures';

/** Picks a file in the Share menu's import (the hidden file input). */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The default scenario, with Beep stopped by a click: a step of the user's own (10 / 10). */
async function openAndStopBeep(page: Page): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open();
  await app.select('driver:Beep');
  await app.act('Stop (sc stop)');
  await expect(page.getByText('step 10 / 10')).toBeVisible();
  return app;
}

/** Opens the Share menu and gives back the link it offers. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByLabel('Link to this step');
  await expect(field).toHaveValue(/scenario=/);
  return field.inputValue();
}

const BROKEN = JSON.stringify({
  format: 'unload-scenario/1',
  title: 'Broken on purpose',
  os: 'windows',
  steps: [
    { do: 'loadDriver', driver: 'Beeper', model: 'legacy', controlDevice: 'Beep' },
    { do: 'openHandle', device: 'Beep', handel: 'h1' },
    { do: 'openHandle', device: 42, handle: 'h2' },
  ],
});

const GOOD = JSON.stringify({
  format: 'unload-scenario/1',
  title: 'Dropped in',
  os: 'windows',
  steps: [
    { do: 'loadDriver', driver: 'Dropped', model: 'legacy', controlDevice: 'DropDev' },
    { do: 'openHandle', device: 'DropDev', handle: 'd1' },
  ],
});

test.describe('links', () => {
  test('a copied link opens on the same step of the same scenario, even one the user made', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openAndStopBeep(page);
    await page.getByRole('button', { name: '◀ Back', exact: true }).click();
    await expect(page.getByText('step 9 / 10')).toBeVisible();
    // The address follows the view: it is itself a link to it.
    await expect(page).toHaveURL(/scenario=~1\.[\w-]+&step=9/);

    const link = await shareLink(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByTestId('share-note')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The open menu lies over the timeline's right end (Go to): axe counts those inputs as obscured
    // targets (2.5.8). They are covered only while the user keeps the menu open (Esc closes it).
    await checkA11y(page, 'share menu', { exclude: '.timeline' });

    const other = await context.newPage();
    const again = new AppPage(other);
    await other.goto(link);
    await expect(other.getByText('step 9 / 10')).toBeVisible();
    await expect(again.status()).toHaveText('STATUS_SUCCESS');
    await expect(again.node('driver:Beep')).toContainText('loaded');
    await other.keyboard.press('ArrowRight');
    await expect(again.node('driver:Beep')).toContainText('Unload Pending');
    await expect(other.getByTestId('link-notice')).toHaveCount(0);
  });

  test('a link to a built-in scenario lands on its step, in the theme it names', async ({ page }) => {
    await page.goto('/?scenario=svr5-default&step=2&theme=dark');
    await expect(page.getByText(/^step 2 \/ \d+$/)).toBeVisible();
    await expect(page.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');
    // The address follows the view, and names an unchanged built-in scenario by its id.
    await page.getByRole('button', { name: '◀ Back', exact: true }).click();
    await expect(page).toHaveURL(/scenario=svr5-default&step=1/);
    await expect(page.getByRole('radio', { name: 'SVR5 (DDI)' })).toHaveAttribute('aria-checked', 'true');
  });

  test('a damaged link says so and opens the default scenario, never a blank page', async ({ page }) => {
    const app = new AppPage(page);
    await page.goto('/?scenario=~1.bm90LWEtcmVhbC1saW5r&step=4');
    await expect(page.getByTestId('link-notice')).toContainText('damaged');
    await expect(page.getByTestId('link-notice')).toContainText('Showing the default scenario');
    await expect(app.node('driver:Beep')).toBeVisible();
    await checkA11y(page, 'damaged link notice');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
  });

  test('a link from a newer build says which format it is and which this build reads', async ({ page }) => {
    const app = new AppPage(page);
    await page.goto('/?scenario=~9.abc&step=1');
    await expect(page.getByTestId('link-notice')).toContainText(
      'made by a newer Unload Lens (link format 9); this build reads link format 1',
    );
    await expect(app.node('driver:Beep')).toBeVisible();
  });
});

test.describe('scenario files', () => {
  test('a broken file shows every problem with its place, and the current work stays', async ({ page }) => {
    const app = await openAndStopBeep(page);

    await importFile(page, 'broken.json', BROKEN);
    const dialog = page.getByRole('alertdialog', { name: 'This scenario was not opened' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Your current scenario is unchanged');
    await expect(dialog).toContainText('steps[1].handel');
    await expect(dialog).toContainText('did you mean "handle"');
    await expect(dialog).toContainText('steps[2].device');
    await checkA11y(page, 'import problems');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('step 10 / 10')).toBeVisible();
    await expect(app.node('driver:Beep')).toContainText('Unload Pending');

    // Not JSON at all: the line and column of the mistake.
    await importFile(
      page,
      'typo.json',
      '{\n  "format": "unload-scenario/1",\n  "title": "x"\n  "os": "windows"\n}',
    );
    await expect(dialog).toContainText('not valid JSON at line 4, column 3');
    // Escape is the dialog's once focus is in it (as it is by the time a reader presses it; a loaded run
    // pressed it before the focus landed).
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="alertdialog"]')))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('step 10 / 10')).toBeVisible();
  });

  test('a file dropped on the page opens; bad JSON pasted is refused with its problems', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const target = document.querySelector('.react-flow')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, GOOD);
    await expect(app.node('handle:d1')).toBeVisible();
    await expect(page.getByText('step 2 / 2')).toBeVisible();
    await expect(page).toHaveURL(/scenario=~1\./);

    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    }, BROKEN);
    await expect(page.getByRole('alertdialog')).toContainText('steps[1].handel');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(app.node('handle:d1')).toBeVisible();
  });

  test('export JSON gives a file that imports back to the same steps', async ({ page }) => {
    await openAndStopBeep(page);
    await page.getByRole('button', { name: 'Share' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const file = JSON.parse(text) as { format: string; steps: { do: string }[] };
    expect(file.format).toBe('unload-scenario/1');
    expect(file.steps.at(-1)).toMatchObject({ do: 'stopDriver', driver: 'Beep' });
    await page.reload();
    await importFile(page, 'again.json', text);
    await expect(page.getByText('step 10 / 10')).toBeVisible();
  });
});

test.describe('images', () => {
  test('PNG and SVG are slides of the graph with its badges and highlights', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.select('driver:Beep');
    // Pin a checklist blocker: the handle is outlined in the graph, and so in the picture.
    await app.checklist().getByRole('button', { name: /h1/ }).first().click();
    await expect(app.node('handle:h1').locator('.card-highlight')).toHaveCount(1);
    await page.getByRole('button', { name: 'Share' }).click();

    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const svg = await readFile(await svgFile.path(), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1920" height="1080"/);
    for (const text of [
      'A Toaster PnP stack',
      'step 9 / 9',
      'Beep',
      'RefCount 1',
      'loaded',
      'h1',
      'ToasterPdo',
    ])
      expect(svg, text).toContain(text);
    const highlight = await page.evaluate(
      () => getComputedStyle(document.querySelector('.card-highlight')!).outlineColor,
    );
    expect(svg, 'the outline of the highlighted handle').toContain(`stroke="${highlight}"`);
    expect(svg).not.toContain('foreignObject');

    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const png = await readFile(await pngFile.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
    // Not an empty canvas: the picture shows the same slide the SVG describes.
    const drawn = await page.evaluate(
      async (bytes) => {
        const img = new Image();
        img.src = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
        await img.decode();
        const c = document.createElement('canvas');
        c.width = 1920;
        c.height = 1080;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, 1920, 1080).data;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4 * 97)
          colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return colours.size;
      },
      [...png],
    );
    expect(drawn).toBeGreaterThan(20);
  });
});
