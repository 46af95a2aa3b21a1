import type { Page } from '@playwright/test';
import type { Visualizer } from '../src/store';
import { AppPage } from './app';
import { expect, test } from './fixtures';

// Faults are made on purpose here: React reports each error a boundary caught on the console.
test.use({
  allowedPageErrors:
    /Cannot destructure property 'word'|reading 'word'|Minified React error #31|a fault in a handler|a fault switched on in the/,
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
    // Both verbs of the door: buttons drawn from the command registry (<CommandButton>) use `run`.
    const fault = () => {
      throw new Error('a fault in a handler');
    };
    Object.assign(v, { execute: fault, run: fault });
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

type Api = { unloadLens: Visualizer; unloadLensFaults: Set<string> };

/** Names a part for the fault switch (`?bench`): it fails the next time it draws. */
async function switchFault(page: Page, area: string, on: boolean): Promise<void> {
  await page.evaluate(
    ([a, o]) => {
      const faults = (window as unknown as Api).unloadLensFaults;
      if (o) faults.add(a);
      else faults.delete(a);
    },
    [area, on] as const,
  );
}

/** Runs commands through the visualizer's door, as a key or a button would. */
async function run(page: Page, ...ids: string[]): Promise<void> {
  await page.evaluate((list) => {
    const v = (window as unknown as Api).unloadLens;
    for (const id of list) v.run(id);
  }, ids);
}

/** The toolbar's own controls, whole: the OS switch, the step counter, Lessons, Record, the theme. */
async function toolbarWhole(page: Page): Promise<void> {
  await expect(page.getByRole('radiogroup', { name: 'Operating system' })).toBeVisible();
  await expect(page.getByText(/^step \d+ \/ \d+$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Switch to (light|dark) theme/ })).toBeVisible();
}

/**
 * Every menu, dialog, popover and panel, with how to open it: each fails alone, says so in its
 * own box, and the toolbar stays. (Drawn again by a theme change, which redraws every part.)
 */
const PARTS: readonly { area: string; open: string[]; close?: boolean }[] = [
  { area: 'action palette', open: ['togglePalette'], close: true },
  { area: 'keyboard shortcuts sheet', open: ['toggleHelp'], close: true },
  { area: 'lesson gallery', open: ['toggleGallery'], close: true },
  { area: 'lesson editor', open: ['toggleEditor'], close: true },
  { area: 'timeline', open: [] },
  { area: 'narration', open: [] },
  { area: 'legend', open: [] },
  { area: 'graph', open: [] },
  { area: 'event log', open: [] },
  { area: 'unload checklist', open: [] },
  { area: 'inspector', open: [] },
  { area: 'question', open: [] },
  { area: "selected object's actions", open: [] },
];

for (const { area, open: opening, close } of PARTS) {
  test(`a fault in the ${area} shows in its own box; the toolbar stays; it resets`, async ({ page }) => {
    await open(page);
    await switchFault(page, area, true);
    await run(page, ...opening, 'toggleTheme');
    const failed = page.getByRole('alert').filter({ hasText: `The ${area} could not be drawn` });
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('Your scenario and its steps are kept');
    await toolbarWhole(page);
    // The rest still works: the theme button answers and the step counter follows the keys.
    await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('step 8 / 9')).toBeVisible();
    await switchFault(page, area, false);
    if (close) {
      await failed.getByRole('button', { name: `Close the ${area}` }).click();
    } else {
      await failed.getByRole('button', { name: `Reset the ${area}` }).click();
    }
    await expect(failed).toHaveCount(0);
  });
}

test('a fault in the Share menu shows in its place; the rest of the toolbar stays and works', async ({
  page,
}) => {
  await open(page);
  await switchFault(page, 'Share menu', true);
  await run(page, 'toggleTheme');
  const failed = page.getByRole('alert').filter({ hasText: 'The Share menu failed' });
  await expect(failed).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unload Lens' })).toBeVisible();
  await toolbarWhole(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('dialog', { name: /lesson/i })).toBeVisible();
  await page.keyboard.press('Escape');
  await switchFault(page, 'Share menu', false);
  await failed.getByRole('button', { name: 'Reset the Share menu' }).click();
  await expect(page.getByRole('button', { name: /Share$/ })).toBeVisible();
});

test('a fault in the WinDbg paste dialog shows in its box, closes, and the toolbar stays', async ({
  page,
}) => {
  await open(page);
  await switchFault(page, 'WinDbg paste dialog', true);
  await page.getByRole('button', { name: /^WinDbg paste/ }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'The WinDbg paste dialog could not be drawn' });
  await expect(failed).toBeVisible();
  await toolbarWhole(page);
  await switchFault(page, 'WinDbg paste dialog', false);
  await failed.getByRole('button', { name: 'Close the WinDbg paste dialog' }).click();
  await expect(failed).toHaveCount(0);
  // Opened again, it draws.
  await page.getByRole('button', { name: /^WinDbg paste/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('an action that throws inside the door is shown, with a report to copy, and dismissed', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  const outcome = await page.evaluate(() => {
    const v = (window as unknown as Api).unloadLens;
    const args = {
      get os(): string {
        throw new Error('a fault in the door');
      },
    };
    return v.run('switchOs', args);
  });
  expect(outcome).toMatchObject({ ok: false, fault: true });
  const shown = page.getByTestId('handler-error');
  await expect(shown).toHaveAttribute('role', 'alert');
  await expect(shown).toContainText('switchOs: a fault in the door');
  await expect(shown).toContainText('Your scenario is unchanged');
  await expect(page.getByText('step 9 / 9')).toBeVisible();
  await shown.getByRole('button', { name: 'Copy report' }).click();
  await expect(shown.getByRole('status')).toContainText('Report copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Unload Lens fault report');
  expect(copied).toContain('What: the action "switchOs" threw');
  expect(copied).toContain('Where: windows, step 9 of 9');
  await expect(shown.getByRole('textbox', { name: 'Fault report' })).toHaveValue(copied);
  // A refusal is not a fault: nothing is shown for it.
  await shown.getByRole('button', { name: 'Dismiss' }).click();
  await expect(shown).toHaveCount(0);
  await page.evaluate(() => (window as unknown as Api).unloadLens.run('no such action'));
  await expect(shown).toHaveCount(0);
});
