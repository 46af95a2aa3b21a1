import type { Page } from '@playwright/test';

/** What the class-facing e2e tests share (classroom-clicker, compare-questions): how an answer is told. */

export interface AskLike {
  readonly question: string;
  readonly choices: readonly string[];
  readonly answer: number;
}

/**
 * The OS's names in the right answer that no wrong choice nor the question
 * has (EBUSY, STATUS_…); `also`: names the page shows anyway (a side's OS).
 */
export function tellTales(ask: AskLike, also: readonly string[] = []): string[] {
  const names = (t: string) => t.split(/[^A-Za-z0-9_]+/).filter((w) => /^[A-Z][A-Z0-9_]{2,}$/.test(w));
  const elsewhere = new Set([
    ...also,
    ...[ask.question, ...ask.choices.filter((_, i) => i !== ask.answer)].flatMap(names),
  ]);
  return names(ask.choices[ask.answer] ?? '').filter((w) => !elsewhere.has(w));
}

/** What the class reads outside the question panel: the whole page's text with the panel hidden. */
export async function screenOutsideQuestion(page: Page): Promise<string> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('[data-testid="question"]');
    const was = panel?.style.display ?? '';
    if (panel) panel.style.display = 'none';
    const text = document.body.innerText;
    if (panel) panel.style.display = was;
    return text;
  });
}
