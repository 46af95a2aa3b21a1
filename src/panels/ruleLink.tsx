import { RULES, type RuleId } from '../kernel/core';

const isUrl = (s: string) => /^https?:\/\//.test(s);

/**
 * The rule behind a condition or an event: its evidence tag (DOC, ROS,
 * MODEL), linking to the source when the source is a web page. The rule's
 * sentence is the tooltip; screen readers get it as the accessible name.
 */
export function RuleLink({ rule }: { rule: RuleId }) {
  const r = RULES[rule];
  // Where the sources disagree, the rule says so (its note), in the tooltip and for screen readers.
  const note = r.note ? ` Note: ${r.note}` : '';
  const label = `${r.evidence} rule: ${r.text}${note} Source: ${r.source}`;
  const cls = 'rule-tag shrink-0 font-mono text-[10px] font-semibold';
  if (isUrl(r.source)) {
    return (
      <a
        href={r.source}
        target="_blank"
        rel="noreferrer"
        className={`${cls} underline underline-offset-2`}
        style={{ color: 'var(--info)' }}
        title={`${r.text}${r.note ? `\n${r.note}` : ''}\n${r.source} (opens in a new tab)`}
        aria-label={`${label} (opens in a new tab)`}
      >
        {r.evidence}
      </a>
    );
  }
  return (
    <span
      className={cls}
      style={{ color: 'var(--muted)' }}
      title={`${r.text}${r.note ? `\n${r.note}` : ''}\nSource: ${r.source}`}
    >
      {r.evidence}
      <span className="sr-only">
        {' '}
        rule: {r.text} Source: {r.source}
      </span>
    </span>
  );
}

/**
 * The "modelling choice" marker: the simulator chose here where the sources
 * are silent (shared/domain/windows.md, evidence MODEL). `what` says the choice.
 */
function ModelMarker({ what }: { what: string }) {
  return (
    <span className="badge badge-pending shrink-0 whitespace-nowrap" title={what}>
      <span aria-hidden="true">◇ </span>modelling choice
      <span className="sr-only">: {what}</span>
    </span>
  );
}

/** A rule link plus, when the rule itself is a modelling choice, the marker. */
export function RuleRef({ rule, model }: { rule: RuleId; model?: string | undefined }) {
  const r = RULES[rule];
  const choice = model ?? (r.evidence === 'MODEL' ? r.text : undefined);
  return (
    <>
      <RuleLink rule={rule} />
      {choice !== undefined ? <ModelMarker what={choice} /> : null}
    </>
  );
}
