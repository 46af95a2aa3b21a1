import type { Locator } from '@playwright/test';
import { checkA11y, expect, test } from './fixtures';

/** Step text inside one element's shadow root (Playwright's locators pierce open shadow roots). */
const stepOf = (el: Locator) => el.getByText(/^step \d+ \/ \d+$/);

test('three custom elements on one plain page run independently', async ({ page }) => {
  await page.goto('/examples/elements.html');
  const one = page.locator('unload-visualizer#one');
  const two = page.locator('unload-visualizer#two');
  const three = page.locator('unload-visualizer#three');
  await expect(stepOf(one)).toHaveText('step 9 / 9');
  await expect(stepOf(two)).toHaveText(/^step 2 \/ \d+$/);
  await expect(three.getByRole('button', { name: 'Step back' }), 'controls="none"').toHaveCount(0);
  await expect(three.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');
  await expect(one.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
  await expect(two.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();

  // A click in one moves only that one.
  await one.getByRole('button', { name: 'Step back' }).click();
  await expect(stepOf(one)).toHaveText('step 8 / 9');
  await expect(stepOf(two)).toHaveText(/^step 2 \//);

  // An attribute change and the element's methods drive it; each reports its own state.
  const reports = await page.evaluate(async () => {
    const el = document.querySelector<HTMLElement & { goto(n: number): unknown; state: { step: number } }>(
      '#three',
    )!;
    const seen: number[] = [];
    el.addEventListener('statechange', (e) => seen.push((e as CustomEvent<{ step: number }>).detail.step));
    el.goto(5);
    await new Promise((r) => setTimeout(r, 50));
    document.querySelector('#two')!.setAttribute('step', '4');
    await new Promise((r) => setTimeout(r, 50));
    return { seen, three: el.state.step };
  });
  expect(reports).toEqual({ seen: [5], three: 5 });
  await expect(three.locator('[data-testid="status"]')).toHaveText('STATUS_SUCCESS');
  await expect(stepOf(two)).toHaveText(/^step 4 \//);
  await expect(stepOf(one)).toHaveText('step 8 / 9');

  // Keys act on the element that has focus.
  // (A button of the element: on a graph object the arrows move between objects.)
  await one.getByRole('button', { name: 'Step back' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepOf(one)).toHaveText('step 9 / 9');
  await expect(stepOf(two)).toHaveText(/^step 4 \//);

  // A bad attribute is said through an `error` event; the element keeps its scenario.
  const error = await page.evaluate(async () => {
    const el = document.querySelector('#two')!;
    const message = new Promise<string>((resolve) =>
      el.addEventListener('error', (e) => resolve((e as CustomEvent<{ message: string }>).detail.message)),
    );
    el.setAttribute('scenario', 'not-a-scenario');
    return message;
  });
  expect(error).toContain('no built-in scenario "not-a-scenario"');
  await expect(two.locator('.react-flow__node[data-id="module:usbd"]')).toBeVisible();
  // A lesson's scenario: its file loads when first named (not part of the first load), then it shows.
  await page.evaluate(() => document.querySelector('#two')!.setAttribute('scenario', 'clean-stop'));
  await expect(two.getByText(/^What does sc stop do when nothing holds the driver\?/).first()).toBeVisible();
  await expect(two.locator('.react-flow__node').first()).toBeVisible();
  await checkA11y(page, 'three elements');
});

test('the example documentation page embeds a frame, a React component and an element', async ({ page }) => {
  await page.goto('/examples/');
  const frame = page.frameLocator('#lens-frame');
  await expect(frame.getByText('step 9 / 9')).toBeVisible();
  await expect(page.locator('#frame-status')).toContainText('step 9 of 9');
  // The prose drives the frame.
  await page.getByRole('button', { name: 'Stop the driver' }).click();
  await expect(page.locator('#frame-status')).toContainText('step 10 of 10');
  await page.getByRole('button', { name: 'Close the handle' }).click();
  await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toContainText('unloaded');
  // Sized to its content.
  await expect
    .poll(async () => (await page.locator('#lens-frame').boundingBox())?.height ?? 0)
    .toBeGreaterThan(400);
  // The React component reports to the page.
  const react = page.locator('#react-lens');
  await expect(react.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Serial ports' })).toContainText('step 7 of 7');
  await react.getByRole('button', { name: 'First step' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Serial ports' })).toContainText('step 0 of 7');
  // The element.
  await expect(stepOf(page.locator('unload-visualizer'))).toHaveText('step 8 / 9');
  await checkA11y(page, 'example page');
});

/** Every node of a graph inside the graph's width, and none under the zoom buttons. */
async function fitsClearOfControls(graph: Locator) {
  const pane = (await graph.locator('.react-flow').boundingBox())!;
  const controls = (await graph.locator('.react-flow__controls').boundingBox())!;
  const nodes = await graph.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id'), x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }),
  );
  expect(nodes.length).toBeGreaterThan(3);
  for (const n of nodes) {
    expect(n.x, `${n.id} within the graph's width`).toBeGreaterThanOrEqual(pane.x - 1);
    expect(n.right, `${n.id} within the graph's width`).toBeLessThanOrEqual(pane.x + pane.width + 1);
    const under =
      n.x < controls.x + controls.width &&
      n.right > controls.x &&
      n.y < controls.y + controls.height &&
      n.bottom > controls.y;
    expect(under, `${n.id} is not under the zoom buttons`).toBe(false);
  }
}

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 800 } });

  test('the element, the frame and the component show the whole graph across the width, no node under a control', async ({
    page,
  }) => {
    await page.goto('/examples/elements.html');
    const one = page.locator('unload-visualizer#one');
    await expect(one.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await expect
      .poll(async () =>
        fitsClearOfControls(one).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await fitsClearOfControls(one);
    // After a step, still.
    await one.getByRole('button', { name: 'Step back' }).click();
    await expect(stepOf(one)).toHaveText('step 8 / 9');
    await expect
      .poll(async () =>
        fitsClearOfControls(one).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);

    await page.goto('/embed.html?scenario=svr5-default&controls=minimal');
    const frame = page.locator('[data-embed-root]');
    await expect(frame.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
    await expect
      .poll(async () =>
        fitsClearOfControls(frame).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);

    // The React component (the example page's, with every control), likewise.
    await page.goto('/examples/index.html');
    const component = page.locator('#react-lens');
    await expect(component.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
    await expect
      .poll(async () =>
        fitsClearOfControls(component).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await fitsClearOfControls(component);
  });
});

test.describe('when the live graph cannot load', () => {
  // What the browser itself logs about the file that did not come.
  test.use({
    allowedPageErrors: /Failed to fetch dynamically imported module|Failed to load resource|net::ERR_FAILED/,
  });

  test('a graph that cannot be drawn is said to the host: the element’s error event and the console', async ({
    page,
  }) => {
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    // The live graph's file does not arrive (a proxy, a stale cache).
    await page.route(/\/assets\/[^/]*EmbedGraph[^/]*\.js$/, (route) => route.abort());
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      document.addEventListener(
        'error',
        (e) => {
          if (e instanceof CustomEvent) heard.push((e as CustomEvent<{ message: string }>).detail.message);
        },
        true,
      );
    });
    await page.goto('/examples/elements.html');
    const one = page.locator('unload-visualizer#one');
    await expect(one.getByRole('alert').filter({ hasText: 'could not be drawn' }).first()).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.join('\n')))
      .toContain('The graph could not be drawn');
    expect(warnings.join('\n')).toContain('<unload-visualizer#one>: The graph could not be drawn');
    // The story is still told.
    await expect(stepOf(one)).toHaveText('step 9 / 9');
  });
});
