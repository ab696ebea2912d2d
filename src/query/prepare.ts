// Everything questions need of a graph, built ahead of them in steps: names, the history index (the
// influence graph), each node's references both ways, the example questions, the connection graph.
// A question asked once they are built costs milliseconds even at 100,000 nodes; built at once, on
// the first question, they would take seconds. An explorer runs these steps a few milliseconds at a
// time between frames (src/app/state/usePreparation.ts); without it, each index is built when first
// needed, but for the references: "what cites" then walks the graph itself. The search index is not
// among them: the explorer's is made in a worker (src/app/data/searchWorker.ts), which also gives
// the nearest names to a phrase that names no node; elsewhere it is built when first needed.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { EXAMPLES } from "./examples";
import { HISTORY } from "./history";
import { buildInSteps, isBuilt, type GraphIndex } from "./memo";
import { CONNECTIONS } from "./paths";
import { REFERENCES } from "./references";
import { NAMES } from "./resolve";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** In the order they are built: names first, which every question needs. */
const INDEXES: GraphIndex<unknown, Graph>[] = [NAMES, HISTORY, REFERENCES, EXAMPLES, CONNECTIONS];

/** How far preparing has got: `done` indexes of `total`, and the share of the next one built. */
export interface Preparing {
  done: number;
  total: number;
  share: number;
}

/** Whether everything questions need of this graph is built (and the graph unchanged since). */
export const isPrepared = (graph: Graph): boolean => INDEXES.every((index) => isBuilt(graph, index));

/**
 * Builds what is not built yet, yielding how far it has got after each part of the work. A change to
 * the graph drops what was built (memo.ts): what it dropped is built again.
 */
export function* prepareQueries(graph: Graph): Generator<Preparing, void, void> {
  const total = INDEXES.length;
  do
    for (const [done, index] of INDEXES.entries()) {
      if (isBuilt(graph, index)) continue;
      yield { done, total, share: 0 };
      const steps = buildInSteps(graph, index);
      // Never backwards, even when a build starts again on a changed graph.
      let share = 0;
      for (let step = steps.next(); !step.done; step = steps.next())
        yield { done, total, share: (share = Math.min(1, Math.max(share, step.value))) };
    }
  while (!isPrepared(graph));
}
