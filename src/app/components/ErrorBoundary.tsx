// Shows a failure of the drawing (no WebGL, a sigma error) as a message instead of a blank page.
import { Component, type ReactNode } from "react";

interface Props {
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="message error" role="alert">
          <strong>The graph could not be drawn.</strong> {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
