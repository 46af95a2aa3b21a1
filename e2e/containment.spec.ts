import type { Page } from '@playwright/test';
import type { Visualizer } from '../src/store';
import { AppPage } from './app';
import { expect, test } from './fixtures';

// Faults are made on purpose here: React reports each error a boundary caught on the console.
test.use({
  allowedPageErrors:
    /Cannot destructure property 'word'|reading 'word'|Minified React error #31|a fault in a handler/,
});

/** `?bench` puts the visualizer on `window.unloadLens`: the tests break its data the way a bug would. */
async function open(page: Page): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open('?bench');
  return app;
}

/** A driver state no component knows: the Beep card cannot be drawn (a bug in the data, on purpose). */
async function breakBeep(page: Page): Promise<void> {
  await page.evaluate(() => {
    const v = (window as unknown as { unloadLens: Visualizer }).unloadLens;
    const s = v.getState();
    const e = s.entries[s.cursor - 1];
    if (!e || e.world.os !== 'windows') throw new Error('expected the Windows default scenario');
    const d = e.world.drivers.get('Beep');
    if (!d) throw new Error('no Beep');
    const world = { ...e.world, drivers: e.world.drivers.set('Beep', { ...d, state: 'bogus' as never }) };
    v.store.setState({ ...s, entries: [...s.entries.slice(0, -1), { ...e, world, moments: undefined }] });
  });
}

test('a fault in one graph node shows in that node only, with a reset; stepping on draws it again', async ({
  page,
}) => {
  const app = await open(page);
  await breakBeep(page);
  const beep = app.node('driver:Beep');
  await expect(beep.getByRole('alert')).toContainText('The driver Beep could not be drawn');
  await expect(beep.getByRole('button', { name: 'Reset the driver Beep' })).toBeVisible();
  // The rest of the graph is whole.
  await expect(app.node('driver:BusEnum')).toContainText('BusEnum');
  await expect(app.node('device:Beep')).toContainText('RefCount 1');
  // The keys still work, and another step's data draws the node again.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('step 8 / 9')).toBeVisible();
  await expect(beep.getByRole('alert')).toHaveCount(0);
  await expect(beep).toContainText('loaded');
});

test('a fault in the toolbar leaves the rest of the app, keeps the scenario, and resets', async ({
  page,
}) => {
  const app = await open(page);
  await page.evaluate(() => {
    const v = (window as unknown as { unloadLens: Visualizer }).unloadLens;
    v.store.setState({ ...v.getState(), title: { not: 'text' } as never });
  });
  const failed = page.getByRole('alert').filter({ hasText: 'The toolbar could not be drawn' });
  await expect(failed).toContainText('Your scenario and its steps are kept');
  // No key is recommended: the message offers its own reset.
  await expect(failed).not.toContainText('←');
  await expect(app.node('driver:Beep')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('timeline')).toContainText('Step 8/9');
  await page.evaluate(() => {
    const v = (window as unknown as { unloadLens: Visualizer }).unloadLens;
    v.store.setState({ ...v.getState(), title: 'Fixed' });
  });
  await failed.getByRole('button', { name: 'Reset the toolbar' }).click();
  await expect(page.getByText('step 8 / 9')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unload Lens' })).toBeVisible();
});

test('an error thrown in a click handler is caught and shown; the scenario is unchanged', async ({
  page,
}) => {
  await open(page);
  await page.evaluate(() => {
    const v = (window as unknown as { unloadLens: Visualizer }).unloadLens;
    Object.assign(v, {
      execute: () => {
        throw new Error('a fault in a handler');
      },
    });
    // Draw the toolbar again so its buttons take the faulty door.
    v.store.setState({ ...v.getState(), paletteOpen: !v.getState().paletteOpen });
  });
  await page.getByRole('button', { name: 'Lessons' }).click();
  const shown = page.getByTestId('handler-error');
  await expect(shown).toHaveAttribute('role', 'alert');
  await expect(shown).toContainText('a fault in a handler');
  await expect(shown).toContainText('Your scenario is unchanged');
  await expect(page.getByText('step 9 / 9')).toBeVisible();
  await shown.getByRole('button', { name: 'Dismiss' }).click();
  await expect(shown).toHaveCount(0);
});
