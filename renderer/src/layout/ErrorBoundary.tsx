/**
 * Keeps one failing part of the window from blanking the rest: the error is
 * shown where it happened, with a retry, and the other panes keep working.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What this part of the window is, for the message ("The results pane"). */
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="error boundary-error">
        <p>
          {this.props.what} stopped working: {error.message}
        </p>
        <button type="button" className="small" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
