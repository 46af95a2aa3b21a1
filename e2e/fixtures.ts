// Shared Playwright setup for every spec: import `test` and `expect` from here, not from '@playwright/test'.
//
// - Every test fails if a page logged a console error or threw an uncaught exception. Allow
//   known ones with one pattern: `test.use({ allowedPageErrors: /first|second/ })`. The 404 of
//   the favicon.ico that Chromium requests on its own is always ignored.
// - `checkA11y(page, name)` runs axe-core (WCAG 2.0/2.1/2.2 A and AA, target-size included) and fails on any violation.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { ConsoleMessage, Page } from '@playwright/test';

export { expect };

type Options = {
  /**
   * Console errors and uncaught page errors whose description matches this pattern do not fail
   * the test. (One RegExp rather than an array: `test.use` reads an array as [value, options].)
   */
  allowedPageErrors: RegExp | undefined;
};

type Fixtures = {
  /** Automatic: collects console errors and uncaught page errors, fails the test at the end if any. */
  failOnPageErrors: void;
};

/** Chromium fetches /favicon.ico by itself; a missing one is not the page's error. */
function isImplicitFaviconMiss(message: ConsoleMessage): boolean {
  const { url } = message.location();
  return (
    message.text().startsWith('Failed to load resource') &&
    url !== '' &&
    new URL(url).pathname === '/favicon.ico'
  );
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber, columnNumber } = message.location();
  const where = url ? ` (${url}:${lineNumber + 1}:${columnNumber + 1})` : '';
  return `console.error: ${message.text()}${where}`;
}

function describeError(error: Error): string {
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 3)
    .map((line) => `\n       ${line.trim()}`);
  return `uncaught ${error.name}: ${error.message}${frames.join('')}`;
}

export const test = base.extend<Fixtures & Options>({
  allowedPageErrors: [undefined, { option: true }],

  failOnPageErrors: [
    async ({ context, allowedPageErrors }, use, testInfo) => {
      const problems: string[] = [];
      const note = (text: string) => {
        // search() ignores the /g and /y flags and lastIndex, unlike test().
        const allowed = allowedPageErrors !== undefined && text.search(allowedPageErrors) !== -1;
        if (!allowed) problems.push(text);
      };
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error' && !isImplicitFaviconMiss(message)) note(describeConsole(message));
        });
        page.on('pageerror', (error) => note(describeError(error)));
      };
      context.pages().forEach(watch);
      context.on('page', watch);

      await use();

      if (problems.length > 0) {
        const report = `${problems.length} console/page error(s) during "${testInfo.title}":\n${problems
          .map((problem, i) => `  ${i + 1}. ${problem}`)
          .join('\n')}`;
        console.error(report);
        const error = new Error(report);
        error.stack = ''; // no stack: the report is the message, and the fixture's frames are noise
        throw error;
      }
    },
    { auto: true },
  ],
});

const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and fails (with a readable summary) on any WCAG 2.2 A/AA
 * violation; `exclude` leaves out a part (a selector) the test says why.
 */
export async function checkA11y(page: Page, name: string, options: { exclude?: string } = {}): Promise<void> {
  await test.step(`accessibility: ${name}`, async () => {
    // axe reads every element (target-size measures each one against its neighbours): on this slow
    // machine a large page takes a while, and that time is not the page's.
    test.info().setTimeout(test.info().timeout + 30_000);
    // Read the page at rest: a colour caught mid-transition (a reveal fading in) once failed color-contrast
    // on CI. Running animations are awaited, for 2 s at most (an endless one never finishes).
    await page.evaluate(() =>
      Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 2_000)),
      ]),
    );
    const axe = new AxeBuilder({ page }).withTags(A11Y_TAGS);
    const results = await (options.exclude ? axe.exclude(options.exclude) : axe).analyze();
    const { violations } = results;
    if (violations.length > 0) {
      await test.info().attach(`axe-${name}.json`, {
        body: JSON.stringify(violations, null, 2),
        contentType: 'application/json',
      });
    }
    const summary = violations
      .map((violation) => {
        const targets = violation.nodes
          .slice(0, 3)
          .map((node) => `      ${node.target.map(String).join(' ')}`)
          .join('\n');
        const more = violation.nodes.length > 3 ? `\n      … and ${violation.nodes.length - 3} more` : '';
        return `  - ${violation.id} [${violation.impact ?? 'unknown'}]: ${violation.help}\n    ${violation.helpUrl}\n${targets}${more}`;
      })
      .join('\n');
    const message = `${violations.length} accessibility violation(s) on "${name}":\n${summary}`;
    if (violations.length > 0) console.error(message);
    expect(violations.length, message).toBe(0);
  });
}
