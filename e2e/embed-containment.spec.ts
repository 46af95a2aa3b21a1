import type { Frame, Locator, Page } from '@playwright/test';
import { EmbedHost } from './embedHost';
import { expect, test } from './fixtures';

// Faults are made on purpose here: React reports each error a boundary caught on the console.
test.use({ allowedPageErrors: /a fault switched on in the|a fault in the door/ });

/** What `?bench` puts on the embed's window (and on a page of elements or components). */
type Api = {
  unloadLens: { run(id: string, args?: unknown): unknown; getState(): { cursor: number } };
  unloadLensFaults: Set<string>;
};

/** Names a part for the fault switch: it fails the next time it draws. */
async function switchFault(where: Page | Frame, area: string, on: boolean): Promise<void> {
  await where.evaluate(
    ([a, o]) => {
      const faults = (window as unknown as Api).unloadLensFaults;
      if (o) faults.add(a);
      else faults.delete(a);
    },
    [area, on] as const,
  );
}

/** Runs a command through the embed's door, as a host message or a button would. */
async function run(frame: Frame, id: string): Promise<void> {
  await frame.evaluate((i) => (window as unknown as Api).unloadLens.run(i), id);
}

/**
 * Every part the embed page draws with `controls=full`. Each is drawn again by a step (every
 * part follows the step).
 */
const PARTS = [
  'notices',
  'announcer',
  'fault messages',
  'controls',
  'narration',
  'graph',
  'panels',
  "selected object's actions",
  'unload checklist',
  'event log',
] as const;

/** The parts that are still whole while `failing` is not: each checked as a user sees it. */
async function othersWhole(frame: Frame, failing: string): Promise<void> {
  if (failing !== 'controls') {
    await expect(frame.getByRole('toolbar', { name: 'Steps' })).toBeVisible();
    await expect(frame.getByText(/^step \d+ \/ 9$/)).toBeVisible();
  }
  if (failing !== 'narration')
    await expect(frame.getByRole('region', { name: 'Current step' })).toBeVisible();
  if (failing !== 'graph')
    await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  if (failing !== 'panels' && failing !== 'unload checklist')
    await expect(frame.getByTestId('checklist')).toContainText('Beep');
  if (failing !== 'panels' && failing !== 'event log')
    await expect(frame.getByRole('region', { name: 'Event log' })).toBeVisible();
}

test('the embed: a fault in each part shows in its own box, the rest stays, the host hears it, and it resets', async ({
  page,
  baseURL,
}) => {
  const host = new EmbedHost(page, baseURL!);
  // theme=purple: a notice is shown, so the notices part has something to draw.
  await host.open('/embed.html?bench&scenario=windows-default&controls=full&theme=purple', '100%', {
    height: 900,
  });
  await host.expectMessage('ready');
  const frame = host.frame();
  await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  const table: string[] = [];
  for (const area of PARTS) {
    await test.step(area, async () => {
      const n = await host.count();
      await switchFault(frame, area, true);
      await run(frame, 'undo');
      const failed = frame.getByRole('alert').filter({ hasText: `The ${area} could not be drawn` });
      await expect(failed).toBeVisible();
      await expect(failed).toContainText(`a fault switched on in the ${area}`);
      await expect(frame.getByRole('alert').filter({ hasText: 'could not be drawn' })).toHaveCount(1);
      // The host is told, once, without an id (no message asked).
      const told = await host.expectMessage('error', { cause: 'fault' }, n);
      expect(told.message).toBe(`The ${area} could not be drawn: a fault switched on in the ${area}`);
      expect(told.id).toBeUndefined();
      // The rest still works: the door steps the view on, and the parts that stand follow it.
      await run(frame, 'redo');
      await expect
        .poll(() => frame.evaluate(() => (window as unknown as Api).unloadLens.getState().cursor))
        .toBe(9);
      await othersWhole(frame, area);
      if (area !== 'controls') await expect(frame.getByText('step 9 / 9')).toBeVisible();
      await switchFault(frame, area, false);
      await failed.getByRole('button', { name: `Reset the ${area}` }).click();
      await expect(failed).toHaveCount(0);
      await othersWhole(frame, '');
      table.push(`${area}: own box, host told, reset`);
    });
  }
  test.info().annotations.push({ type: 'containment', description: table.join('; ') });
  // Nothing of the fault switch is left on the page: the host sees the frame whole.
  await expect(frame.getByRole('alert').filter({ hasText: 'could not be drawn' })).toHaveCount(0);
});

