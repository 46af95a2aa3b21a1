import { getBezierPath, Position } from '@xyflow/react';
import { SIZES } from '../store/layout';
import { slideSvg, type Caption } from '../share/image';
import type { HandleModel, NodeModel, Tone } from './markup';
import type { Palette } from './palette';

/**
 * The graph as an SVG slide without a browser: the same 1920×1080 frame,
 * caption, colours and shapes as the app's own export (src/share/image.ts,
 * which reads them from the DOM), drawn from the node models the app's
 * components render (markup.ts), at the places the app's layout gives.
 * Text is measured by an estimate of the app's fonts (no font engine in
 * Node), so a line may end a little earlier or later than on screen;
 * places, shapes, texts and colours are the app's.
 */

export type { Caption };

export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly model: NodeModel;
  /** A frame's size (its node's own); cards and chips are sized here, as CSS sizes them. */
  readonly width?: number;
  readonly height?: number;
}

export interface PlacedEdge {
  readonly source: string;
  readonly target: string;
  readonly sourceHandle?: string | null;
  readonly targetHandle?: string | null;
  readonly className?: string;
}

const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const MONO = 'ui-monospace, SFMono-Regular, Menlo, monospace';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (n: number) => Math.round(n * 100) / 100;

interface Font {
  readonly size: number;
  readonly weight?: number;
  readonly mono?: boolean;
  readonly upper?: boolean;
  /** Letter spacing in em. */
  readonly spacing?: number;
}

/** An estimate of a text's width in the app's fonts (average advance per character). */
export function textWidth(s: string, f: Font): number {
  const bold = (f.weight ?? 400) >= 600;
  const perChar = f.mono ? 0.61 : f.upper ? (bold ? 0.74 : 0.68) : bold ? 0.64 : 0.58;
  return [...s].length * f.size * (perChar + (f.spacing ?? 0));
}

