// The search box's finder for the graph shown (src/app/data/searchWorker.ts): started when search
// and questions are wanted (as their preparation is), ended with the graph. Until the worker has
// indexed every node, it says how far it has got; where no worker starts, the page builds an index
// of its own, in parts, and says how far that has got.
import { useEffect, useState } from "react";
import type { CanonicalGraph } from "../../build/graphFile";
import { startFinder, type NodeFinder } from "../data/searchWorker";
import { nextTask } from "../data/steps";

export interface Finding {
  /** Ready to search (null until then). */
  finder: NodeFinder | null;
  /** Nodes indexed of all, while the worker indexes them. */
  progress: { done: number; total: number } | null;
  /** Search could not be made ready: no worker started, and the page's own index failed too. */
  failed?: boolean;
}

interface Held extends Finding {
  graph: CanonicalGraph | null;
}

export function useNodeFinder(graph: CanonicalGraph | null, wanted: boolean): Finding {
  const [held, setHeld] = useState<Held>({ graph, finder: null, progress: null });
  // A new graph starts again (adjusting state while rendering, as React advises for a prop change).
  if (held.graph !== graph) setHeld({ graph, finder: null, progress: null });
  const current: Finding = held.graph === graph ? held : { finder: null, progress: null };
  useEffect(() => {
    if (!graph || !wanted) return;
    const controller = new AbortController();
    let found: NodeFinder | null = null;
    const set = (finding: Finding) => setHeld((h) => (h.graph === graph ? { graph, ...finding } : h));
    void startFinder(graph, {
      next: nextTask,
      signal: controller.signal,
      onProgress: (done, total) => set({ finder: null, progress: { done, total } }),
    }).then(
      (finder) => {
        if (!finder) return;
        found = finder;
        performance.mark("recital:search-indexed"); // for the load benchmark (test/bench/load.ts)
        set({ finder, progress: null });
      },
      // No worker, and the page's own index could not be built either: search stays unanswered.
      (error: unknown) => {
        console.error(error);
        set({ finder: null, progress: null, failed: true });
      },
    );
    return () => {
      controller.abort();
      found?.close();
      setHeld((h) => (h.graph === graph ? { graph, finder: null, progress: null } : h));
    };
  }, [graph, wanted]);
  // Wanted and not started yet: nothing indexed so far.
  if (graph && wanted && !current.finder && !current.progress && !current.failed)
    return { finder: null, progress: { done: 0, total: graph.order } };
  return current;
}
