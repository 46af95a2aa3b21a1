import { useCallback, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import css from '../app/index.css?inline';

/** Tailwind registers some custom properties with @property, which a shadow tree ignores: register them on the page. */
const PROPERTY_RULES = (css.match(/@property\s+--[\w-]+\s*\{[^}]*\}/g) ?? []).join('\n');

/** The app's colours hang on :root, which a shadow tree does not have: there they hang on the host. */
const SHADOW_CSS = css.replace(/:root\b/g, ':host');

function adoptStyles(root: ShadowRoot): void {
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

/**
 * Renders its children in a shadow root of its own, with the app's styles
 * adopted there (constructed stylesheets: no <style> element, so a strict
 * style-src needs no 'unsafe-inline'). The page's styles do not reach in,
 * and the visualizer's reset and utilities do not leak out.
 */
export function ShadowHost({ children, className }: { children: ReactNode; className?: string }) {
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  const attach = useCallback((host: HTMLDivElement | null) => {
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    if (shadow.adoptedStyleSheets.length === 0) adoptStyles(shadow);
    setRoot(shadow);
  }, []);
  return (
    <div ref={attach} className={className} data-unload-lens="">
      {root ? createPortal(children, root) : null}
    </div>
  );
}
