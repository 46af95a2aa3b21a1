/**
 * How big a scenario may be (docs/limits.md). The public format
 * (shared/design/scenario-format.md) fixes no sizes; these caps are this
 * build's extension. Each is far above anything a person writes (the
 * largest built-in lesson has 10 steps and a 277-character summary; the
 * largest generated machine, `?generate=5000`, about 4,500 steps), and each
 * keeps the work a hostile or damaged file can cause in proportion to a
 * small input: a scenario over a cap is refused with a message that names
 * the cap, never read on at length.
 */
export const LIMITS = {
  /** Characters of scenario JSON text (a file or an unpacked link: bytes). */
  scenarioChars: 2_000_000,
  /** How deep arrays and objects nest in scenario JSON (a scenario needs 5: steps → step → ask → choices). */
  depth: 32,
  /** Steps in one scenario. */
  steps: 10_000,
  /** Characters of a title. */
  title: 200,
  /** Characters of a topic word. */
  topic: 100,
  /** Characters of a summary, a step's narration (`say`) or a question's `explain`. */
  prose: 5_000,
  /** Characters of a question. */
  question: 1_000,
  /** Choices of one question, and characters of each. */
  choices: 10,
  choice: 500,
  /** Characters of an identifier that is not a name: a rule id, a status name. */
  word: 100,
  /** Event types in one `expect.events` or `expect.absent` list. */
  eventTypes: 100,
  /** SVR5: device instances of one module, and modules one module depends on. */
  instances: 64,
  dependsOn: 64,
  /** Problems listed for one scenario; more are summed up in one line. */
  errors: 100,
  /** Characters of a field name quoted in a problem's path. */
  shownKey: 64,
} as const;

/** `12345` → `"12,345"`, the way the messages write numbers. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
