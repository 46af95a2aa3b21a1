/**
 * Presenter mode's fit: the zoom and offset that show a box of the flow
 * (everything a lesson draws) as large as the stage allows, centred, with
 * a corner kept clear for what stands there (the legend's button, top
 * right). Pure arithmetic, so it is tested without a browser.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface StageFit {
  readonly zoom: number;
  /** The flow's offset on screen (React Flow's viewport x and y). */
  readonly x: number;
  readonly y: number;
}

/**
 * `stage`: the graph's box on screen (width, height); `content`: the box to
 * show, in flow units; `padding`: the share of the content kept around it;
 * `corner`: a top-right box on screen that nothing may be drawn under (its
 * width and height; 0 for none).
 */
export function fitStage(
  stage: { readonly width: number; readonly height: number },
  content: Rect,
  options: {
    readonly padding: number;
    readonly maxZoom: number;
    readonly corner?: { width: number; height: number };
  },
): StageFit {
  const room = 1 + 2 * options.padding;
  const place = (w: number, h: number, dx: number, dy: number): StageFit => {
    const zoom = Math.max(
      0,
      Math.min(w / (content.width * room), h / (content.height * room), options.maxZoom),
    );
    return {
      zoom,
      x: dx + (w - content.width * zoom) / 2 - content.x * zoom,
      y: dy + (h - content.height * zoom) / 2 - content.y * zoom,
    };
  };
  const whole = place(stage.width, stage.height, 0, 0);
  const corner = options.corner;
  if (!corner || corner.width <= 0 || corner.height <= 0) return whole;
  // Clear of the corner as centred: the content's box ends left of it or starts below it.
  const right = whole.x + (content.x + content.width) * whole.zoom;
  const top = whole.y + content.y * whole.zoom;
  if (right <= stage.width - corner.width || top >= corner.height) return whole;
  // Else the better of the two: the content below the corner, or left of it.
  const below = place(stage.width, stage.height - corner.height, 0, corner.height);
  const left = place(stage.width - corner.width, stage.height, 0, 0);
  return below.zoom >= left.zoom ? below : left;
}

/**
 * Where an open question stands on a folded stage (the panels away, only
 * the question beside the graph): beside the graph, in a column of
 * `column` px, or in a band of `band` px below it — whichever draws a
 * graph of this width-to-height `ratio` larger (by more than 2 %, so a
 * near tie keeps the column). Decided from the stage and the lesson, never
 * from the graph's box that the choice changes.
 */
export function questionBelow(
  stage: { readonly width: number; readonly height: number },
  ratio: number,
  room: { readonly column: number; readonly band: number },
): boolean {
  if (!(ratio > 0 && stage.width > 0 && stage.height > 0)) return false;
  const beside = Math.min((stage.width - room.column) / ratio, stage.height);
  const below = Math.min(stage.width / ratio, stage.height - room.band);
  return below > beside * 1.02;
}

/**
 * About how tall a question stands in a band `width` px wide with its text at
 * `floor` px (classroom.css, the band's type): a head line (the step and the
 * Back and Reveal buttons), the setup, the question a step larger, the
 * choices side by side in cells of at least 14rem, each as tall as the
 * longest. Characters are counted at an average width (0.55 of the size,
 * 0.6 bold), so it is an estimate for choosing a layout, never for drawing.
 */
export function questionBandHeight(
  texts: {
    readonly say?: string | undefined;
    readonly question: string;
    readonly choices: readonly string[];
  },
  width: number,
  floor: number,
): number {
  const inner = Math.max(1, width - 28);
  const lines = (text: string, size: number, room: number, em: number) =>
    text ? Math.max(1, Math.ceil((text.length * em * size) / Math.max(1, room))) : 0;
  const stem = floor * 1.15;
  const cell = 14 * 16;
  const columns = Math.max(1, Math.min(texts.choices.length, Math.floor((inner + 4) / (cell + 4))));
  const rows = Math.ceil(texts.choices.length / columns);
  // A cell: its padding (0.5em each side), the choice's number and gap (about 1.5em).
  const cellText = (inner - 4 * (columns - 1)) / columns - 2.5 * floor;
  const tallest = Math.max(0, ...texts.choices.map((c) => lines(c, floor, cellText, 0.55)));
  return Math.ceil(
    12 + // the band's padding and border
      floor * 1.45 + // the head line: the step's label, Back and Reveal
      lines(texts.say ?? '', floor, inner, 0.55) * floor * 1.3 +
      lines(texts.question, stem, inner, 0.6) * stem * 1.25 +
      rows * (tallest * floor * 1.3 + floor * 0.3 + 4) +
      3 * 3.2, // the gaps between them
  );
}

/**
 * Presenter mode's picture for its stage: the placed cards (layout.ts) moved
 * by columns, never one by one, so the lesson keeps its shape and nothing
 * jumps as its steps play (the layout already holds every object of every
 * step, and so does `laned`).
 * - Lanes as they are used: a column keeps a lane only when a satellite (a
 *   handle, an IRP, a reference) stands in it at some step, and then as wide
 *   as the presenter's chips, `scale` times the normal size; a lane never used
 *   gives its room back. First-row cards (drivers, modules) follow the column
 *   below them, in their order and never closer than the gap.
 * - Two bands: on a stage narrower than the picture (a 4:3 projector), the
 *   columns right of a cut stand in a second band below the first, when that
 *   draws the picture larger on this stage (by more than 5 %). The cut falls
 *   where a column starts and no first-row card spans it.
 * - A closer first row: when no satellite ever hangs below a first-row card,
 *   the columns move up by `lift` (the caller's: what is free above the
 *   columns' drawing, their frames included).
 * - Closer rows (`rows`, when given): a column's cards stand `rows.pitch`
 *   apart instead of the layout's `rows.from` (its cards start at
 *   `rows.band`): the presenter's cards are shorter (no kind line where the
 *   name says it, nodes.tsx), so a three-layer stack takes less height.
 * - Closer columns (`apart`, when given): a column without a lane stands
 *   this far from the next (room for the two frames' padding), not two gaps.
 * `tops`: the first-row cards (the others stand in columns); `laned`: the
 * cards whose lane a satellite takes at some step (extent.ts, lanesUsed);
 * `below`: how far the drawing reaches under the lowest card (satellites
 * hung below a driver), in flow units.
 */
