import type { Os } from '../os';
import { debuggerRules } from './debugger';
import { svr5 } from './svr5';
import { windows } from './windows';

/**
 * The documented rules the engine applies, each with its evidence.
 *
 * Every event carries `rule`, one of these ids, so the app can say *why* and
 * link to the source. Evidence follows the domain docs (shared/domain):
 * DOC = the vendor's documentation, ROS = ReactOS (evidence of NT's
 * behaviour, not proof), MODEL = the simulator's own choice where the
 * sources are silent; the UI marks those.
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

export type Row = [evidence: Evidence, text: string, source: string, note?: string];

export type WindowsRuleId = keyof typeof windows;
/** Rules of the debugger reader (Windows rules too: the paste is from a Windows machine). */
type DebuggerRuleId = keyof typeof debuggerRules;
export type Svr5RuleId = keyof typeof svr5;
export type RuleId = WindowsRuleId | Svr5RuleId | DebuggerRuleId;

function build(os: Rule['os'], rows: Record<string, Row>): [string, Rule][] {
  return Object.entries(rows).map(([id, [evidence, text, source, note]]) => [
    id,
    { id, os, evidence, text, source, ...(note === undefined ? {} : { note }) },
  ]);
}

/** Every rule the engine can cite, by id. */
export const RULES: Readonly<Record<RuleId, Rule>> = Object.fromEntries([
  ...build('windows', windows),
  ...build('windows', debuggerRules),
  ...build('svr5', svr5),
]) as Record<RuleId, Rule>;
