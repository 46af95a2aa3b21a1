/**
 * How the class answered one question: a bar per choice with its count, the
 * right answer marked once revealed (`right`), never a name. The projector
 * shows it after the reveal; the console shows it live.
 */
export function Histogram({
  choices,
  counts,
  answered,
  students,
  right,
  label,
}: {
  readonly choices: readonly string[];
  readonly counts: readonly number[];
  readonly answered: number;
  readonly students: number;
  /** The right choice, once revealed; null while the question is open. */
  readonly right: number | null;
  readonly label: string;
}) {
  const most = Math.max(1, ...counts);
  return (
    <figure className="live-histogram" aria-label={label} data-testid="live-histogram">
      <figcaption className="font-semibold">
        {label}: {answered} of {students} answered
      </figcaption>
      <ol className="m-0 list-none p-0">
        {choices.map((text, i) => {
          const n = counts[i] ?? 0;
          const isRight = right === i;
          return (
            <li key={i} className={`live-bar${isRight ? ' live-bar-right' : ''}`} data-testid="live-bar">
              <span className="live-bar-text">
                {isRight ? <strong>✓ Right answer: </strong> : null}
                {text}
              </span>
              <span className="live-bar-track" aria-hidden="true">
                <span className="live-bar-fill" style={{ width: `${(n / most) * 100}%` }} />
              </span>
              <span className="live-bar-count tabular-nums" data-testid="live-count">
                {n}
                <span className="sr-only"> {n === 1 ? 'answer' : 'answers'}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
