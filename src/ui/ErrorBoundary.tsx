import {
  Component,
  createContext,
  useContext,
  type ContextType,
  type ErrorInfo,
  type ReactNode,
} from 'react';

/** Who else hears that a part failed (a library host's `onError`), besides the console and the part itself. */
export const FailureListener = createContext<((area: string, error: Error) => void) | null>(null);

/**
 * The fault switch (tests only: the app provides it with `?bench`): the areas
 * named in this set fail as they draw, inside their own boundary, the way a
 * bug there would. Read at each draw, so a part breaks when next drawn.
 */
export const FaultSwitch = createContext<ReadonlySet<string> | null>(null);

/** Throws when the fault switch names this area; draws nothing otherwise. */
function Probe({ area }: { area: string }) {
  const faults = useContext(FaultSwitch);
  if (faults?.has(area)) throw new Error(`a fault switched on in the ${area}`);
  return null;
}

interface Props {
  /** Which part of the page this guards, for the message ("toolbar", "driver Beep"). */
  readonly area: string;
  readonly children: ReactNode;
  /** A graph node's size: a small card with the message, in the node's place. */
  readonly compact?: boolean;
  /** When this changes (the step's data), a failed part tries again by itself. */
  readonly resetKey?: unknown;
  /** A part in a row of controls (the toolbar's Share menu): a one-line message in its place. */
  readonly inline?: boolean;
  /** A dialog, sheet or popover: the message offers to close it as well as to reset it. */
  readonly onClose?: () => void;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

/**
 * A failure in one part never blanks the page: the part says what went
 * wrong and offers to reset itself; the scenario (in the visualizer's store,
 * outside every part) is kept, and the rest of the app keeps working. It
 * recommends no key: where it stands, the keys may be gone with the part.
 */
export class ErrorBoundary extends Component<Props, State> {
  static override contextType = FailureListener;
  declare context: ContextType<typeof FailureListener>;
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // New data for the part (another step): try again with it.
    if (props.resetKey === state.resetKey) return null;
    return { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever reads the console; the part itself shows the message.
    console.warn(`Unload Lens: the ${this.props.area} failed`, error, info.componentStack);
    this.context?.(this.props.area, error);
  }

  private readonly reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    const { area, compact, inline, onClose } = this.props;
    if (!error)
      return (
        <>
          <Probe area={area} />
          {this.props.children}
        </>
      );
    const close = onClose ? (
      <button
        type="button"
        className="btn mt-1 ml-1"
        onClick={() => {
          this.reset();
          onClose();
        }}
        aria-label={`Close the ${area}`}
      >
        Close
      </button>
    ) : null;
    const button = (
      <button type="button" className="btn mt-1" onClick={this.reset} aria-label={`Reset the ${area}`}>
        Reset
      </button>
    );
    if (inline) {
      return (
        <span
          role="alert"
          className="card-danger flex items-center gap-1 rounded px-1 text-xs"
          data-failed=""
        >
          <span title={error.message}>The {area} failed.</span>
          <button type="button" className="btn" onClick={this.reset} aria-label={`Reset the ${area}`}>
            Reset
          </button>
        </span>
      );
    }
    if (compact) {
      return (
        <div role="alert" className="card card-danger" data-failed="">
          <p className="font-semibold">The {area} could not be drawn.</p>
          <p className="font-mono text-[10px] break-words">{error.message}</p>
          {button}
        </div>
      );
    }
    return (
      <section role="alert" aria-label={`The ${area} failed`} className="panel p-3 text-sm" data-failed="">
        <p className="font-semibold">The {area} could not be drawn.</p>
        <p className="muted mt-1 font-mono text-xs">{error.message}</p>
        <p className="mt-2">
          Your scenario and its steps are kept. Reset this part to draw it again; if it fails again, open
          another step or scenario.
        </p>
        {button}
        {close}
      </section>
    );
  }
}
