import type { ReactNode } from 'react';
import { useLandmarkName } from '../ui/landmarkName';

/** The inspector's panel: its heading (with what is inspected) and its body. */
export function InspectorPanel({
  caption,
  children,
}: {
  readonly caption?: ReactNode;
  readonly children: ReactNode;
}) {
  const landmark = useLandmarkName('Inspector');
  return (
    <section
      aria-label={landmark}
      data-testid="inspector"
      className="panel flex shrink-0 flex-col gap-2 p-3 text-sm"
    >
      <h2 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
        Inspector
        {caption}
      </h2>
      {children}
    </section>
  );
}