export function shapeForStage(
  placed: {
    readonly positions: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
    readonly tops: ReadonlySet<string>;
    readonly laned: ReadonlySet<string>;
    /** A satellite hangs below a first-row card at some step (the columns keep their distance). */
    readonly hung: boolean;
  },
  options: {
    readonly ratio: number;
    readonly scale: number;
    readonly card: { readonly width: number; readonly height: number };
    readonly lane: number;
    readonly chip: number;
    readonly gap: number;
    readonly below: number;
    readonly lift: number;
    readonly rows?: { readonly band: number; readonly from: number; readonly pitch: number };
    readonly apart?: number;
  },
): Map<string, { x: number; y: number }> {
  const { card, gap } = options;
  const lane = options.lane + Math.max(0, Math.ceil(options.chip * (options.scale - 1)));
  // The columns, left to right, each with whether its lane is ever used.
  const columns = new Map<number, boolean>();
  for (const [id, p] of placed.positions)
    if (!placed.tops.has(id)) columns.set(p.x, (columns.get(p.x) ?? false) || placed.laned.has(id));
  const starts = [...columns.keys()].sort((a, b) => a - b);
  const moved = new Map<number, number>();
  let next = starts[0] ?? 0;
  for (const x of starts) {
    moved.set(x, next);
    // Without a lane, room for the frames drawn around two stacks side by side (toFlow.ts, FRAME.pad).
    next += card.width + (columns.get(x) ? lane + gap : (options.apart ?? 2 * gap));
  }
  const lift = placed.hung ? 0 : Math.max(0, options.lift);
  // A column's card i stands at band + i × from: it moves up i × (from − pitch).
  const rows = options.rows;
  const closer = (y: number) => {
    if (!rows || !(rows.pitch > 0) || rows.pitch >= rows.from) return 0;
    const i = Math.max(0, Math.round((y - rows.band) / rows.from));
    return i * (rows.from - rows.pitch);
  };
  const shaped = new Map<string, { x: number; y: number }>();
  for (const [id, p] of placed.positions)
    if (!placed.tops.has(id)) shaped.set(id, { x: moved.get(p.x) ?? p.x, y: p.y - lift - closer(p.y) });
  // A first-row card moves as the column under (or left of) it, then keeps clear of its neighbour.
  const tops = [...placed.tops]
    .map((id) => ({ id, p: placed.positions.get(id) }))
    .filter((t): t is { id: string; p: { x: number; y: number } } => t.p !== undefined)
    .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x);
  let row = { y: NaN, right: -Infinity };
  for (const { id, p } of tops) {
    const under = starts.filter((x) => x <= p.x + 1).pop();
    const x0 = under === undefined ? p.x : p.x + (moved.get(under) ?? under) - under;
    if (p.y !== row.y) row = { y: p.y, right: -Infinity };
    const x = Math.max(x0, row.right + gap);
    shaped.set(id, { x, y: p.y });
    row.right = x + card.width;
  }
  const right = (id: string, p: { x: number }) =>
    p.x + card.width + (placed.laned.has(id) && !placed.tops.has(id) ? lane : 0);
  const boxOf = (ids: readonly string[]) => {
    let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of ids) {
      const p = shaped.get(id);
      if (!p) continue;
      [l, t] = [Math.min(l, p.x), Math.min(t, p.y)];
      [r, b] = [Math.max(r, right(id, p)), Math.max(b, p.y + card.height + options.below)];
    }
    return { l, t, r, b };
  };
  const ids = [...shaped.keys()];
  if (!(options.ratio > 0) || ids.length === 0) return shaped;
  const all = boxOf(ids);
  const band = 40;
  // The picture's size on a stage of this ratio: the larger, the larger it is drawn.
  const size = (w: number, h: number) => Math.min(options.ratio / w, 1 / h);
  const split = (cut: number) => [
    boxOf(ids.filter((id) => (shaped.get(id)?.x ?? 0) < cut)),
    boxOf(ids.filter((id) => (shaped.get(id)?.x ?? 0) >= cut)),
  ];
  let best = { size: size(all.r - all.l, all.b - all.t) * 1.05, cut: NaN };
  for (const start of starts) {
    const cut = moved.get(start) ?? start;
    if (cut <= all.l) continue;
    const spans = tops.some(({ id }) => {
      const p = shaped.get(id);
      return p !== undefined && p.x < cut && p.x + card.width > cut;
    });
    if (spans) continue;
    const [a, b] = split(cut) as [ReturnType<typeof boxOf>, ReturnType<typeof boxOf>];
    const s = size(Math.max(a.r, b.r - b.l + a.l) - a.l, a.b - a.t + band + (b.b - b.t));
    if (s > best.size) best = { size: s, cut };
  }
  if (Number.isNaN(best.cut)) return shaped;
  const cut = best.cut;
  const [first, second] = split(cut) as [ReturnType<typeof boxOf>, ReturnType<typeof boxOf>];
  const dx = first.l - second.l;
  const dy = first.b + band - second.t;
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, p] of shaped) out.set(id, p.x >= cut ? { x: p.x + dx, y: p.y + dy } : p);
  return out;
}