/** Words greedily into lines of at most `width` (a word longer than a line is cut anywhere). */
function wrap(pieces: readonly string[], width: number, f: Font, joiner: string): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s, f) <= width + 0.5;
  for (const piece of pieces) {
    const next = line === '' ? piece : line + joiner + piece;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = piece;
    while (!fits(rest) && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

class Svg {
  readonly parts: string[] = [];
  readonly bounds = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };

  grow(x: number, y: number, w: number, h: number, margin = 0) {
    this.bounds.x0 = Math.min(this.bounds.x0, x - margin);
    this.bounds.y0 = Math.min(this.bounds.y0, y - margin);
    this.bounds.x1 = Math.max(this.bounds.x1, x + w + margin);
    this.bounds.y1 = Math.max(this.bounds.y1, y + h + margin);
  }

  rect(x: number, y: number, w: number, h: number, attrs: string) {
    this.parts.push(`<rect x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}" ${attrs}/>`);
  }

  /** A box with a border drawn inside it, as CSS draws a border (the stroke's centre half a width in). */
  box(
    x: number,
    y: number,
    w: number,
    h: number,
    o: { radius: number; fill: string; stroke: string; width: number; dashed?: boolean; opacity?: number },
  ) {
    const inset = o.width / 2;
    const dash = o.dashed ? ` stroke-dasharray="${r2(o.width * 3)} ${r2(o.width * 2)}"` : '';
    const opacity = o.opacity === undefined ? '' : ` fill-opacity="${o.opacity}"`;
    this.rect(
      x + inset,
      y + inset,
      w - 2 * inset,
      h - 2 * inset,
      `rx="${r2(Math.max(0, Math.min(o.radius, h / 2) - inset))}" fill="${o.fill}"${opacity} stroke="${o.stroke}" stroke-width="${o.width}"${dash}`,
    );
  }

  text(x: number, centreY: number, s: string, f: Font, colour: string, family = f.mono ? MONO : SANS) {
    const spacing = f.spacing ? ` letter-spacing="${r2(f.spacing * f.size)}px"` : '';
    this.parts.push(
      `<text x="${r2(x)}" y="${r2(centreY)}" dominant-baseline="central" font-family="${esc(family)}" font-size="${f.size}px" font-weight="${f.weight ?? 400}" fill="${colour}"${spacing}>${esc(f.upper ? s.toUpperCase() : s)}</text>`,
    );
  }

  /** The highlight outline (`.card-highlight`: 3 px, 3 px away). */
  highlight(x: number, y: number, w: number, h: number, radius: number, p: Palette) {
    const o = 3 + 1.5;
    this.rect(
      x - o,
      y - o,
      w + 2 * o,
      h + 2 * o,
      `rx="${r2(radius + o)}" fill="none" stroke="${p.highlight}" stroke-width="3"`,
    );
    this.grow(x, y, w, h, o + 3);
  }
}

const ink = (t: Tone, p: Palette) => (t === 'neutral' ? p.muted : p[t]);
const tint = (t: Tone, p: Palette) => (t === 'neutral' ? p.panel : p[`${t}-bg`]);

interface Sized {
  readonly width: number;
  readonly height: number;
  draw(svg: Svg, x: number, y: number): void;
}

/** The layout's card (SIZES.card, as `.card` in src/app/index.css). */
const CARD = { width: SIZES.card.width, minHeight: SIZES.card.height, padX: 8, padY: 6, line: 15 } as const;
const KIND: Font = { size: 10, weight: 600, upper: true, spacing: 0.04 };
const TITLE: Font = { size: 12, weight: 700, mono: true };
const SUB: Font = { size: 12 };
const BADGE: Font = { size: 10, weight: 600 };

/** A card (`.card` and its parts, src/app/index.css) at its size. */
function card(m: Extract<NodeModel, { shape: 'card' }>, p: Palette): Sized {
  const bw = m.tone === 'pending' ? 3 : 2;
  const inner = CARD.width - 2 * bw - 2 * CARD.padX;
  const kindW = textWidth(m.kind, KIND);
  const titleLines = wrap(m.title, inner - kindW - 6, TITLE, '');
  const subLines = m.subtitle ? wrap(m.subtitle.split(' '), inner, SUB, ' ') : [];
  // Badges: rows of boxes 14.5 px high, 3 px apart.
  const badgeH = 12.5 + 2;
  const rows: { text: string; tone: Tone; w: number }[][] = [];
  for (const b of m.badges) {
    const w = Math.min(inner, textWidth(b.text, BADGE) + 10);
    const row = rows.at(-1);
    const used = row ? row.reduce((s, x) => s + x.w + 3, 0) : Infinity;
    if (row && used + w <= inner) row.push({ ...b, w });
    else rows.push([{ ...b, w }]);
  }
  const content =
    titleLines.length * CARD.line +
    (subLines.length ? 1 + subLines.length * CARD.line : 0) +
    (rows.length ? 4 + rows.length * badgeH + (rows.length - 1) * 3 : 0);
  const height = Math.max(CARD.minHeight, content + 2 * (CARD.padY + bw));
  return {
    width: CARD.width,
    height,
    draw(svg, x, y) {
      const stroke = m.tone === 'ok' || m.tone === 'pending' || m.tone === 'danger' ? p[m.tone] : p.line;
      svg.box(x, y, CARD.width, height, {
        radius: 10,
        fill: m.ghost ? p['ghost-bg'] : p.panel,
        stroke,
        width: bw,
        dashed: m.ghost,
      });
      if (m.highlighted) svg.highlight(x, y, CARD.width, height, 10, p);
      const colour = m.ghost ? p.muted : p.ink;
      const left = x + bw + CARD.padX;
      let top = y + bw + CARD.padY;
      svg.text(left, top + CARD.line / 2, m.kind, KIND, p.muted);
      titleLines.forEach((l, i) => svg.text(left + kindW + 6, top + CARD.line * (i + 0.5), l, TITLE, colour));
      top += titleLines.length * CARD.line;
      if (subLines.length) top += 1;
      for (const l of subLines) {
        svg.text(left, top + CARD.line / 2, l, SUB, p.muted);
        top += CARD.line;
      }
      if (rows.length) top += 4;
      for (const row of rows) {
        let bx = left;
        for (const b of row) {
          svg.box(bx, top, b.w, badgeH, {
            radius: 4,
            fill: b.tone === 'ghost' ? p['ghost-bg'] : tint(b.tone, p),
            stroke: ink(b.tone, p),
            width: 1,
            dashed: b.tone === 'ghost',
          });
          svg.text(bx + 5, top + badgeH / 2, b.text, BADGE, ink(b.tone, p));
          bx += b.w + 3;
        }
        top += badgeH + 3;
      }
    },
  };
}

const CHIP_KIND: Font = { size: 9, weight: 700, upper: true };
const CHIP_TITLE: Font = { size: 11, weight: 700, mono: true };
const CHIP_DETAIL: Font = { size: 9 };

/** A chip (`.chip`): as wide as its text, 92 to 200 px; a detail that does not fit goes below. */
function chip(m: Extract<NodeModel, { shape: 'chip' }>, p: Palette): Sized {
  const bw = m.tone === 'pending' ? 2 : 1.5;
  const items = [
    { s: m.kind, f: CHIP_KIND, c: p.muted },
    { s: m.title, f: CHIP_TITLE, c: p.ink },
    ...(m.detail ? [{ s: m.detail, f: CHIP_DETAIL, c: p.muted }] : []),
  ].map((i) => ({ ...i, w: textWidth(i.s, i.f) }));
  const room = 200 - 2 * bw - 16;
  const lines: (typeof items)[] = [[]];
  let used = 0;
  for (const i of items) {
    const line = lines.at(-1)!;
    const need = (line.length ? 4 : 0) + i.w;
    if (line.length && used + need > room) {
      lines.push([i]);
      used = i.w;
    } else {
      line.push(i);
      used += need;
    }
  }
  const widest = Math.max(...lines.map((l) => l.reduce((s, i) => s + i.w, 0) + 4 * (l.length - 1)));
  const width = Math.min(200, Math.max(92, widest + 16 + 2 * bw));
  const lineH = 16.5;
  const height = Math.max(24, lines.length * lineH + 2 * bw);
  const stroke = m.tone === 'info' || m.tone === 'pending' ? p[m.tone] : p.line;
  return {
    width,
    height,
    draw(svg, x, y) {
      svg.box(x, y, width, height, { radius: 13, fill: p.panel, stroke, width: bw });
      if (m.highlighted) svg.highlight(x, y, width, height, 13, p);
      const top = y + (height - lines.length * lineH) / 2;
      lines.forEach((line, n) => {
        let ix = x + bw + 8;
        for (const i of line) {
          svg.text(ix, top + lineH * (n + 0.5), i.s, i.f, i.c);
          ix += i.w + 4;
        }
      });
    },
  };
}

/** A device stack's frame (`.stack-frame`) with its caption. */
function frame(m: Extract<NodeModel, { shape: 'frame' }>, p: Palette, width: number, height: number): Sized {
  return {
    width,
    height,
    draw(svg, x, y) {
      svg.rect(
        x + 1,
        y + 1,
        width - 2,
        height - 2,
        `rx="13" fill="${p['info-bg']}" fill-opacity="0.35" stroke="none"`,
      );
      svg.box(x, y, width, height, { radius: 14, fill: 'none', stroke: p.line, width: 2, dashed: true });
      svg.text(x + 12, y + 5 + 8.25, m.caption, { size: 11, weight: 600 }, p.muted);
    },
  };
}

/** Each edge's look, by its class (src/app/index.css, "Edges"). */
function edgeStyle(className: string, p: Palette): { stroke: string; width: number; dash?: string } {
  if (className.includes('edge-attach')) return { stroke: p.ink, width: 2.5 };
  if (className.includes('edge-own')) return { stroke: p.line, width: 1 };
  if (className.includes('edge-depends')) return { stroke: p.info, width: 1.5, dash: '6 3' };
  if (/edge-(handle|channel)/.test(className)) return { stroke: p.info, width: 1.5 };
  if (/edge-(irp|registration)/.test(className)) return { stroke: p.pending, width: 1.5 };
  if (className.includes('edge-reference')) return { stroke: p.muted, width: 1 };
  return { stroke: p.line, width: 1 };
}

const SIDE = { top: Position.Top, bottom: Position.Bottom, left: Position.Left, right: Position.Right };

/** Where an edge meets a node: the middle of the handle's outer half, as React Flow computes it (6 px handles centred on the border). */
function handlePoint(x: number, y: number, w: number, h: number, hd: HandleModel) {
  switch (hd.position) {
    case 'top':
      return { x: x + w / 2, y: y - 3 };
    case 'bottom':
      return { x: x + w / 2, y: y + h + 3 };
    case 'left':
      return { x: x - 3, y: y + h * hd.at };
    case 'right':
      return { x: x + w + 3, y: y + h * hd.at };
  }
}

/** The graph as an SVG slide: the caption on top, the graph scaled to fill the rest, centred. */
export function drawSlide(
  nodes: readonly PlacedNode[],
  edges: readonly PlacedEdge[],
  palette: Palette,
  caption: Caption,
): string {
  const svg = new Svg();
  const sized = new Map<string, { node: PlacedNode; size: Sized }>();
  for (const n of nodes) {
    const m = n.model;
    const size =
      m.shape === 'card'
        ? card(m, palette)
        : m.shape === 'chip'
          ? chip(m, palette)
          : frame(m, palette, n.width ?? 0, n.height ?? 0);
    sized.set(n.id, { node: n, size });
  }
  // Edges under the nodes, as React Flow layers them.
  for (const e of edges) {
    const a = sized.get(e.source);
    const b = sized.get(e.target);
    if (!a || !b || a.node.model.shape === 'frame' || b.node.model.shape === 'frame') continue;
    const pick = (n: PlacedNode, type: 'source' | 'target', id?: string | null) => {
      const hs = n.model.shape === 'frame' ? [] : n.model.handles.filter((h) => h.type === type);
      return (id ? hs.find((h) => h.id === id) : undefined) ?? hs[0];
    };
    const sh = pick(a.node, 'source', e.sourceHandle);
    const th = pick(b.node, 'target', e.targetHandle);
    if (!sh || !th) continue;
    const s = handlePoint(a.node.x, a.node.y, a.size.width, a.size.height, sh);
    const t = handlePoint(b.node.x, b.node.y, b.size.width, b.size.height, th);
    const [d] = getBezierPath({
      sourceX: s.x,
      sourceY: s.y,
      sourcePosition: SIDE[sh.position],
      targetX: t.x,
      targetY: t.y,
      targetPosition: SIDE[th.position],
    });
    const st = edgeStyle(e.className ?? '', palette);
    svg.parts.push(
      `<path d="${d}" fill="none" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
    );
  }
  for (const { node, size } of sized.values()) {
    size.draw(svg, node.x, node.y);
    svg.grow(node.x, node.y, size.width, size.height);
  }
  if (sized.size === 0) svg.grow(0, 0, 200, 100);

  return slideSvg(
    svg.bounds,
    svg.parts,
    { background: palette.graph, ink: palette.ink, family: SANS },
    caption,
  );
}
