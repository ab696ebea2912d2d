// The explorer page: a header with the counts, the graph canvas, and the legend beside it.
import { useEffect, useState } from "react";
import { GraphCanvas } from "./components/GraphCanvas";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Legend } from "./components/Legend";
import { GraphLoadError, GRAPH_URL, loadGraph, type CanonicalGraph } from "./data/loadGraph";

type State =
  { status: "loading" } | { status: "error"; message: string } | { status: "ready"; graph: CanonicalGraph };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function App() {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    loadGraph(controller.signal, GRAPH_URL).then(
      (graph) => setState({ status: "ready", graph }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          err instanceof GraphLoadError
            ? err.message
            : `Unexpected error while loading the graph: ${String(err)}`;
        setState({ status: "error", message });
      },
    );
    return () => controller.abort();
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Recital</h1>
        <p className="counts" aria-live="polite">
          {state.status === "ready"
            ? `${plural(state.graph.order, "node", "nodes")} · ${plural(state.graph.size, "edge", "edges")}`
            : state.status === "loading"
              ? "Loading…"
              : "No graph"}
        </p>
      </header>
      {state.status === "ready" ? (
        <main className="app-main">
          <ErrorBoundary>
            <GraphCanvas graph={state.graph} />
          </ErrorBoundary>
          <Legend graph={state.graph} />
        </main>
      ) : (
        <main className="app-main">
          {state.status === "error" ? (
            <div className="message error" role="alert">
              <strong>The citation graph could not be loaded.</strong> {state.message} Build it with{" "}
              <code>npm run -s cli -- build</code>, then reload.
            </div>
          ) : (
            <div className="message">Loading the citation graph…</div>
          )}
        </main>
      )}
    </div>
  );
}
