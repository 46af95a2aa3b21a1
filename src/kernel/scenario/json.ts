import { LIMITS, count } from './limits';

/**
 * Scenario JSON text, read within the limits (docs/limits.md): a text over
 * the size cap is refused before it is parsed, and so is one that nests
 * deeper than a scenario ever does (JSON.parse spends microseconds per
 * level: 2 MB of `[[[[…` would take seconds). Both checks are one pass
 * over the text. A syntax error says where it is (line and column) and
 * what usually fixes it.
 */

export type JsonRead =
  | { ok: true; value: unknown }
  /** `limit`: over a cap (docs/limits.md); `syntax`: not JSON. */
  | { ok: false; reason: 'limit' | 'syntax'; message: string };

export function readScenarioJson(text: string): JsonRead {
  if (text.length > LIMITS.scenarioChars) {
    return {
      ok: false,
      reason: 'limit',
      message: `the scenario is ${count(text.length)} characters long; this build reads at most ${count(LIMITS.scenarioChars)} (docs/limits.md). A scenario file is a few kilobytes: is this the right file?`,
    };
  }
  const deep = tooDeep(text);
  if (deep !== undefined) {
    return {
      ok: false,
      reason: 'limit',
      message: `the JSON nests more than ${LIMITS.depth} levels deep at ${place(text, deep)}; a scenario needs 5 (steps, a step, its ask, its choices). Is this the right file?`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, reason: 'syntax', message: jsonProblem(text, e) };
  }
}

/** Where nesting first passes LIMITS.depth (strings skipped), or undefined. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > LIMITS.depth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** `line 4, column 3` of a position in the text. */
function place(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** A JSON syntax error with its line and column, and what usually fixes it. */
function jsonProblem(text: string, e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\(line \d+ column \d+\)$/, '');
  const at = /at position (\d+)/.exec(message);
  const where = at ? ` at ${place(text, Number(at[1]))}` : '';
  return `not valid JSON${where}: ${message.replace(/ in JSON at position \d+/, '')}. Look for a missing comma or quote, or a trailing comma, just before that place.`;
}
