/**
 * The graph as a picture for a slide (1920×1080): an SVG drawn from the
 * graph as it is on screen — every card, chip, badge, edge, highlight and
 * selection ring, in the colours of the current theme — and a PNG of it.
 *
 * It reads what the browser laid out rather than drawing the nodes again,
 * so whatever a personality's node components show is in the picture, and
 * nothing here knows an OS. The SVG is plain shapes and text (no
 * foreignObject), so slide tools open it and a canvas can turn it into a PNG.
 */

const SLIDE = { width: 1920, height: 1080 } as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Caption {
  readonly title: string;
  /** Like "step 3 / 9 · STATUS_SUCCESS". */
  readonly detail: string;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const px = (v: string) => Number.parseFloat(v) || 0;
const r2 = (n: number) => Math.round(n * 100) / 100;
const transparent = (c: string) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c) || c === '';

/** Screen → flow coordinates, from the viewport's transform (React Flow's origin is its top left). */
function flowMapper(viewport: HTMLElement) {
  const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  const parent = (viewport.parentElement ?? viewport).getBoundingClientRect();
  const k = m.a || 1;
  return (r: DOMRect): Box => ({
    x: (r.left - parent.left - m.e) / k,
    y: (r.top - parent.top - m.f) / k,
    w: r.width / k,
    h: r.height / k,
  });
}

class Drawing {
  readonly parts: string[] = [];
  readonly bounds = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };

  grow(b: Box, margin = 0) {
    this.bounds.x0 = Math.min(this.bounds.x0, b.x - margin);
    this.bounds.y0 = Math.min(this.bounds.y0, b.y - margin);
    this.bounds.x1 = Math.max(this.bounds.x1, b.x + b.w + margin);
    this.bounds.y1 = Math.max(this.bounds.y1, b.y + b.h + margin);
  }

  rect(b: Box, attrs: string) {
    this.parts.push(`<rect x="${r2(b.x)}" y="${r2(b.y)}" width="${r2(b.w)}" height="${r2(b.h)}" ${attrs}/>`);
  }
}

/** One element's own box: background, border, outline and a ring drawn as box-shadow. */
function drawBox(d: Drawing, el: Element, box: Box, cs: CSSStyleDeclaration) {
  const rx = px(cs.borderTopLeftRadius);
  const bw = px(cs.borderTopWidth);
  const hasBorder = bw > 0 && cs.borderTopStyle !== 'none' && !transparent(cs.borderTopColor);
  const ring = /^(rgba?\([^)]*\)|#\w+|oklch\([^)]*\)) 0px 0px 0px ([\d.]+)px/.exec(cs.boxShadow);
  if (ring?.[1] && ring[2]) {
    const s = px(ring[2]);
    d.rect(
      { x: box.x - s / 2, y: box.y - s / 2, w: box.w + s, h: box.h + s },
      `rx="${r2(rx + s / 2)}" fill="none" stroke="${ring[1]}" stroke-width="${s}"`,
    );
  }
  if (!transparent(cs.backgroundColor) || hasBorder) {
    const inset = hasBorder ? bw / 2 : 0;
    const dash = cs.borderTopStyle === 'dashed' ? ` stroke-dasharray="${bw * 3} ${bw * 2}"` : '';
    d.rect(
      { x: box.x + inset, y: box.y + inset, w: box.w - 2 * inset, h: box.h - 2 * inset },
      `rx="${r2(Math.max(0, rx - inset))}" fill="${transparent(cs.backgroundColor) ? 'none' : cs.backgroundColor}"` +
        (hasBorder ? ` stroke="${cs.borderTopColor}" stroke-width="${bw}"${dash}` : ''),
    );
  }
  const ow = px(cs.outlineWidth);
  if (ow > 0 && cs.outlineStyle !== 'none' && !transparent(cs.outlineColor) && el.matches(':not(:focus)')) {
    const o = px(cs.outlineOffset) + ow / 2;
    d.rect(
      { x: box.x - o, y: box.y - o, w: box.w + 2 * o, h: box.h + 2 * o },
      `rx="${r2(rx + o)}" fill="none" stroke="${cs.outlineColor}" stroke-width="${ow}"`,
    );
    d.grow(box, o + ow);
  }
}

/** The nearest box that clips its text (an ellipsis), as a right edge in flow units. */
function clipRight(el: Element, toFlow: (r: DOMRect) => Box, stop: Element): number {
  for (let e: Element | null = el; e && e !== stop.parentElement; e = e.parentElement) {
    if (getComputedStyle(e).overflowX !== 'visible') {
      const b = toFlow(e.getBoundingClientRect());
      return b.x + b.w + 0.5;
    }
  }
  return Infinity;
}

