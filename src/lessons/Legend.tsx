import { useVisualizer } from '../store';
import { selectOs } from '../store/selectors';
import { legendOf, type LegendSample } from '../personalities/legend';

/**
 * The legend: what every shape, border, badge, line and animation of the
 * graph means, drawn with the graph's own classes. Closed by default, in a
 * corner of the graph.
 */
export function Legend() {
  const os = useVisualizer(selectOs);
  return (
    <details className="legend panel text-xs" data-testid="legend">
      <summary className="cursor-pointer px-2 py-1 font-semibold">Legend</summary>
      <div className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-2">
        {legendOf(os).map((section) => (
          <section key={section.title} aria-label={section.title}>
            <h3 className="font-semibold">{section.title}</h3>
            <ul className="flex flex-col gap-1">
              {section.entries.map((e) => (
                <li key={e.meaning} className="grid grid-cols-[5.5rem_1fr] items-center gap-2">
                  <Sample s={e.sample} />
                  <span>{e.meaning}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section aria-label="Rules">
          <h3 className="font-semibold">Rules</h3>
          <p>
            <span className="font-mono font-semibold">DOC</span> the vendor’s documentation,{' '}
            <span className="font-mono font-semibold">ROS</span> ReactOS (evidence of NT, not proof),{' '}
            <span className="font-mono font-semibold">MODEL</span> and{' '}
            <span className="badge badge-pending">◇ modelling choice</span>: where the sources are silent, the
            simulator chose.
          </p>
        </section>
      </div>
    </details>
  );
}

function Sample({ s }: { s: LegendSample }) {
  switch (s.kind) {
    case 'card':
      return (
        <span
          className={`legend-card card card-${s.tone}${s.tone === 'ghost' ? ' card-ghost' : ''}`}
          aria-hidden="true"
        >
          {s.text}
        </span>
      );
    case 'chip':
      return (
        <span className={`legend-chip chip chip-${s.tone}`} aria-hidden="true">
          <span className="chip-kind">{s.text}</span>
        </span>
      );
    case 'badge':
      return <span className={`badge badge-${s.tone} justify-self-start`}>{s.text}</span>;
    case 'edge':
      return (
        <svg
          width="80"
          height="12"
          aria-hidden="true"
          className={`legend-edge react-flow__edge edge-${s.edge === 'info' ? 'handle' : s.edge === 'pending' ? 'irp' : s.edge}`}
        >
          <path d="M2 6 H78" fill="none" />
        </svg>
      );
    case 'frame':
      return <span className="legend-frame stack-frame" aria-hidden="true" />;
    case 'token':
      return (
        <span className="legend-token anim-tone-info" aria-hidden="true">
          {s.text}
        </span>
      );
    case 'ring':
      return (
        <span className="legend-ring anim-tone-pending" aria-hidden="true">
          {s.text}
        </span>
      );
  }
}
