// Everything questions and search need of a graph, built ahead of them in steps: names, the search
// index, the history index (the influence graph), each node's references both ways, the example
// questions, the connection graph. A question asked once they are built costs milliseconds even at
// 100,000 nodes; built at once, on the first question, they would take seconds. An explorer runs
// these steps a few milliseconds at a time between frames (src/app/state/usePreparation.ts);
// without it, each index is built when first needed, but for the references: "what cites" then
// walks the graph itself.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { EXAMPLES } from "./examples";
import { HISTORY } from "./history";
import { buildInSteps, isBuilt, type GraphIndex } from "./memo";
import { CONNECTIONS } from "./paths";
import { REFERENCES } from "./references";
import { NAMES } from "./resolve";
import { SEARCH } from "./search";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** What search needs: built first. */
const SEARCH_INDEXES: GraphIndex<unknown, Graph>[] = [NAMES, SEARCH];

/** In the order they are built: names and search first, which the first questions need. */
const INDEXES: GraphIndex<unknown, Graph>[] = [...SEARCH_INDEXES, HISTORY, REFERENCES, EXAMPLES, CONNECTIONS];

/** How far preparing has got: `done` indexes of `total`, and the share of the next one built. */
export interface Preparing {
  done: number;
  total: number;
  share: number;
}

/** Whether search can answer at once: what it needs of this graph is built. */
export const isSearchReady = (graph: Graph): boolean =>
  SEARCH_INDEXES.every((index) => isBuilt(graph, index));

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
