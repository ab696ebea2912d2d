// What questions need of a graph (src/query/prepare.ts), built ahead of them: at once for
// a small graph, else a few tens of milliseconds at a time between frames, so that the page never
// stops answering for longer. It starts once the graph is drawn (not to slow its drawing down) or as
// soon as a search or a question waits for it (the search's own index is made in a worker:
// useNodeFinder); until it is done, those say how far it has got.
import { useEffect, useState } from "react";
import { finish } from "../../query/memo";
import { isPrepared, prepareQueries, type Preparing } from "../../query/prepare";
import type { CanonicalGraph } from "../../build/graphFile";
import { nextTask, PART_MS, runInParts } from "../data/steps";

/** Up to this many nodes, preparing takes milliseconds: it is done before the first answer. */
const AT_ONCE = 5_000;

export interface Preparation {
  ready: boolean;
  /** How far it has got (null before it starts). */
  progress: Preparing | null;
}

interface Held extends Preparation {
  graph: CanonicalGraph | null;
}

/** Runs the preparation in parts of at most PART_MS, the page free between them. */
export async function prepareInParts(
  graph: CanonicalGraph,
  signal: AbortSignal,
  onProgress: (progress: Preparing) => void,
): Promise<void> {
  // A task boundary between parts lets the page handle input and draw a frame, without waiting
  // for a frame, which a page with nothing to draw may not ask for.
  await runInParts(prepareQueries(graph), PART_MS, nextTask, onProgress, signal);
}

/**
 * Whether questions on this graph are ready. `wanted` starts the preparation of a
 * large graph; a small one is prepared at once.
 */
export function usePreparation(graph: CanonicalGraph | null, wanted: boolean): Preparation {
  const [held, setHeld] = useState<Held>(() => start(graph));
  // A new graph starts again (adjusting state while rendering, as React advises for a prop change).
  if (held.graph !== graph) setHeld(start(graph));
  const current = held.graph === graph ? held : start(graph);
  const { ready } = current;
  useEffect(() => {
    if (!graph || ready || !wanted) return;
    const controller = new AbortController();
    const done = () => setHeld((h) => (h.graph === graph ? { graph, ready: true, progress: null } : h));
    prepareInParts(graph, controller.signal, (progress) =>
      setHeld((h) => (h.graph === graph ? { ...h, progress } : h)),
    ).then(
      () => {
        performance.mark("recital:prepared"); // for the load benchmark (test/bench/load.ts)
        done();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return; // stopped: a new graph, or the page went away
        // Preparing failed: questions build what they need when asked, as they would unprepared.
        console.error(error);
        done();
      },
    );
    return () => controller.abort();
  }, [graph, ready, wanted]);
  return { ready: current.ready, progress: current.progress };
}

function start(graph: CanonicalGraph | null): Held {
  if (!graph) return { graph, ready: false, progress: null };
  if (!isPrepared(graph) && graph.order <= AT_ONCE) {
    finish(prepareQueries(graph));
    performance.mark("recital:prepared");
  }
  return { graph, ready: isPrepared(graph), progress: null };
}
