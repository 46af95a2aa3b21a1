import {
  explainImport,
  importDebuggerText,
  type DebuggerProblem,
  type ImportExplanation,
  type ReadProgress,
} from '../kernel';

declare module '../store/state' {
  interface VisualizerState {
    /** What a pasted debugger session said, while its world is the one shown. */
    readonly imported: DebuggerReading | null;
  }
}

/**
 * What the app keeps of a pasted debugger session: the kernel's answer to
 * "why is this driver still loaded" per driver, every line it could not
 * read, and whether the paste was enough to draw a world to act on.
 */
export interface DebuggerReading {
  readonly explanation: ImportExplanation;
  readonly problems: readonly DebuggerProblem[];
  /** How many lines were pasted. */
  readonly lines: number;
  /** The paste became the scenario shown (else only the findings are shown). */
  readonly drawn: boolean;
  /** Where the drawn world only approximates the paste, one sentence each. */
  readonly approximations: readonly string[];
  /**
   * The drawn devices (their scenario names) whose RefCount the paste did
   * not print (a device named by `!object` or `!devstack` alone): the graph
   * says "RefCount ?" for them, never the simulator's 0.
   */
  readonly refCountNotPrinted: readonly string[];
  /** The drawn drivers (scenario names) whose DriverUnload the paste did not print, the stand-in driver too. */
  readonly unloadNotPrinted: readonly string[];
}

/** The key of the stand-in driver the scenario makes for devices printed without theirs. */
const STAND_IN = '\\driver\\(not printed)';

/** Reads a paste: the kernel's reader and explanation (pure; never throws, whatever the text). */
export function readPaste(
  text: string,
  progress?: ReadProgress,
): { reading: DebuggerReading; scenario: unknown } {
  const imp = importDebuggerText(text, progress);
  return {
    scenario: imp.scenario,
    reading: {
      explanation: explainImport(imp),
      problems: imp.problems,
      lines: text.split(/\r\n|\r|\n/).length,
      drawn: imp.scenario !== undefined,
      approximations: imp.approximations ?? [],
      refCountNotPrinted: imp.devices.flatMap((d) => {
        const name = d.refCount === undefined ? imp.scenarioNames?.devices[d.address] : undefined;
        return name === undefined ? [] : [name];
      }),
      unloadNotPrinted: [
        ...imp.drivers.filter((d) => d.unloadRoutine === undefined).map((d) => d.name.toLowerCase()),
        STAND_IN,
      ].flatMap((key) => {
        const name = imp.scenarioNames?.drivers[key];
        return name === undefined ? [] : [name];
      }),
    },
  };
}
