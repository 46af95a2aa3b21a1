import AxeBuilder from '@axe-core/playwright';
import { COMPARE_PAIRS } from '../src/lessons/compare';
import { screenOutsideQuestion, tellTales } from './classroom';
import { checkA11y, expect, test } from './fixtures';

/**
 * Issue 17, the compare view (`?view=compare`) in front of a class: one main
 * landmark, no two landmarks of a kind with one name (each side's panels are
 * named after its OS), axe's best-practice rules clean at a projector's
 * 1024 px and at phone widths; its questions asked before their beat with a
 * clicker's keys, nothing outside the question answering it.
 */
for (const width of [1024, 390, 320]) {
  test(`the compare view at ${width} px: one main, unique landmarks, axe best practices`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 768 });
    // A beat where both sides have drawn objects.
    await page.goto('/?view=compare&pair=busy&beat=2');
    await expect(page.getByTestId('compare-windows').locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByTestId('compare-svr5').locator('.react-flow__node').first()).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    for (const os of ['Windows (WDM)', 'SVR5 (DDI)'])
      for (const part of ['Current step', 'Unload checklist', 'Event log'])
        await expect(page.getByRole('region', { name: `${os}: ${part}`, exact: true })).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(['best-practice']).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
  });
}

for (const { id, beats } of COMPARE_PAIRS.filter((p) => p.beats.some((b) => b.ask)))
  test(`${id}: a clicker asks each question before its beat, nothing on screen answers it, a digit answers`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/?view=compare&pair=${id}`);
    await expect(page.getByTestId('compare-windows')).toBeVisible();
    // Presenter mode, once, before the class (pressed again only if the page was not listening yet).
    await expect(async () => {
      await page.keyboard.press('p');
      await expect(page.locator('.compare')).toHaveAttribute('data-presenter', 'true', { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    let first = true;
    for (const [i, b] of beats.entries()) {
      if (i === 0) continue;
      await page.keyboard.press('PageDown');
      if (!b.ask) {
        await expect(page.getByText(`beat ${i} of ${beats.length - 1}`)).toBeVisible();
        continue;
      }
      const question = page.getByTestId('question');
      await expect(question).toContainText(b.ask.question);
      await expect(page.getByText(`beat ${i - 1} of ${beats.length - 1}`)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`beat=${i}(&|$)`));
      const outside = await screenOutsideQuestion(page);
      expect(outside).not.toContain(b.ask.choices[b.ask.answer] ?? '?');
      if (b.ask.explain) expect(outside).not.toContain(b.ask.explain);
      expect(outside).not.toContain(b.note);
      // The pair's mapping is its conclusion: it waits for the questions' reveal.
      const pair = COMPARE_PAIRS.find((p) => p.id === id);
      expect(outside).not.toContain(pair?.windowsSide ?? '?');
      expect(outside).not.toContain(pair?.svr5Side ?? '?');
      for (const name of tellTales(b.ask, ['SVR5', 'WDM']))
        expect(outside).not.toMatch(new RegExp(`\\b${name}\\b`));
      if (first) {
        first = false;
        await page.screenshot({ path: test.info().outputPath('compare-question.png') });
        // ← closes it unrevealed; Page Down asks again; then the room's answer, keyed in.
        await page.keyboard.press('PageUp');
        await expect(question).toHaveCount(0);
        await page.keyboard.press('PageDown');
        await expect(question).toBeVisible();
        await page.keyboard.press(String(b.ask.answer + 1));
        await expect(page.getByTestId('answer')).toContainText('Right');
      } else {
        await page.keyboard.press('ArrowRight'); // revealed without an answer
        await expect(page.getByTestId('answer')).toContainText(b.ask.choices[b.ask.answer] ?? '?');
      }
      if (b.ask.explain) await expect(page.getByTestId('explain')).toContainText(b.ask.explain);
      await expect(page.getByTestId('beat-note')).toHaveText(b.note);
    }
    // Every question revealed: the mapping shows.
    const pair = COMPARE_PAIRS.find((p) => p.id === id);
    await expect(page.getByTestId('mapping')).toContainText(pair?.windowsSide ?? '?');
    await checkA11y(page, `compare ${id}, presenter, answered`);
  });
