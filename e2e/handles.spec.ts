import type { Page } from '@playwright/test';
import { cardHandles, chipHandles } from '../src/graph/nodes/handles';
import { SIZES } from '../src/store/layout';
import { expect, test } from './fixtures';

/**
 * A node not measured yet declares its size and handles (src/graph/nodes/handles.ts) so React Flow
 * need not mount it out of view: the declared handles must be where React Flow measures them, and
 * every edge drawn must still leave and reach a measured handle (±1 px), on both OSes, in lessons
 * with every kind of handle (stacks, child devnodes, dependencies, STREAMS, satellites).
 */

interface Measured {
  id: string;
  shape: 'card' | 'chip' | 'other';
  width: number;
  height: number;
  handles: { id: string | null; type: string; x: number; y: number; px: number; py: number }[];
}

/** Every node's handles as React Flow measures them (its getHandleBounds), and each edge's ends. */
function measure(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).m22;
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const box = el.getBoundingClientRect();
      const at = new DOMMatrixReadOnly(el.style.transform);
      const width = el.offsetWidth;
      const height = el.offsetHeight;
      return {
        id: el.dataset.id ?? '',
        shape: el.querySelector('.card') ? 'card' : el.querySelector('.chip') ? 'chip' : 'other',
        width,
        height,
        handles: [...el.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
          const b = h.getBoundingClientRect();
          const x = (b.left - box.left) / zoom;
          const y = (b.top - box.top) / zoom;
          const w = h.offsetWidth;
          const hh = h.offsetHeight;
          const side = h.dataset.handlepos;
          // Where an edge meets it, as React Flow's getHandlePosition puts it, in flow coordinates.
          const px = at.e + x + (side === 'left' ? 0 : side === 'right' ? w : w / 2);
          const py = at.f + y + (side === 'top' ? 0 : side === 'bottom' ? hh : hh / 2);
          return {
            id: h.dataset.handleid ?? null,
            type: h.classList.contains('source') ? 'source' : 'target',
            x,
            y,
            px,
            py,
          };
        }),
      };
    });
    const edges = [...document.querySelectorAll('.react-flow__edge path.react-flow__edge-path')].map((p) => {
      const n = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
      return { start: { x: n[0]!, y: n[1]! }, end: { x: n[n.length - 2]!, y: n[n.length - 1]! } };
    });
    return { nodes, edges };
  }) as Promise<{
    nodes: Measured[];
    edges: { start: { x: number; y: number }; end: { x: number; y: number } }[];
  }>;
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1;

const PLACES = [
  'filter-attached&step=3',
  'child-devnodes&step=3',
  'leaked-handle&step=4',
  'outstanding-irp&step=3',
  'svr5-dependencies&step=2',
  'svr5-streams-push&step=3',
];

test.describe('declared handles', () => {
  for (const place of PLACES)
    test(`${place}: declared handles are the measured ones, and edges attach to them`, async ({ page }) => {
      await page.goto(`/?lesson=${place}`);
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      let atLayoutSize = 0;
      let edgesSeen = 0;
      // Step on inside the page too, so cards that change are measured again where they stand.
      for (const round of [0, 1]) {
        if (round === 1) {
          // (A lesson's Next may ask a question first: go to the next step by number.)
          await page.getByRole('spinbutton', { name: 'Go to' }).fill(String(Number(place.split('=')[1]) + 1));
          await page.getByRole('button', { name: 'Go', exact: true }).click();
          await expect(page).toHaveURL(new RegExp(`step=${Number(place.split('=')[1]) + 1}`));
        }
        // Measured as React Flow measures: after the fonts and two frames (its ResizeObserver's turn).
        await page.evaluate(async () => {
          await document.fonts.ready;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        });
        const { nodes, edges } = await measure(page);
        test.info().annotations.push({
          type: 'sizes',
          description: nodes.map((n) => `${n.id} ${n.width}x${n.height}`).join(', '),
        });
        let compared = 0;
        for (const node of nodes) {
          if (node.shape === 'other') continue;
          const declared =
            node.shape === 'card'
              ? cardHandles(node.width, node.height)
              : chipHandles(node.width, node.height);
          if (node.shape === 'card' && node.width === SIZES.card.width && node.height === SIZES.card.height)
            atLayoutSize++;
          for (const h of node.handles) {
            const d = declared.find((x) => (x.id ?? null) === h.id && x.type === h.type);
            expect(d, `${node.id}: a declared ${h.type} handle ${h.id}`).toBeTruthy();
            expect(Math.abs(d!.x - h.x), `${node.id} handle ${h.id} x`).toBeLessThanOrEqual(1);
            expect(Math.abs(d!.y - h.y), `${node.id} handle ${h.id} y`).toBeLessThanOrEqual(1);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(0);
        const all = nodes.flatMap((n) => n.handles);
        edgesSeen += edges.length;
        for (const e of edges) {
          const from = all.filter((h) => h.type === 'source').map((h) => ({ x: h.px, y: h.py }));
          const to = all.filter((h) => h.type === 'target').map((h) => ({ x: h.px, y: h.py }));
          expect(
            from.some((h) => near(h, e.start)),
            `edge from ${JSON.stringify(e.start)}`,
          ).toBe(true);
          expect(
            to.some((h) => near(h, e.end)),
            `edge to ${JSON.stringify(e.end)}`,
          ).toBe(true);
        }
      }
      // The common card is the layout's size, so what a card out of view declares is what it measures.
      expect(atLayoutSize).toBeGreaterThan(0);
      expect(edgesSeen).toBeGreaterThan(0);
    });

  test('a generated machine of 1,000 objects mounts only the nodes in view, and a far node measures when shown', async ({
    page,
  }) => {
    await page.goto('/?generate=1000');
    const cards = page.locator('.react-flow__node');
    await expect(cards.first()).toBeVisible({ timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const mounted = await cards.count();
    // The generated machine has over 1,000 nodes; the view at the smallest zoom shows a few dozen.
    expect(mounted).toBeLessThan(300);
    // Pan across: the nodes that come into view mount and their edges attach to their handles.
    await page.locator('.react-flow__pane').hover();
    for (let i = 0; i < 3; i++) await page.mouse.wheel(600, 0);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const { nodes } = await measure(page);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes.filter((n) => n.shape === 'card'))
      for (const h of node.handles) {
        const d = cardHandles(node.width, node.height).find((x) => x.id === h.id)!;
        expect(Math.abs(d.x - h.x) + Math.abs(d.y - h.y)).toBeLessThanOrEqual(2);
      }
  });
});
