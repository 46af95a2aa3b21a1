import { DEFAULT_OS, type Os, type World } from '../kernel/core';
import { appOf } from '../personalities';

/**
 * Direct placement of the structural objects each OS names (drivers and
 * device stacks; modules and instances), without a general graph layout:
 * the structure is regular. First-row cards (drivers, modules) stand in a
 * row; below them each column (a device stack, top of the stack highest; an
 * instance) takes the next free place at the right, in the order the
 * objects appeared in the history.
 *
 * It places the union of every world in the history, one world after the
 * other, and a placed card keeps its place: a new object is placed without
 * moving the others, and travelling in time moves nothing. The one
 * exception is a device attached on top of a stack: its column moves down
 * one row, so that the top of the stack stays at the top. Small objects
 * (handles, IRPs, registrations, channels) sit beside their anchor
 * (toFlow.ts) and never change the layout.
 */

export const SIZES = {
  card: { width: 192, height: 80 },
  /** Room kept right of a card with a lane, for its satellites (handles, IRPs, references). */
  lane: 100,
  satellite: { width: 92, height: 24, gap: 5 },
} as const;

/** Gaps between columns and first-row cards; where the columns start; one card to the next in a column. */
export const PLACE = { gap: 20, band: 160, pitch: 106 } as const;

export interface Point {
  readonly x: number;
  readonly y: number;
}

interface Column {
  readonly x: number;
  /** Top first; the key of a column is its bottom card. */
  readonly cards: readonly string[];
}

/** Where the structural cards stand, and what placing one more world needs to know. */
export interface Layout {
  readonly os: Os;
  readonly positions: ReadonlyMap<string, Point>;
  readonly columns: ReadonlyMap<string, Column>;
  /** The column each card stands in. */
  readonly columnOf: ReadonlyMap<string, string>;
  /** The next free x on the first row, and below it. */
  readonly right: { readonly top: number; readonly columns: number };
}

/** The width a structural card takes, with its satellite lane when it has one. */
export function widthOf(os: Os, id: string): number {
  return SIZES.card.width + (appOf(os).hasLane(id) ? SIZES.lane : 0);
}

export function emptyLayout(os: Os = DEFAULT_OS): Layout {
  return { os, positions: new Map(), columns: new Map(), columnOf: new Map(), right: { top: 0, columns: 0 } };
}

/** Names in the order a person counts them (Pdo2 before Pdo10), for objects new in the same world. */
const byName = new Intl.Collator('en', { numeric: true }).compare;

/**
 * A layout being extended, copied from the previous one on its first change
 * only: a world that brings nothing new returns the previous layout itself.
 */
class Draft {
  private positions: Map<string, Point> | null = null;
  private columns: Map<string, Column> | null = null;
  private columnOf: Map<string, string> | null = null;
  private right: { top: number; columns: number };

  constructor(private readonly base: Layout) {
    this.right = { ...base.right };
  }

  private get pos(): ReadonlyMap<string, Point> {
    return this.positions ?? this.base.positions;
  }
  private get cols(): ReadonlyMap<string, Column> {
    return this.columns ?? this.base.columns;
  }
  private get of(): ReadonlyMap<string, string> {
    return this.columnOf ?? this.base.columnOf;
  }

  private write() {
    this.positions ??= new Map(this.base.positions);
    this.columns ??= new Map(this.base.columns);
    this.columnOf ??= new Map(this.base.columnOf);
    return { positions: this.positions, columns: this.columns, columnOf: this.columnOf };
  }

  has(id: string): boolean {
    return this.pos.has(id);
  }

  /** Whether a column as the world reports it (top first) is already placed so. */
  known(cards: readonly string[]): boolean {
    const key = this.of.get(cards[cards.length - 1] ?? '');
    return key !== undefined && cards.every((c, i) => i === cards.length - 1 || this.of.get(c) === key);
  }

