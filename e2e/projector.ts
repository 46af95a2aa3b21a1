import type { Page } from '@playwright/test';

/**
 * What a projector shows, measured in the page: the smallest text drawn
 * (computed font size, × the graph's zoom for text inside the graph) and
 * what overlaps or is cut off. One `page.evaluate` a step.
 */
export interface Drawn {
  /** The smallest drawn text size, px, and that text. */
  readonly min: number;
  readonly minText: string;
  /** Texts drawn under the floor: "12.3px «text»". */
  readonly small: readonly string[];
  /** Boxes that overlap or spill: what, and by how much. */
  readonly overlaps: readonly string[];
}

export async function measure(page: Page, floor: number): Promise<Drawn> {
  return page.evaluate((floor) => {
    const W = innerWidth;
    const H = innerHeight;
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    let min = Infinity;
    let minText = '';
    const small: string[] = [];
    const note = (size: number, text: string) => {
      if (size < min) [min, minText] = [size, text];
      if (size < floor - 0.05 && small.length < 12) small.push(`${size.toFixed(1)}px «${text.slice(0, 40)}»`);
    };
    const shown = (el: Element) =>
      !el.closest('.sr-only, script, style, noscript, title') &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const onScreen = (r: DOMRect) =>
      r.width >= 1 && r.height >= 1 && r.right > 0 && r.bottom > 0 && r.left < W && r.top < H;
    const drawnSize = (el: Element) =>
      parseFloat(getComputedStyle(el).fontSize) * (el.closest('.react-flow__viewport') ? zoom : 1);

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || !shown(el)) continue;
      range.selectNodeContents(n);
      if (!onScreen(range.getBoundingClientRect())) continue;
      note(drawnSize(el), text);
    }
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (shown(el) && onScreen(el.getBoundingClientRect()))
        note(
          drawnSize(el),
          (el as HTMLInputElement).placeholder || el.getAttribute('aria-label') || el.tagName,
        );
    }

    // Overlaps: cards and chips inside the graph's box and apart from each other, badges inside their card,
    // links inside their panel.
    const overlaps: string[] = [];
    const name = (el: Element) =>
      (el.closest('.react-flow__node')?.getAttribute('data-id') ?? el.textContent ?? '').slice(0, 40);
    const graph = document.querySelector('[data-testid="graph"]')?.getBoundingClientRect();
    const nodes = [...document.querySelectorAll('.react-flow__node:not(.react-flow__node-frame)')]
      .filter(shown)
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    const SLACK = 1.5;
    for (const { el, r } of nodes) {
      if (
        graph &&
        (r.left < graph.left - SLACK ||
          r.right > graph.right + SLACK ||
          r.top < graph.top - SLACK ||
          r.bottom > graph.bottom + SLACK)
      )
        overlaps.push(`${name(el)} is cut by the graph's edge`);
    }
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const [a, b] = [nodes[i]!.r, nodes[j]!.r];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > SLACK && y > SLACK)
          overlaps.push(
            `${name(nodes[i]!.el)} overlaps ${name(nodes[j]!.el)} (${x.toFixed(0)}×${y.toFixed(0)} px)`,
          );
      }
    for (const part of document.querySelectorAll(
      '.react-flow__node .badge, .react-flow__node .card-title, .react-flow__node .card-kind, .react-flow__node .chip-title',
    )) {
      const box = part.closest('.card, .chip');
      if (!box || !shown(part)) continue;
      const [p, c] = [part.getBoundingClientRect(), box.getBoundingClientRect()];
      if (p.right > c.right + SLACK || p.bottom > c.bottom + SLACK || p.left < c.left - SLACK)
        overlaps.push(`«${part.textContent}» spills out of ${name(box)}`);
    }
    for (const link of document.querySelectorAll('main a')) {
      const panel = link.closest('.panel');
      if (!panel || !shown(link)) continue;
      const [l, p] = [link.getBoundingClientRect(), panel.getBoundingClientRect()];
      if (l.width > 0 && l.right > p.right + SLACK)
        overlaps.push(`link «${link.textContent?.slice(0, 40)}» cut at its panel's edge`);
    }
    return { min, minText, small, overlaps };
  }, floor);
}

/** Where the lesson is: the step, and whether a question or an answer shows (a press changes one of them). */
export async function where(page: Page): Promise<string> {
  return page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('input[type="range"]');
    const q = document.querySelector('[data-testid="question"]') ? 'asking' : '';
    const a = document.querySelector('[data-testid="answer"]') ? 'answered' : '';
    return `${slider?.value ?? ''}${q}${a}`;
  });
}
