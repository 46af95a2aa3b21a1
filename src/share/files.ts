import { LIMITS, parseScenario, type Scenario, type ScenarioError } from '../kernel/core';
import { scenarioFromParam } from './source';

/**
 * Importing a scenario (a file picked, dropped or pasted, or a pasted link)
 * and exporting one. Reading never touches the visualizer: only a scenario
 * that parses is handed on, so a bad file leaves the current work as it was.
 */

export type ImportResult =
  { ok: true; scenario: Scenario } | { ok: false; problems: readonly ScenarioError[] };

/**
 * Reads pasted or dropped text: scenario JSON, or a link with `?scenario=`
 * (as "Copy link" gives; a lesson it names loads then).
 */
export async function readScenarioText(text: string): Promise<ImportResult> {
  const link = text.length > LIMITS.scenarioChars ? null : await linkScenario(text.trim());
  return link ?? readScenarioJson(text);
}

/**
 * Reads scenario JSON. Text over the size cap (docs/limits.md) goes
 * straight to the parser, which refuses it without reading it.
 */
export function readScenarioJson(text: string): ImportResult {
  if (text.length > LIMITS.scenarioChars) return fromParse(parseScenario(text));
  const trimmed = text.trim();
  if (trimmed === '') return fail('', 'the text is empty; expected a scenario file (JSON) or a link to one');
  return fromParse(parseScenario(trimmed));
}

/** Reads a picked or dropped file; one over the size cap is refused before its text is read. */
export async function readScenarioFile(file: File): Promise<ImportResult> {
  if (file.size > LIMITS.scenarioChars) {
    return fail(
      '',
      `${file.name} is ${megabytes(file.size)}; a scenario file is at most ${megabytes(LIMITS.scenarioChars)} (docs/limits.md), and usually a few kilobytes: is this the right file?`,
    );
  }
  try {
    return await readScenarioText(await file.text());
  } catch (e) {
    return fail('', `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1).replace(/\.0$/, '')} MB`;
}

function fromParse(r: ReturnType<typeof parseScenario>): ImportResult {
  return r.ok ? r : { ok: false, problems: r.errors };
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
  return fromParse(parseScenario(found.source));
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