test('the embed: an action that throws inside the door is shown with a report to copy, and told to the host', async ({
  page,
  baseURL,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const host = new EmbedHost(page, baseURL!);
  await host.open('/embed.html?bench&scenario=windows-default&controls=minimal', '100%', { height: 700 });
  await host.expectMessage('ready');
  const frame = host.frame();
  await expect(frame.getByText('step 9 / 9')).toBeVisible();
  const n = await host.count();
  const outcome = await frame.evaluate(() =>
    (window as unknown as Api).unloadLens.run('switchOs', {
      get os(): string {
        throw new Error('a fault in the door');
      },
    }),
  );
  expect(outcome).toMatchObject({ ok: false, fault: true });
  const shown = frame.getByTestId('handler-error');
  await expect(shown).toHaveAttribute('role', 'alert');
  await expect(shown).toContainText('a fault in the door');
  await expect(shown).toContainText('Your scenario is unchanged');
  const told = await host.expectMessage('error', { cause: 'fault' }, n);
  expect(told.message).toBe('the action "switchOs" threw: a fault in the door');
  // The report: copied, and shown to select by hand.
  await shown.getByRole('button', { name: 'Copy report' }).click();
  await expect(shown.getByRole('status')).toContainText('Report copied');
  const report = shown.getByRole('textbox', { name: 'Fault report' });
  await expect(report).toHaveValue(/^Unload Lens fault report\nWhat: the action "switchOs" threw/);
  await expect(report).toHaveValue(/Where: windows, step 9 of 9/);
  await expect(report).toHaveValue(/Page: \/embed\.html/);
  expect(await frame.evaluate(() => navigator.clipboard.readText())).toBe(await report.inputValue());
  // The view is as it was, and still answers.
  await frame.getByRole('button', { name: 'Step back' }).click();
  await expect(frame.getByText('step 8 / 9')).toBeVisible();
  await shown.getByRole('button', { name: 'Dismiss' }).click();
  await expect(shown).toHaveCount(0);
});

test('without ?bench the embed has no fault switch and nothing on window', async ({ page }) => {
  await page.goto('/embed.html?scenario=windows-default');
  await expect(page.getByText('step 9 / 9')).toBeVisible();
  expect(await page.evaluate(() => 'unloadLensFaults' in window || 'unloadLens' in window)).toBe(false);
});

/** The `error` events an element fired, as its page heard them. */
async function listenErrors(el: Locator): Promise<void> {
  await el.evaluate((node) => {
    const seen: string[] = [];
    Object.assign(node, { seenErrors: seen });
    node.addEventListener('error', (e) => seen.push((e as CustomEvent<{ message: string }>).detail.message));
  });
}
const errorsOf = (el: Locator) =>
  el.evaluate((node) => (node as unknown as { seenErrors: string[] }).seenErrors);

test('the custom element: a fault in its graph stays in that element, fires error, resets; a door fault too', async ({
  page,
}) => {
  await page.goto('/examples/elements.html?bench');
  const one = page.locator('unload-visualizer#one');
  const two = page.locator('unload-visualizer#two');
  await expect(one.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await expect(two.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
  await listenErrors(one);
  await switchFault(page, 'graph', true);
  // Only the element that draws again fails: the switch is read as a part draws.
  await one.getByRole('button', { name: 'Step back' }).click();
  const failed = one.getByRole('alert').filter({ hasText: 'The graph could not be drawn' });
  await expect(failed).toBeVisible();
  await expect(one.getByText('step 8 / 9')).toBeVisible();
  await expect(two.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
  await expect(two.getByRole('alert')).toHaveCount(0);
  await expect
    .poll(() => errorsOf(one))
    .toEqual(['The graph could not be drawn: a fault switched on in the graph']);
  await switchFault(page, 'graph', false);
  await failed.getByRole('button', { name: 'Reset the graph' }).click();
  await expect(failed).toHaveCount(0);
  await expect(one.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();

  // An action that throws in its door: shown in that element, with its report, and an `error` event.
  await one.evaluate((node) =>
    (node as unknown as { visualizer: Api['unloadLens'] }).visualizer.run('switchOs', {
      get os(): string {
        throw new Error('a fault in the door');
      },
    }),
  );
  const shown = one.getByTestId('handler-error');
  await expect(shown).toContainText('a fault in the door');
  await expect(shown.getByRole('button', { name: 'Copy report' })).toBeVisible();
  await expect(two.getByTestId('handler-error')).toHaveCount(0);
  await expect
    .poll(async () => (await errorsOf(one)).at(-1))
    .toBe('the action "switchOs" threw: a fault in the door');
});

test('the React component: a fault in its checklist stays in its box, the element beside it is whole, it resets', async ({
  page,
}) => {
  await page.goto('/examples/?bench');
  const component = page.locator('#react-lens');
  const element = page.locator('unload-visualizer');
  await expect(component.getByText(/^step \d+ \/ \d+$/)).toBeVisible();
  await expect(element.getByText('step 8 / 9')).toBeVisible();
  await switchFault(page, 'unload checklist', true);
  await component.getByRole('button', { name: 'Step back' }).click();
  const failed = component.getByRole('alert').filter({ hasText: 'The unload checklist could not be drawn' });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('Your scenario and its steps are kept');
  // The rest of the component stands and answers; the element on the same page is untouched.
  await expect(component.getByRole('region', { name: 'Current step' })).toBeVisible();
  await expect(
    component
      .getByRole('log')
      .or(component.getByText(/event log/i))
      .first(),
  ).toBeVisible();
  await component.getByRole('button', { name: 'Step forward' }).click();
  await expect(element.getByRole('alert')).toHaveCount(0);
  await element.getByRole('button', { name: 'Step forward' }).click();
  await expect(element.getByText('step 9 / 9')).toBeVisible();
  await switchFault(page, 'unload checklist', false);
  await failed.getByRole('button', { name: 'Reset the unload checklist' }).click();
  await expect(failed).toHaveCount(0);
  await expect(component.getByTestId('checklist')).toBeVisible();
  await expect(component.getByTestId('checklist')).toContainText('Unload checklist');
});

test.describe('when the panels cannot load', () => {
  // What the browser itself logs about the file that did not come.
  test.use({
    allowedPageErrors: /Failed to fetch dynamically imported module|Failed to load resource|net::ERR_FAILED/,
  });

  test('the embed: panels whose file does not arrive fail in their own box; the host hears it; the rest works', async ({
    page,
    baseURL,
  }) => {
    // The panels' file does not arrive (a proxy, a stale cache), without ?bench: a real fault.
    await page.route(/\/assets\/(embed-)?EmbedPanels[^/]*\.js$/, (route) => route.abort());
    const host = new EmbedHost(page, baseURL!);
    await host.open('/embed.html?scenario=windows-default&controls=full', '100%', { height: 900 });
    await host.expectMessage('ready');
    const frame = host.frame();
    const failed = frame.getByRole('alert').filter({ hasText: 'The panels could not be drawn' });
    await expect(failed).toBeVisible();
    const told = await host.expectMessage('error', { cause: 'fault' });
    expect(told.message).toMatch(/^The panels could not be drawn: /);
    await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await frame.getByRole('button', { name: 'Step back' }).click();
    await expect(frame.getByText('step 8 / 9')).toBeVisible();
    await expect(frame.getByRole('region', { name: 'Current step' })).toContainText('loadDriver');
  });
});