/** An element's own text, line by line where it wraps, at the place the browser put it. */
function drawText(
  d: Drawing,
  el: Element,
  node: Element,
  cs: CSSStyleDeclaration,
  toFlow: (r: DOMRect) => Box,
) {
  const range = document.createRange();
  const right = clipRight(el, toFlow, node);
  const font =
    `font-family="${esc(cs.fontFamily)}" font-size="${cs.fontSize}" font-weight="${cs.fontWeight}" fill="${cs.color}"` +
    (cs.letterSpacing !== 'normal' ? ` letter-spacing="${cs.letterSpacing}"` : '');
  // Words of every text node of the element in order (React splits "RefCount {n}" in two),
  // grouped into the lines the browser made, each cut where the box clips it.
  const lines: { x: number; y: number; h: number; text: string; cut: boolean }[] = [];
  let spaceBefore = false;
  for (const child of el.childNodes) {
    if (child.nodeType !== Node.TEXT_NODE) continue;
    const text = child.textContent ?? '';
    for (const m of text.matchAll(/\S+/g)) {
      const gap = m.index > 0 || spaceBefore;
      range.setStart(child, m.index);
      range.setEnd(child, m.index + m[0].length);
      const b = toFlow(range.getBoundingClientRect());
      if (b.w === 0 && b.h === 0) continue;
      let word = cs.textTransform === 'uppercase' ? m[0].toUpperCase() : m[0];
      const over = b.x + b.w > right;
      if (over) word = word.slice(0, Math.max(1, Math.floor((word.length * (right - b.x)) / b.w) - 1));
      const line = lines.at(-1);
      if (line && Math.abs(line.y - b.y) < b.h / 2) {
        if (line.cut) continue;
        if (!over || right - b.x > b.w / 2) line.text += (gap ? ' ' : '') + word;
        line.cut = over;
      } else if (b.x < right) {
        lines.push({ x: b.x, y: b.y, h: b.h, text: word, cut: over });
      }
    }
    spaceBefore = /\s$/.test(text);
  }
  for (const l of lines) {
    d.parts.push(
      `<text x="${r2(l.x)}" y="${r2(l.y + l.h / 2)}" dominant-baseline="central" ${font}>${esc(l.text + (l.cut ? '…' : ''))}</text>`,
    );
  }
}

function drawNode(d: Drawing, node: HTMLElement, toFlow: (r: DOMRect) => Box) {
  const walk = (el: Element) => {
    if (el.classList.contains('react-flow__handle') || el instanceof SVGElement) return;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return;
    const box = toFlow(el.getBoundingClientRect());
    if (el !== node) {
      drawBox(d, el, box, cs);
      // An element that takes no room (an empty wrapper, a zero-size accessibility part) is drawn
      // nowhere: its box, mapped from the screen's origin, would stretch the bounds far to the top
      // left and push the graph off the slide's centre.
      if (box.w > 0 && box.h > 0) d.grow(box);
    }
    drawText(d, el, node, cs, toFlow);
    for (const c of el.children) walk(c);
  };
  walk(node);
}

function drawEdges(d: Drawing, flow: HTMLElement) {
  for (const path of flow.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')) {
    const cs = getComputedStyle(path);
    const dash =
      cs.strokeDasharray !== 'none' ? ` stroke-dasharray="${cs.strokeDasharray.replace(/px/g, '')}"` : '';
    const dAttr = path.getAttribute('d');
    if (!dAttr) continue;
    d.parts.push(
      `<path d="${esc(dAttr)}" fill="none" stroke="${cs.stroke}" stroke-width="${px(cs.strokeWidth)}"${dash}/>`,
    );
    // An edge may bend out beyond the cards (a dependency around a column): the slide centres on it too.
    const b = path.getBBox();
    d.grow({ x: b.x, y: b.y, w: b.width, h: b.height }, px(cs.strokeWidth) / 2);
  }
}

function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (!transparent(c)) return c;
  }
  return '#ffffff';
}

/**
 * The graph inside `flow` (a `.react-flow` element) as an SVG slide:
 * the caption on top, the graph scaled to fill the rest, centred.
 */
export function graphToSvg(flow: HTMLElement, caption: Caption): string {
  const viewport = flow.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('the graph is not drawn yet');
  const toFlow = flowMapper(viewport);
  const d = new Drawing();
  drawEdges(d, flow);
  const nodes = [...flow.querySelectorAll<HTMLElement>('.react-flow__node')];
  for (const n of nodes) drawNode(d, n, toFlow);
  if (nodes.length === 0) d.grow({ x: 0, y: 0, w: 200, h: 100 });

  const root = flow.closest('.visualizer') ?? flow;
  const rcs = getComputedStyle(root);
  return slideSvg(
    d.bounds,
    d.parts,
    { background: backgroundOf(flow), ink: rcs.color, family: rcs.fontFamily },
    caption,
  );
}

/** The slide's look: its background, the caption's colour and type. */
export interface SlideLook {
  readonly background: string;
  readonly ink: string;
  readonly family: string;
}

/**
 * A drawing (its parts, in flow units, and their bounds) framed as a slide:
 * the caption on top, the drawing scaled to fill the rest, centred. Shared
 * by the app's export and the Node renderer (src/render/draw.ts).
 */
export function slideSvg(
  b: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number },
  parts: readonly string[],
  look: SlideLook,
  caption: Caption,
): string {
  const { width, height } = SLIDE;
  const pad = 56;
  const top = 150;
  const bw = b.x1 - b.x0;
  const bh = b.y1 - b.y0;
  const scale = Math.min((width - 2 * pad) / bw, (height - top - pad) / bh, 2.5);
  const tx = (width - bw * scale) / 2 - b.x0 * scale;
  const ty = top + (height - top - pad - bh * scale) / 2 - b.y0 * scale;
  const family = esc(look.family);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${esc(`${caption.title} — ${caption.detail}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="${look.background}"/>`,
    `<text x="${pad}" y="78" font-family="${family}" font-size="44" font-weight="700" fill="${look.ink}">${esc(caption.title)}</text>`,
    `<text x="${pad}" y="122" font-family="${family}" font-size="28" fill="${look.ink}" opacity="0.8">${esc(caption.detail)}</text>`,
    `<g transform="translate(${r2(tx)} ${r2(ty)}) scale(${r2(scale * 1000) / 1000})">`,
    ...parts,
    '</g>',
    '</svg>',
  ].join('\n');
}

/** Renders an SVG slide to a PNG of the same size. */
export async function svgToPng(
  svg: string,
  width: number = SLIDE.width,
  height: number = SLIDE.height,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gives no canvas to draw the PNG on');
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
