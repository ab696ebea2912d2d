// Paths between two nodes: the shortest (graphology-shortest-path) and every other simple path at
// most PATH_SLACK steps longer (graphology-simple-path). Simple paths are enumerated only inside the
// nodes that lie on some path short enough — those whose distance from one end plus their distance
// to the other fits the bound — so a large graph costs two bounded breadth-first walks, not an
// exponential search.
import { DirectedGraph, UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import { allSimplePaths } from "graphology-simple-path";
import { bfsFromNode } from "graphology-traversal";
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { CONTEXT_KINDS } from "./history";
import { eachEdge, eachNode, indexOf, type GraphIndex, type Steps } from "./memo";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** Paths longer than this are not enumerated. */
export const MAX_PATH_STEPS = 8;
/** Simple paths may be this many steps longer than the shortest. */
export const PATH_SLACK = 1;
/** How many paths an answer lists at most. */
export const MAX_PATHS = 20;

/** Steps from `from` to every node within `bound`, following `mode`. */
function distances(
  graph: AbstractGraph,
  from: string,
  bound: number,
  mode: "outbound" | "inbound",
): Map<string, number> {
  const out = new Map<string, number>();
  bfsFromNode(
    graph,
    from,
    (id, _, depth) => {
      out.set(id, depth);
      return depth >= bound;
    },
    { mode },
  );
  return out;
}

/**
 * The shortest path from `from` to `to` (edges followed forward in a directed graph, either way in
 * an undirected one), then the other simple paths within the bound, shortest first; null if none.
 */
export function shortPaths(graph: AbstractGraph, from: string, to: string): string[][] | null {
  const shortest = bidirectional(graph, from, to);
  if (!shortest) return null;
  const bound = Math.min(shortest.length - 1 + PATH_SLACK, MAX_PATH_STEPS);
  if (shortest.length - 1 > bound) return [shortest];
  const ahead = distances(graph, from, bound, "outbound");
  const behind = distances(graph, to, bound, graph.type === "undirected" ? "outbound" : "inbound");
  const near = new Set(
    [...ahead].filter(([id, d]) => d + (behind.get(id) ?? Infinity) <= bound).map(([id]) => id),
  );
  const sub = graph.type === "undirected" ? new UndirectedGraph() : new DirectedGraph();
  for (const id of near) sub.addNode(id);
  for (const id of near)
    graph.forEachOutboundNeighbor(id, (n) => {
      if (near.has(n)) sub.mergeEdge(id, n);
    });
  const key = shortest.join("\u0000");
  const others = allSimplePaths(sub, from, to, { maxDepth: bound })
    .filter((p) => p.join("\u0000") !== key)
    .sort((a, b) => a.length - b.length || (a.join() < b.join() ? -1 : 1));
  return [shortest, ...others].slice(0, MAX_PATHS);
}

/**
 * Every relation, either way, as a simple undirected graph, built once per graph. Organisations and
 * bodies join almost everything, so they are ends of a path but never steps on one: their edges
 * are left out, and put in only for the question that has one of them at an end.
 */
export const CONNECTIONS: GraphIndex<UndirectedGraph, Graph> = {
  key: "connections",
  build: buildConnections,
};

export const connectionGraph = (graph: Graph): UndirectedGraph => indexOf(graph, CONNECTIONS);

function* buildConnections(graph: Graph): Steps<UndirectedGraph> {
  const out = new UndirectedGraph();
  yield* eachNode(graph, (id) => out.addNode(id), [0, 0.1]);
  yield* eachEdge(
    graph,
    (_, __, s, t, sa, ta) => {
      if (s !== t && !CONTEXT_KINDS.has(sa.kind) && !CONTEXT_KINDS.has(ta.kind)) out.mergeEdge(s, t);
    },
    [0.1, 1],
  );
  return out;
}

/** Runs `fn` on the connection graph with the edges of the ends that are organisations or bodies. */
export function withEnds<T>(graph: Graph, ends: string[], fn: (connections: UndirectedGraph) => T): T {
  const connections = connectionGraph(graph);
  const added: string[] = [];
  try {
    for (const end of ends) {
      if (!CONTEXT_KINDS.has(graph.getNodeAttribute(end, "kind"))) continue;
      graph.forEachNeighbor(end, (n, a) => {
        if (n === end || (CONTEXT_KINDS.has(a.kind) && !ends.includes(n))) return;
        const [key, isNew] = connections.mergeEdge(end, n);
        if (isNew) added.push(key);
      });
    }
    return fn(connections);
  } finally {
    for (const key of added) connections.dropEdge(key);
  }
}
