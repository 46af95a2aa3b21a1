import { useEffect, type RefObject } from 'react';
import { commandForKey } from '../actions/keys';
import { useVisualizerApi } from '../store';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable || tag === 'BUTTON'
  );
}

/**
 * Keys go through the same door as buttons. A page with one visualizer
 * listens on the whole window; a visualizer among others on a page listens
 * only inside its own element, so a key acts on the one that has focus.
 */
export function useKeyboard(scope: RefObject<HTMLElement | null> | 'window'): void {
  const v = useVisualizerApi();
  useEffect(() => {
    const target: HTMLElement | Window | null = scope === 'window' ? window : scope.current;
    if (!target) return;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (typing(k.target) && k.key !== 'Escape') return;
      const id = commandForKey(k);
      if (!id) return;
      k.preventDefault();
      v.run(id, undefined, 'key');
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [v, scope]);
}
