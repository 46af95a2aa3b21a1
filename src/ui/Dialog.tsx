import { useId, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useModal } from './useModal';

/**
 * A modal sheet over the visualizer (the gallery, the lesson editor): a
 * titled dialog with a Close button; Escape closes it without reaching the
 * visualizer's own keys; Tab stays inside, and focus returns to the opener (useModal).
 */
export function Dialog({
  title,
  onClose,
  testId,
  width,
  headingRef,
  children,
}: {
  title: string;
  onClose: () => void;
  testId: string;
  /** A Tailwind max-width class. */
  width: string;
  /** To focus the heading when the dialog opens (when no field should take focus first). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useModal(box);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/40 p-4">
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        className={`panel flex w-full ${width} flex-col gap-3 p-4`}
        data-testid={testId}
        onKeyDown={onKey}
      >
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={id} ref={headingRef} tabIndex={-1} className="text-xl font-bold">
            {title}
          </h2>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
