import { useEffect, useRef, type RefObject } from 'react';

/** How long the dot stays after the mouse stops, as a laser pointer's dot goes when the button is let go. */
const LINGER_MS = 2500;

/**
 * Presenter mode's laser pointer: a bright dot that follows the mouse over
 * the stage and fades when it rests. The class sees where the teacher
 * points; the object chosen from the keyboard (G, then the arrows) gets the
 * same glow (classroom.css). Moves by transform only, no re-render.
 */
export function LaserPointer({ stage }: { readonly stage: RefObject<HTMLElement | null> }) {
  const dot = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const area = stage.current;
    if (!area) return;
    let timer = 0;
    const hide = () => {
      if (dot.current) delete dot.current.dataset.on;
    };
    const move = (e: PointerEvent) => {
      const d = dot.current;
      if (!d || e.pointerType === 'touch') return;
      d.style.transform = `translate(${e.clientX}px, ${e.clientY}px)`;
      d.dataset.on = 'true';
      window.clearTimeout(timer);
      timer = window.setTimeout(hide, LINGER_MS);
    };
    area.addEventListener('pointermove', move);
    area.addEventListener('pointerleave', hide);
    return () => {
      area.removeEventListener('pointermove', move);
      area.removeEventListener('pointerleave', hide);
      window.clearTimeout(timer);
    };
  }, [stage]);
  return <div ref={dot} className="laser" aria-hidden="true" data-testid="laser" />;
}