  /**
   * Places a column: new, or a known one with new cards (merged in the
   * world's order, the known ones keeping theirs). A card already standing
   * in another column moves only when it is now a layer above this bottom
   * (a device attached to a stack); a bottom never moves.
   */
  column(cards: readonly string[], os: Os): void {
    const bottom = cards[cards.length - 1];
    if (bottom === undefined || this.known(cards)) return;
    const w = this.write();
    const key = w.columnOf.get(bottom) ?? bottom;
    const old = w.columns.get(key);
    const merged = [...(old?.cards ?? [])];
    for (let i = cards.length - 1; i >= 0; i--) {
      const c = cards[i] as string;
      if (merged.includes(c)) continue;
      const from = w.columnOf.get(c);
      if (from !== undefined && (c === bottom || from === key)) continue;
      if (from !== undefined) this.leave(from, c);
      // Just above the card below it in the world (already merged: the walk goes bottom up).
      const below = cards[i + 1];
      const at = below === undefined ? merged.length : merged.indexOf(below);
      merged.splice(at < 0 ? 0 : at, 0, c);
    }
    let x = old?.x;
    if (x === undefined) {
      x = this.right.columns;
      this.right.columns += Math.max(...merged.map((c) => widthOf(os, c))) + PLACE.gap;
    }
    w.columns.set(key, { x, cards: merged });
    merged.forEach((c, i) => {
      w.columnOf.set(c, key);
      w.positions.set(c, { x, y: PLACE.band + i * PLACE.pitch });
    });
  }

  /** A card leaves its column (it was attached elsewhere); the others keep their places. */
  private leave(key: string, card: string): void {
    const w = this.write();
    const col = w.columns.get(key);
    if (col) w.columns.set(key, { ...col, cards: col.cards.filter((c) => c !== card) });
  }

  /** Places a first-row card: at the next free place, or further right above the columns it heads. */
  top(id: string, os: Os, heads: readonly string[]): void {
    if (this.pos.has(id)) return;
    const w = this.write();
    const xs = heads.map((c) => w.positions.get(c)?.x).filter((x) => x !== undefined);
    const width = widthOf(os, id);
    const centred = xs.length ? (Math.min(...xs) + Math.max(...xs) + SIZES.card.width - width) / 2 : 0;
    const x = Math.max(this.right.top, Math.round(centred));
    w.positions.set(id, { x, y: 0 });
    this.right.top = x + width + PLACE.gap;
  }

  done(os: Os): Layout {
    if (!this.positions || !this.columns || !this.columnOf) return this.base;
    return {
      os,
      positions: this.positions,
      columns: this.columns,
      columnOf: this.columnOf,
      right: this.right,
    };
  }
}

/**
 * The layout after one more world joins the history. Costs one pass over
 * that world's structural objects; returns the same layout when the world
 * brings no new object or layer (the usual step: a handle, an IRP, a flag).
 */
export function extendLayout(previous: Layout, world: World): Layout {
  const draft = new Draft(previous.os === world.os ? previous : emptyLayout(world.os));
  place(draft, world);
  return draft.done(world.os);
}

/**
 * Places what one world brings that the draft has not placed yet. Given the
 * world before it (already placed), only what the step changed is read: the
 * rest is placed already, so the outcome is the same as reading it all.
 */
function place(draft: Draft, world: World, before?: World): void {
  // New first-row cards, with the columns they head; new or grown columns.
  const tops = new Map<string, string[]>();
  const columns: (readonly string[])[] = [];
  const sink = {
    top: (id: string) => void (draft.has(id) ? null : tops.set(id, [])),
    column: (cards: readonly string[], under?: string) => {
      if (!draft.known(cards)) columns.push(cards);
      if (under !== undefined) tops.get(under)?.push(...cards);
    },
  };
  const app = appOf(world.os);
  if (before?.os === world.os) app.structureSince(before, world, sink);
  else app.structure(world, sink);
  const bottom = (c: readonly string[]) => c[c.length - 1] ?? '';
  columns.sort((a, b) => byName(bottom(a), bottom(b)));
  for (const c of columns) draft.column(c, world.os);
  for (const id of [...tops.keys()].sort(byName)) draft.top(id, world.os, tops.get(id) ?? []);
}

/**
 * The layout of a history, placed one world after the other (so a history
 * and any history that starts the same way place their common objects
 * alike). Given a previous layout that comes out equal, it returns that one.
 */
export function layoutFor(worlds: readonly World[], previous?: Layout): Layout {
  const os = worlds[0]?.os ?? previous?.os ?? DEFAULT_OS;
  // One draft for the whole history: its maps are copied once, not once per world.
  const draft = new Draft(emptyLayout(os));
  // Each world read as a change from the one before: a long history costs its steps, not steps × objects.
  let before: World | undefined;
  for (const w of worlds) {
    if (w.os !== os) continue;
    place(draft, w, before);
    before = w;
  }
  const layout = draft.done(os);
  return previous && samePlaces(previous, layout) ? previous : layout;
}

function samePlaces(a: Layout, b: Layout): boolean {
  if (a.os !== b.os || a.positions.size !== b.positions.size) return false;
  for (const [id, p] of a.positions) {
    const q = b.positions.get(id);
    if (!q || q.x !== p.x || q.y !== p.y) return false;
  }
  return true;
}
