/**
 * The app's colours, read from its own stylesheet (src/app/index.css: the
 * custom properties of `:root` and `.dark`), so an image drawn without a
 * browser has the very colours of the app and of its SVG export, and a
 * colour changed there changes here too.
 */

const COLOURS = [
  'bg',
  'panel',
  'ink',
  'muted',
  'line',
  'ok',
  'ok-bg',
  'pending',
  'pending-bg',
  'danger',
  'danger-bg',
  'info',
  'info-bg',
  'ghost',
  'ghost-bg',
  'focus',
  'highlight',
] as const;
type Colour = (typeof COLOURS)[number];
/** The app's colours, and `graph`: the graph's background (React Flow's own in a dark theme, else the panel's). */
export type Palette = Readonly<Record<Colour | 'graph', string>>;

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function block(css: string, selector: string): Record<string, string> {
  const at = css.search(new RegExp(`(^|\\n)${selector.replace(/\./g, '\\.')}\\s*\\{`));
  if (at < 0) return {};
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

/**
 * The light and dark palettes of the app's stylesheet, with the graph's
 * background from React Flow's (`--xy-background-color-default` of
 * `.react-flow` and `.react-flow.dark`; transparent shows the panel).
 * Says which colour the stylesheet lacks, if any.
 */
export function palettesFrom(css: string, flowCss = ''): { light: Palette; dark: Palette } {
  const light: Record<string, string> = block(css, ':root');
  const dark: Record<string, string> = { ...light, ...block(css, '.dark') };
  const flowLight = block(flowCss, '.react-flow')['xy-background-color-default'];
  const flowDark = block(flowCss, '.react-flow.dark')['xy-background-color-default'] ?? flowLight;
  const paint = (c: string | undefined, panel: string | undefined) =>
    c && c !== 'transparent' ? c : (panel ?? '');
  light.graph = paint(flowLight, light.panel);
  dark.graph = paint(flowDark, dark.panel);
  for (const [name, p] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    const missing = COLOURS.filter((c) => !p[c]);
    if (missing.length > 0)
      throw new Error(`the stylesheet has no ${name} colour for ${missing.map((c) => `--${c}`).join(', ')}`);
  }
  return { light: light as Palette, dark: dark as Palette };
}
