// Shows a failure of a panel (no WebGL, a sigma error, a bad attribute) as a message in that
// panel's place instead of a blank page; the rest of the page goes on working.
import { Component, type ReactNode } from "react";
import { i18n } from "../i18n";

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
          <strong>{i18n.t("panel_failed")}</strong> {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
