import { debuggerRules } from './debugger';
import { build, type Rule } from './rule';
import type { svr5 } from './svr5';
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

/** The default OS's rules (its kernel comes with the page), and each other OS's once its kernel has loaded. */
const rules: Record<string, Rule> = Object.fromEntries([
  ...build('windows', windows),
  ...build('windows', debuggerRules),
]);

/**
 * Every rule the engine can cite, by id: an OS's rules are here once its
 * kernel has loaded (src/kernel/os.ts `loadOs`), which is before any world,
 * event or scenario of that OS is made.
 */
export const RULES: Readonly<Record<RuleId, Rule>> = rules as Record<RuleId, Rule>;

/**
 * An OS's rules, as its kernel loads (os.ts, once per OS): added, never
 * changed, like the module that brought them.
 */
export function addRules(entries: readonly [string, Rule][]): void {
  for (const [id, rule] of entries) rules[id] ??= rule;
}
