import type { ReactNode } from 'react';

/** The inspector's panel: its heading (with what is inspected) and its body. */
export function InspectorPanel({
  caption,
  children,
}: {
  readonly caption?: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <section
      aria-label="Inspector"
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
