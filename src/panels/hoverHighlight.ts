import type { FocusEvent, MouseEvent } from 'react';
import type { ObjectRef } from '../kernel';
import { useApp } from '../store';

/**
 * Transient highlighting for hover and focus, over a pinned one.
 *
 * Hovering or focusing an event line or a blocker outlines its objects in
 * the graph; leaving puts back whatever was outlined before (a blocker the
 * user clicked stays outlined). These read and write the store from event
 * handlers only: nothing here subscribes.
 */
let before: readonly ObjectRef[] | null = null;

/** Outlines `refs` until `endTransient`; remembers what was outlined before. */
export function showTransient(refs: readonly ObjectRef[]): void {
  const s = useApp.getState();
  if (before === null) before = s.highlight;
  s.setHighlight(refs);
}

/** Puts back the highlight that was there before the hover or focus began. */
export function endTransient(): void {
  if (before === null) return;
  const restore = before;
  before = null;
  useApp.getState().setHighlight(restore);
}

/** Outlines `refs` and keeps them outlined after the pointer or focus leaves. */
export function pinHighlight(refs: readonly ObjectRef[]): void {
  before = null;
  useApp.getState().setHighlight(refs);
}

type Handlers = {
  onMouseEnter: (e: MouseEvent) => void;
  onMouseLeave: (e: MouseEvent) => void;
  onFocus: (e: FocusEvent) => void;
  onBlur: (e: FocusEvent) => void;
};

/** Props that outline `refs` while the element is hovered or holds focus (focus bubbles from children). */
export function hoverProps(refs: () => readonly ObjectRef[]): Handlers {
  return {
    onMouseEnter: () => showTransient(refs()),
    onMouseLeave: () => endTransient(),
    onFocus: () => showTransient(refs()),
    onBlur: () => endTransient(),
  };
}
