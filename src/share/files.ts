import { parseScenario, type Scenario, type ScenarioError } from '../kernel/core';
import { scenarioFromParam } from './source';

/**
 * Importing a scenario (a file picked, dropped or pasted, or a pasted link)
 * and exporting one. Reading never touches the visualizer: only a scenario
 * that parses is handed on, so a bad file leaves the current work as it was.
 */

export type ImportResult =
  { ok: true; scenario: Scenario } | { ok: false; problems: readonly ScenarioError[] };

/** Larger than any scenario a person writes; a bigger file is surely something else. */
const MAX_BYTES = 5_000_000;

/** Reads pasted or dropped text: scenario JSON, or a link with `?scenario=` (as "Copy link" gives). */
export async function readScenarioText(text: string): Promise<ImportResult> {
  const trimmed = text.trim();
  const link = await linkScenario(trimmed);
  if (link) return link;
  if (trimmed === '') return fail('', 'the text is empty; expected a scenario file (JSON) or a link to one');
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch (e) {
    return fail('', jsonProblem(trimmed, e));
  }
  const r = parseScenario(doc);
  return r.ok ? r : { ok: false, problems: r.errors };
}

/** Reads a picked or dropped file. */
export async function readScenarioFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_BYTES) {
    return fail(
      '',
      `${file.name} is ${Math.round(file.size / 1e6)} MB; a scenario file is a few kilobytes of JSON`,
    );
  }
  try {
    return await readScenarioText(await file.text());
  } catch (e) {
    return fail('', `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function fail(path: string, message: string): ImportResult {
  return { ok: false, problems: [{ path, message }] };
}

async function linkScenario(text: string): Promise<ImportResult | null> {
  if (!/^https?:\/\/\S+$/.test(text)) return null;
  let param: string | null;
  try {
    param = new URL(text).searchParams.get('scenario');
  } catch {
    return null;
  }
  if (param === null) return fail('', 'this link names no scenario (it has no ?scenario=)');
  const found = await scenarioFromParam(param);
  if (!found.ok) return fail('scenario', found.error);
  const r = parseScenario(found.source);
  return r.ok ? r : { ok: false, problems: r.errors };
}

/** A JSON syntax error with its line and column, and what usually fixes it. */
function jsonProblem(text: string, e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\(line \d+ column \d+\)$/, '');
  const at = /at position (\d+)/.exec(message);
  let where = '';
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  return `not valid JSON${where}: ${message.replace(/ in JSON at position \d+/, '')}. Look for a missing comma or quote, or a trailing comma, just before that place.`;
}

/** A file name from a title: `A leaked handle!` → `a-leaked-handle.json`. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'scenario'}.${extension}`;
}

/** The scenario as a file a person can read, edit and import again. */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** Offers a file to download (no server: a blob link, clicked). */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
