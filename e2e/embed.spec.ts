import { EmbedHost } from './embedHost';
import { checkA11y, expect, test } from './fixtures';

/** Two made-up origins, both served by the app's server (EmbedHost.proxy): the frame's and its host's. */
const LENS = 'http://lens.test';
const DOCS = 'http://docs.test';

const GOOD = {
  format: 'unload-scenario/1',
  title: 'Sent by the host',
  os: 'windows',
  steps: [
    { do: 'loadDriver', driver: 'Hosted', model: 'legacy', controlDevice: 'HostDev' },
    { do: 'openHandle', device: 'HostDev', handle: 'x1' },
  ],
};

test.describe('the embed page', () => {
  test('a host drives the frame through every message and hears ready, state and height', async ({
    page,
    baseURL,
  }) => {
    const host = new EmbedHost(page, baseURL!);
    await host.open('/embed.html?scenario=windows-default&step=2&controls=minimal&theme=light');
    const ready = await host.expectMessage('ready');
    expect(ready).toMatchObject({ version: 1, step: 2, steps: 9, os: 'windows', status: 'STATUS_SUCCESS' });
    const height = await host.expectMessage('height');
    expect(height.height).toBeGreaterThan(300);
    const frame = host.frame();
    await expect(frame.getByText('step 2 / 9')).toBeVisible();
    // Sized to its content: no scroll bar in the frame.
    await expect
      .poll(() => frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1))
      .toBe(true);

    let n = await host.count();
    await host.send({ type: 'goto', step: 5 });
    await host.expectMessage('state', { step: 5 }, n);
    await expect(frame.getByText('step 5 / 9')).toBeVisible();

    n = await host.count();
    await host.send({ type: 'step', delta: -2 });
    await host.expectMessage('state', { step: 3 }, n);
    await host.send({ type: 'step' });
    await host.expectMessage('state', { step: 4 }, n);
    await host.send({ type: 'goto', step: 9 });

    n = await host.count();
    await host.send({ type: 'dispatch', action: { do: 'stopDriver', driver: 'Beep' } });
    const stopped = await host.expectMessage('state', { step: 10 }, n);
    expect(stopped).toMatchObject({ steps: 10, status: 'STATUS_SUCCESS' });
    const beep = (stopped.checklist as { owner: string; unloaded: boolean; blocking: string[] }[]).find(
      (c) => c.owner === 'Beep',
    );
    expect(beep).toMatchObject({ unloaded: false });
    expect(beep?.blocking).toContain('noReferences');
    await expect(frame.locator('.react-flow__node[data-id="driver:Beep"]')).toContainText('Unload Pending');

    n = await host.count();
    await host.send({ type: 'setTheme', theme: 'dark' });
    await host.expectMessage('state', { theme: 'dark' }, n);
    await expect(frame.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');

    n = await host.count();
    await host.send({ type: 'play' });
    await host.expectMessage('state', { playing: true, step: 0 }, n);
    await host.expectMessage('state', { playing: true, step: 1 }, n);
    await host.send({ type: 'pause' });
    const paused = await host.expectMessage('state', { playing: false }, n);
    await expect(frame.getByText(`step ${String(paused.step)} / 10`)).toBeVisible();

    n = await host.count();
    await host.send({ type: 'load', scenario: 'svr5-default', step: 1, id: 'svr5' });
    await host.expectMessage('ok', { id: 'svr5' }, n);
    // One change, at the step asked for: not the latest first.
    const loaded = (await host.received()).slice(n).filter((m) => m.type === 'state');
    expect(loaded.map((m) => [m.os, m.step])).toEqual([['svr5', 1]]);
    await host.send({ type: 'load', scenario: GOOD });
    await host.expectMessage('state', { title: 'Sent by the host', step: 2, steps: 2 }, n);
    await expect(frame.locator('.react-flow__node[data-id="handle:x1"]')).toBeVisible();

    // Every message gets one reply, with its id: ok and the state it left, a note when clamped.
    n = await host.count();
    await host.send({ type: 'getState', id: 7 });
    const got = await host.expectMessage('ok', { id: 7, to: 'getState' }, n);
    expect(got.state).toMatchObject({ title: 'Sent by the host', step: 2 });
    n = await host.count();
    await host.send({ type: 'goto', step: 999, id: 'far' });
    const far = await host.expectMessage('ok', { id: 'far' }, n);
    expect(far).toMatchObject({ state: { step: 2 }, note: /step 999 .* showing step 2/ });
    await host.send({ type: 'goto', step: 1, id: 'back' });
    await host.expectMessage('ok', { id: 'back' }, n);
    await host.send({ type: 'goto', step: 2 });

    // Every bad message is answered with an error saying what is wrong; nothing changes.
    const bad: [unknown, RegExp][] = [
      [{ type: 'goto', step: 'x' }, /step: expected a whole number/],
      [{ type: 'jump' }, /unknown message type "jump"/],
      ['goto 3', /expected a message object/],
      [{ type: 'goto', step: 1, extra: true }, /unknown: extra/],
      [{ type: 'setTheme', theme: 'purple' }, /theme: expected "light", "dark" or "auto"/],
      [{ type: 'dispatch', action: { do: 'nope' } }, /no action "nope"/],
      [{ type: 'dispatch', action: { do: 'closeHandle', handle: 42 } }, /handle/],
      [
        {
          type: 'load',
          scenario: { format: 'unload-scenario/1', title: 't', os: 'windows', steps: [{ do: 'x' }] },
        },
        /steps\[0\]\.do/,
      ],
      [{ type: 'load', scenario: '~1.broken' }, /damaged/],
      [{ type: 'load', scenario: 'no-such-scenario' }, /no built-in scenario "no-such-scenario"/],
    ];
    for (const [message, error] of bad) {
      n = await host.count();
      await host.send(message);
      const answer = await host.expectMessage('error', {}, n);
      expect(String(answer.message), JSON.stringify(message)).toMatch(error);
    }
    n = await host.count();
    await host.send({ type: 'goto', step: 'x', id: 'q1' });
    expect(await host.expectMessage('error', { id: 'q1' }, n)).toBeTruthy();
    await expect(frame.getByText('step 2 / 2')).toBeVisible();
    await expect(frame.locator('.react-flow__node[data-id="handle:x1"]')).toBeVisible();
  });

  test.describe('a host the frame does not allow', () => {
    // The frame says so as an error in its console, on purpose.
    test.use({ allowedPageErrors: /does not answer the page at/ });

    test('a message from an origin the page does not allow is ignored and never answered', async ({
      page,
      baseURL,
    }) => {
      await EmbedHost.proxy(page, LENS, baseURL!);
      const host = new EmbedHost(page, DOCS);
      // By default the frame answers only its own origin (lens.test); the host is docs.test.
      await host.open(`${LENS}/embed.html?scenario=windows-default&step=2`);
      const frame = host.frame();
      await expect(frame.getByText('step 2 / 9')).toBeVisible();
      // Left at the browser's 150 px, waiting for a height it cannot hear: the frame says why at once.
      await expect(frame.getByTestId('link-notice')).toContainText(`add origins=${DOCS}`);
      await host.send({ type: 'goto', step: 5 });
      await host.send({ type: 'nonsense' });
      await page.waitForTimeout(500);
      await expect(frame.getByText('step 2 / 9')).toBeVisible();
      expect(await host.received(), 'not even ready or height reaches another origin').toEqual([]);
    });

    test('a frame its host may not drive says so, on screen and in the console', async ({
      page,
      baseURL,
    }) => {
      const said: string[] = [];
      page.on('console', (m) => said.push(m.text()));
      await EmbedHost.proxy(page, LENS, baseURL!);
      const host = new EmbedHost(page, DOCS);
      // Given a height by its page: nothing on screen until the page tries to drive it.
      await host.open(
        `${LENS}/embed.html?scenario=windows-default&step=2&origins=https://other.example`,
        '100%',
        {
          height: 420,
        },
      );
      const frame = host.frame();
      await expect(frame.getByText('step 2 / 9')).toBeVisible();
      // At once in the console: the page around it is not one it answers.
      await expect.poll(() => said.join('\n')).toContain(`does not answer the page at ${DOCS}`);
      await expect(frame.getByTestId('link-notice')).toHaveCount(0);
      await host.send({ type: 'goto', step: 5 });
      const notice = frame.getByTestId('link-notice');
      await expect(notice).toContainText(`This frame does not answer the page at ${DOCS}`);
      await expect(notice).toContainText(`add origins=${DOCS}`);
      await expect(frame.getByText('step 2 / 9')).toBeVisible();
      expect(await host.received()).toEqual([]);
      await page.screenshot({ path: test.info().outputPath('not-allowed.png') });
    });
  });

  test('messages posted on the iframe’s load event, before ready, are answered in order', async ({
    page,
    baseURL,
  }) => {
    await EmbedHost.proxy(page, LENS, baseURL!);
    const host = new EmbedHost(page, DOCS);
    await host.open(
      `${LENS}/embed.html?scenario=windows-default&step=2&theme=purple&origins=${encodeURIComponent(DOCS)}`,
      '100%',
      {
        onLoad: [
          { type: 'goto', step: 4, id: 'a' },
          { type: 'step', delta: 1, id: 'b' },
          { type: 'nonsense', id: 'c' },
          { type: 'getState', id: 'd' },
        ],
        onLoadTarget: LENS,
      },
    );
    await host.expectMessage('ok', { id: 'd' });
    const all = await host.received();
    expect(all[0]).toMatchObject({
      type: 'ready',
      step: 2,
      notices: [expect.stringContaining('theme=purple')],
    });
    expect(all.find((m) => m.type === 'error' && m.cause === 'address')?.message).toMatch(/theme=purple/);
    const replies = all.filter((m) => m.id !== undefined).map((m) => [m.type, m.id]);
    expect(replies).toEqual([
      ['ok', 'a'],
      ['ok', 'b'],
      ['error', 'c'],
      ['ok', 'd'],
    ]);
    expect(all.find((m) => m.id === 'd')?.state).toMatchObject({ step: 5 });
    await expect(host.frame().getByText('step 5 / 9')).toBeVisible();
  });

  test('a page that allows the host’s origin is driven by it', async ({ page, baseURL }) => {
    await EmbedHost.proxy(page, LENS, baseURL!);
    const host = new EmbedHost(page, DOCS);
    await host.open(`${LENS}/embed.html?scenario=windows-default&step=2&origins=${encodeURIComponent(DOCS)}`);
    const ready = await host.expectMessage('ready');
    expect(ready.origin).toBe(LENS);
    await host.send({ type: 'goto', step: 6 });
    await expect(host.frame().getByText('step 6 / 9')).toBeVisible();
  });

  test('reads well in a 320 px frame on a dark page, and follows the reader’s theme', async ({
    page,
    baseURL,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const host = new EmbedHost(page, baseURL!);
    await host.open('/embed.html?scenario=svr5-default&theme=auto&controls=minimal', '320px');
    const frame = host.frame();
    await expect(frame.locator('.visualizer')).toHaveAttribute('data-theme', 'dark');
    await expect(frame.locator('.react-flow__node[data-id="module:asyc"]')).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Step back' })).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const graph = await frame.getByTestId('graph').boundingBox();
    expect(graph!.height).toBeGreaterThanOrEqual(240);
    await host.expectMessage('height');
    await checkA11y(page, 'embed 320 dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(frame.locator('.visualizer')).toHaveAttribute('data-theme', 'light');
  });

  test('full controls: act on an object, the checklist and the log; axe clean', async ({ page }) => {
    await page.goto('/embed.html?scenario=windows-default&controls=full&theme=light');
    await page.locator('.react-flow__node[data-id="driver:Beep"]').click();
    await page
      .getByRole('region', { name: 'Selected object' })
      .getByRole('button', { name: 'Stop (sc stop)', exact: true })
      .click();
    await expect(page.getByText('step 10 / 10')).toBeVisible();
    await expect(page.getByTestId('checklist')).toContainText('Beep');
    await expect(page.getByTestId('event-log')).toContainText('stopDriver');
    await checkA11y(page, 'embed full');
    await page.getByRole('button', { name: 'First step' }).click();
    await expect(page.getByText('step 0 / 10')).toBeVisible();
    const app = page.getByRole('link', { name: /Open in Unload Lens/ });
    await expect(app).toHaveAttribute('href', /\/\?scenario=~1\.[\w-]+&step=0$/);
  });

  test('bad parameters are said in the frame, which still shows a scenario', async ({ page }) => {
    await page.goto('/embed.html?scenario=nope&theme=purple&controls=all&speed=99&origins=ftp://x');
    const notice = page.getByTestId('link-notice');
    await expect(notice).toContainText('no built-in scenario "nope"');
    await expect(notice).toContainText('theme=purple');
    await expect(notice).toContainText('controls=all');
    await expect(notice).toContainText('speed=99');
    await expect(notice).toContainText('origins');
    await expect(page.locator('.react-flow__node[data-id="driver:Beep"]')).toBeVisible();
    await checkA11y(page, 'embed notices');
  });

  test('autoplay plays through every step and stops at the latest', async ({ page, baseURL }) => {
    const host = new EmbedHost(page, baseURL!);
    await host.open('/embed.html?scenario=windows-default&autoplay=1&speed=8');
    await host.expectMessage('state', { step: 9, playing: false });
    const steps = (await host.received()).filter((m) => m.playing === true).map((m) => m.step);
    expect(steps, 'ready at the first step, then a state for each').toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect(host.frame().getByRole('button', { name: 'Play' })).toBeVisible();
  });
});
