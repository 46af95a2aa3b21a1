import { useCallback, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { adoptStyles, ROOT_CLASS } from './styles';

/**
 * Renders its children in a shadow root of its own, with the app's styles
 * adopted there (styles.ts). The page's styles do not reach in, its
 * inherited ones stop at the boundary, and the visualizer's reset and
 * utilities do not leak out.
 */
export function ShadowHost({ children, className }: { children: ReactNode; className?: string }) {
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  const attach = useCallback((host: HTMLDivElement | null) => {
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    setRoot(shadow);
  }, []);
  return (
    <div ref={attach} className={className} data-unload-lens="">
      {root ? createPortal(<div className={ROOT_CLASS}>{children}</div>, root) : null}
    </div>
  );
}
