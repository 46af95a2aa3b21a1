/**
 * The app's own node components, rendered to markup (react-dom/server),
 * read back as what a drawer needs: a card's kind, title, subtitle, tone
 * and badges; a chip's kind, title and detail; a stack frame's caption; and
 * where each node's edges attach. So an image drawn without a browser shows
 * the very texts and tones the app's cards show (src/graph/nodes/Card.tsx
 * fixes the classes read here). Pure: markup in, data out.
 */

export type Tone = 'neutral' | 'ok' | 'pending' | 'danger' | 'info' | 'ghost';

export interface HandleModel {
  readonly id: string | null;
  readonly type: 'source' | 'target';
  readonly position: 'top' | 'bottom' | 'left' | 'right';
  /** Where along its side, as a fraction (the `r` handle sits at 75 % of the height). */
  readonly at: number;
}

export type NodeModel =
  | {
      readonly shape: 'card';
      readonly kind: string;
      /** The title's pieces between soft breaks (after each backslash). */
      readonly title: readonly string[];
      readonly subtitle: string;
      readonly tone: Tone;
      readonly ghost: boolean;
      readonly highlighted: boolean;
      readonly badges: readonly { readonly tone: Tone; readonly text: string }[];
      readonly handles: readonly HandleModel[];
    }
  | {
      readonly shape: 'chip';
      readonly kind: string;
      readonly title: string;
      readonly detail: string;
      readonly tone: Tone;
      readonly highlighted: boolean;
      readonly handles: readonly HandleModel[];
    }
  | { readonly shape: 'frame'; readonly caption: string };

export interface El {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (El | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'" };
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (ENTITIES[e] !== undefined) return ENTITIES[e];
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return m;
  });

const VOID = new Set(['wbr', 'br', 'img', 'input']);

/** React's static markup as a tree (it is well formed: every tag closed, attributes quoted). */
export function parseMarkup(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const re = /<\/([\w-]+)>|<([\w-]+)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    const top = stack.at(-1)!;
    if (m[1]) {
      if (stack.length > 1) stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = decode(a[2] ?? '');
      const el: El = { tag: m[2], attrs, children: [] };
      top.children.push(el);
      if (!m[4] && !VOID.has(m[2])) stack.push(el);
    } else if (m[5]) {
      top.children.push(decode(m[5]));
    }
  }
  return root;
}

const classes = (el: El) => (el.attrs.class ?? '').split(/\s+/);
const has = (el: El, c: string) => classes(el).includes(c);
function find(el: El, c: string): El | undefined {
  for (const ch of el.children) {
    if (typeof ch === 'string') continue;
    if (has(ch, c)) return ch;
    const deeper = find(ch, c);
    if (deeper) return deeper;
  }
  return undefined;
}
const text = (el: El | undefined): string =>
  el ? el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('') : '';
const TONES = ['ok', 'pending', 'danger', 'info', 'ghost'] as const;
/** The tone a `prefix-<tone>` class names (a card's `card-ghost` is its dashed look, not its tone). */
const toneOf = (el: El, prefix: string, ghostIsTone = true): Tone =>
  TONES.find((t) => (ghostIsTone || t !== 'ghost') && has(el, prefix + t)) ?? 'neutral';

function handlesOf(el: El): HandleModel[] {
  return el.children.flatMap((c) => {
    if (typeof c === 'string' || !has(c, 'react-flow__handle')) return [];
    const position = c.attrs['data-handlepos'] as HandleModel['position'];
    const top = /top:\s*([\d.]+)%/.exec(c.attrs.style ?? '');
    return [
      {
        id: c.attrs['data-handleid'] || null,
        type: has(c, 'source') ? 'source' : 'target',
        position,
        at: top ? Number(top[1]) / 100 : 0.5,
      },
    ];
  });
}

/** One node's markup, read. */
export function readNode(html: string): NodeModel | null {
  return readElement(parseMarkup(html));
}

/** The elements of a tree that carry `attr`, by its value (one render of many nodes, told apart). */
export function byAttribute(root: El, attr: string): Map<string, El> {
  const out = new Map<string, El>();
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      const v = c.attrs[attr];
      if (v !== undefined) out.set(v, c);
      else walk(c);
    }
  };
  walk(root);
  return out;
}

/** A node's tree (one node's markup), read. */
export function readElement(root: El): NodeModel | null {
  const card = find(root, 'card');
  if (card) {
    const title = find(card, 'card-title');
    const pieces: string[] = [''];
    for (const c of title?.children ?? []) {
      if (typeof c === 'string') pieces[pieces.length - 1] += c;
      else if (c.tag === 'wbr') pieces.push('');
      else pieces[pieces.length - 1] += text(c);
    }
    const badges = find(card, 'card-badges');
    return {
      shape: 'card',
      kind: text(find(card, 'card-kind')),
      title: pieces.filter((p) => p !== ''),
      subtitle: text(find(card, 'card-sub')),
      tone: toneOf(card, 'card-', false),
      ghost: has(card, 'card-ghost'),
      highlighted: has(card, 'card-highlight'),
      badges: (badges?.children ?? []).flatMap((b) =>
        typeof b === 'string' ? [] : [{ tone: toneOf(b, 'badge-'), text: text(b) }],
      ),
      handles: handlesOf(card),
    };
  }
  const chip = find(root, 'chip');
  if (chip) {
    return {
      shape: 'chip',
      kind: text(find(chip, 'chip-kind')),
      title: text(find(chip, 'chip-title')),
      detail: text(find(chip, 'chip-detail')),
      tone: toneOf(chip, 'chip-'),
      highlighted: has(chip, 'card-highlight'),
      handles: handlesOf(chip),
    };
  }
  const frame = find(root, 'stack-frame');
  if (frame) return { shape: 'frame', caption: text(find(frame, 'stack-caption')) };
  return null;
}
