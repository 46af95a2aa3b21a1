import { debuggerRules } from './debugger';
import { build, type Rule } from './rule';
import { svr5 } from './svr5';
import { windows } from './windows';

export type { Evidence, Rule } from './rule';

/**
 * The documented rules the engine applies, each with its evidence (rule.ts).
 *
 * Every event carries `rule`, one of these ids, so the app can say *why* and
 * link to the source.
 */
export type WindowsRuleId = keyof typeof windows;
/** Rules of the debugger reader (Windows rules too: the paste is from a Windows machine). */
type DebuggerRuleId = keyof typeof debuggerRules;
export type Svr5RuleId = keyof typeof svr5;
export type RuleId = WindowsRuleId | Svr5RuleId | DebuggerRuleId;

/** Every rule the engine can cite, by id. */
export const RULES: Readonly<Record<RuleId, Rule>> = Object.fromEntries([
  ...build('windows', windows),
  ...build('windows', debuggerRules),
  ...build('svr5', svr5),
]) as Record<RuleId, Rule>;
