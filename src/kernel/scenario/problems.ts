import { LIMITS } from './limits';

/** One problem with a scenario: where it is, and what to do about it. */
export interface ScenarioError {
  /** Like `steps[3].device`; empty for the scenario as a whole. */
  readonly path: string;
  readonly message: string;
}

/**
 * The problems found in one scenario, at most LIMITS.errors of them
 * (docs/limits.md): a file of ten million bad steps gets a short answer,
 * and the parser stops looking once the list is full (`full`), so the
 * answer costs no more than the problems it lists.
 */
export class Problems {
  readonly list: ScenarioError[] = [];
  /** Where the first problem left out was found, once the list is full. */
  private firstDropped: string | undefined;

  get full(): boolean {
    return this.firstDropped !== undefined;
  }

  add(path: string, message: string): void {
    if (this.list.length < LIMITS.errors) this.list.push({ path, message });
    else this.firstDropped ??= path;
  }

  /** The list, with one line saying that more were left out (when they were). */
  result(): ScenarioError[] {
    if (this.firstDropped === undefined) return this.list;
    const from = this.firstDropped === '' ? '' : ` from ${this.firstDropped} on`;
    return [
      ...this.list,
      {
        path: '',
        message: `more problems${from} are not listed (at most ${LIMITS.errors} are; docs/limits.md): fix these and load the scenario again`,
      },
    ];
  }
}

/** A field name as a problem's path quotes it: a huge key is cut short. */
export function shownKey(key: string): string {
  return key.length > LIMITS.shownKey ? `${key.slice(0, LIMITS.shownKey)}…` : key;
}
