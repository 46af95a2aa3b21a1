import css from '../app/index.css?inline';

/**
 * The boundary: every inherited property (font, line-height, colour, letter
 * spacing, text-align…) starts over at the shadow root's first element, so a
 * page's `* { font: 20px serif }` or `body { line-height: 3 }` stops there; then
 * the app's own type, as the app sets it on `html`. (A rule of the page that
 * names the host element itself wins over `:host`: the reset is one level in.)
 */
const RESET = `
:host { display: block; }
.unload-lens-root {
  all: initial;
  display: block;
  line-height: 1.5;
  -webkit-text-size-adjust: 100%;
  tab-size: 4;
  font-family: var(--default-font-family, ui-sans-serif, system-ui, sans-serif);
  -webkit-font-smoothing: antialiased;
}`;

/** The app's colours hang on :root, which a shadow tree does not have: there they hang on the host. */
const SHADOW_CSS = css.replace(/:root\b/g, ':host') + RESET;

/**
 * Tailwind registers some custom properties with @property, which a shadow tree ignores: register them on
 * the page. Read from SHADOW_CSS, not from `css`: with `css` named twice, the minifier writes its 44 kB
 * out twice (and gzip, whose window is 32 KB, cannot fold the second copy).
 */
const PROPERTY_RULES = (SHADOW_CSS.match(/@property\s+--[\w-]+\s*\{[^}]*\}/g) ?? []).join('\n');

/**
 * Adopts the app's styles into a visualizer's shadow root, as a constructed
 * stylesheet (no <style> element: a strict style-src needs no 'unsafe-inline').
 */
export function adoptStyles(root: ShadowRoot): void {
  if (root.adoptedStyleSheets.length > 0) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(SHADOW_CSS);
  root.adoptedStyleSheets = [sheet];
  const doc = root.ownerDocument;
  if (
    PROPERTY_RULES &&
    !doc.adoptedStyleSheets.some((s) => s.cssRules[0]?.cssText.startsWith('@property --tw'))
  ) {
    const properties = new CSSStyleSheet();
    properties.replaceSync(PROPERTY_RULES);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, properties];
  }
}

/** The class of the element inside each shadow root where the reset applies. */
export const ROOT_CLASS = 'unload-lens-root';
