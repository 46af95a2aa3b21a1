import { useEffect } from 'react';
import { ACTIONS, executeAction } from '../actions/registry';

function matches(key: string, e: KeyboardEvent): boolean {
  const parts = key.split('+');
  const k = parts.pop() ?? '';
  const mod = parts.includes('mod');
  const shift = parts.includes('shift');
  if (mod !== (e.ctrlKey || e.metaKey)) return false;
  if (k.length === 1 && k !== ' ' && shift !== e.shiftKey && k.toLowerCase() === k) return false;
  return e.key.toLowerCase() === k.toLowerCase() || (k === ' ' && e.key === ' ');
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return (
    tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable || tag === 'BUTTON'
  );
}

/** Keys go through the same registry as buttons: one door for every caller. */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) && e.key !== 'Escape') return;
      for (const a of ACTIONS) {
        if (a.kind !== 'command' || !a.keys?.some((k) => matches(k, e))) continue;
        e.preventDefault();
        executeAction(a.id, {}, 'key');
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
