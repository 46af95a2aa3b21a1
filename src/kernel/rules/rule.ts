import type { Os } from '../osTypes';

/**
 * What a rule is (a leaf: the rule tables of each OS import it, and the
 * table of every rule, index.ts, imports them).
 *
 * Evidence follows the domain docs (shared/domain): DOC = the vendor's
 * documentation, ROS = ReactOS (evidence of NT's behaviour, not proof),
 * MODEL = the simulator's own choice where the sources are silent; the UI
 * marks those.
 */
export type Evidence = 'DOC' | 'ROS' | 'MODEL';

export interface Rule {
  readonly id: string;
  readonly os: Os;
  readonly evidence: Evidence;
  /** One sentence a student can read in a tooltip. */
  readonly text: string;
  /** Where to read more: a documentation page or the domain doc section. */
  readonly source: string;
  /** Where the sources disagree: what the other one says, and which the simulator follows. */
  readonly note?: string;
}

/** A rule as an OS's table writes it: its id is the key. */
export type Row = [evidence: Evidence, text: string, source: string, note?: string];

/** One OS's table of rows, as rules. */
export function build(os: Os, rows: Record<string, Row>): [string, Rule][] {
  return Object.entries(rows).map(([id, [evidence, text, source, note]]) => [
    id,
    { id, os, evidence, text, source, ...(note === undefined ? {} : { note }) },
  ]);
}
