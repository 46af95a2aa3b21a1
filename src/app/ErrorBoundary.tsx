import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Which part of the page this guards, for the message. */
  readonly area: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * A failure in one panel never blanks the page: the panel says what went
 * wrong and offers to try again; the rest of the app keeps working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever reads the console; the panel itself shows the message.
    console.warn(`Unload Lens: the ${this.props.area} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert" className="panel p-3 text-sm">
        <p className="font-semibold">The {this.props.area} could not be drawn.</p>
        <p className="muted mt-1 font-mono text-xs">{error.message}</p>
        <p className="mt-2">
          The simulation itself is intact: step back (←) or{' '}
          <button type="button" className="underline" onClick={() => this.setState({ error: null })}>
            try again
          </button>
          .
        </p>
      </section>
    );
  }
}
