import type { Finding } from '../kernel';
import { RuleLink } from '../panels/ruleLink';
import { useVisualizer, useVisualizerApi } from '../store';
import type { VisualizerState } from '../store';

const selectImported = (s: VisualizerState) => s.imported;

const MARK: Record<Finding['status'], { sign: string; word: string; tone: string }> = {
  holds: { sign: '✗', word: 'holds it', tone: 'danger' },
  clear: { sign: '✓', word: 'clear', tone: 'ok' },
  unknown: { sign: '?', word: 'not printed', tone: 'ghost' },
  note: { sign: '·', word: 'note', tone: 'info' },
};

/**
 * What a pasted debugger session says, beside the world drawn from it: per
 * driver, what holds it (and what the paste did not print), each with its
 * rule and what to type next in the debugger; then every line not read.
 */
export function ImportPanel() {
  const imported = useVisualizer(selectImported);
  const { execute } = useVisualizerApi();
  if (!imported) return null;
  const { explanation, problems } = imported;
  return (
    <section
      aria-label="From the debugger paste"
      data-testid="debugger-findings"
      className="panel flex shrink-0 flex-col gap-2 p-3 text-sm"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="font-semibold">From the debugger paste</h2>
        <button type="button" className="btn px-2 py-0 text-xs" onClick={() => execute('closeImport')}>
          Close
        </button>
      </div>
      <p className="muted text-xs">
        {imported.lines} lines read
        {imported.drawn
          ? '; the graph shows the world they describe: act on it to see whether Unload would run.'
          : '; not enough to draw a world, but here is what they say.'}
      </p>
      {explanation.drivers.map((d) => (
        <AnswerFindings key={d.driver} title={d.driver} summary={d.summary} findings={d.findings} />
      ))}
      {explanation.others.map((o) => (
        <AnswerFindings key={o.title} title={o.title} summary={o.summary} findings={o.findings} />
      ))}
      {imported.approximations.length > 0 ? (
        <details className="text-xs">
          <summary className="cursor-pointer">Where the drawing approximates the paste</summary>
          <ul className="mt-1 list-disc pl-4">
            {imported.approximations.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div data-testid="unread-lines">
        <h3 className="text-xs font-semibold">
          {problems.length === 0 ? 'Every line was read.' : `Lines not read (${problems.length})`}
        </h3>
        {problems.length > 0 ? (
          // Scrolls when long: focusable, so a keyboard can scroll it too.
          <ol
            tabIndex={0}
            aria-label="Lines not read"
            className="mt-1 flex max-h-48 flex-col gap-0.5 overflow-y-auto font-mono text-[11px]"
          >
            {problems.map((p) => (
              <li key={`${p.line}:${p.message}`}>
                <span className="muted">line {p.line}:</span> {p.message}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}

/** One answer: a driver's, or one for what no printed driver explains (a device, an IRP, handles). */
function AnswerFindings({
  title,
  summary,
  findings,
}: {
  title: string;
  summary: string;
  findings: readonly Finding[];
}) {
  return (
    <div className="flex flex-col gap-1 border-t pt-2" style={{ borderColor: 'var(--line)' }}>
      <h3 className="font-mono font-semibold">{title}</h3>
      <p data-testid="debugger-summary">{summary}</p>
      <ul className="flex flex-col gap-1 text-[13px]">
        {findings.map((f, i) => {
          const m = MARK[f.status];
          return (
            <li key={`${f.id}:${i}`} data-finding={f.id} data-status={f.status} className="flex gap-2">
              <span
                aria-hidden="true"
                className="w-4 shrink-0 text-center font-bold"
                style={{ color: `var(--${m.tone})` }}
              >
                {m.sign}
              </span>
              <div className="flex min-w-0 flex-col gap-0.5">
                <p className="leading-snug">
                  <span className="sr-only">{m.word}: </span>
                  {f.text} {f.rule ? <RuleLink rule={f.rule} /> : null}
                </p>
                {f.next.length > 0 ? (
                  <p className="text-xs">
                    <span className="muted">Next: </span>
                    {f.next.map((n, j) => (
                      <span key={n.command}>
                        {j > 0 ? ', ' : ''}
                        <a
                          href={n.doc}
                          target="_blank"
                          rel="noreferrer"
                          className="font-mono underline underline-offset-2"
                          style={{ color: 'var(--info)' }}
                          title={`${n.why} (Microsoft’s page opens in a new tab)`}
                        >
                          kd&gt; {n.command}
                        </a>
                      </span>
                    ))}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
