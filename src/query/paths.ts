// Paths between two nodes: the shortest (graphology-shortest-path) and every other simple path at
// most PATH_SLACK steps longer (graphology-simple-path). Simple paths are enumerated only inside the
// nodes that lie on some path short enough — those whose distance from one end plus their distance
// to the other fits the bound — found by breadth-first walks that stay near both ends: a large graph
// costs neither an exponential search nor a walk over all of it.
import { DirectedGraph, UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import { allSimplePaths } from "graphology-simple-path";
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

type Walk = "outbound" | "inbound";

/**
 * Steps from `start` to the nodes a breadth-first walk reaches, following `walk`, going on from a
 * node only while `onward(node, steps)` holds.
 */
function distances(
  graph: AbstractGraph,
  start: string,
  walk: Walk,
  onward: (node: string, steps: number) => boolean,
): Map<string, number> {
  const out = new Map([[start, 0]]);
  let level = [start];
  for (let steps = 0; level.length; steps++) {
    const next: string[] = [];
    for (const node of level) {
      if (!onward(node, steps)) continue;
      const visit = (neighbour: string) => {
        if (out.has(neighbour)) return;
        out.set(neighbour, steps + 1);
        next.push(neighbour);
      };
      if (walk === "outbound") graph.forEachOutboundNeighbor(node, visit);
      else graph.forEachInboundNeighbor(node, visit);
    }
    level = next;
  }
  return out;
}

/**
 * The nodes on some walk of at most `bound` steps from `from` to `to`: those whose distance from
 * `from` plus their distance to `to` is within the bound. Three breadth-first walks find them
 * without walking the whole graph (which, four steps out from a hub, is all of it): one from an end
 * to half the bound, which gives every other node a least distance from that end; one from the
 * other end that goes on from a node only while that least distance allows; and one from the first
 * end again, only through the nodes the second found close enough. A node x is gone on from only when its
 * distances could add up to the bound: the next node of a shortest walk from any node within the
 * bound is within it too, so every such node gets its exact distances.
 */
function nodesWithin(graph: AbstractGraph, from: string, to: string, bound: number): Set<string> {
  const back: Walk = graph.type === "undirected" ? "outbound" : "inbound";
  // The first walk goes out from the end with fewer neighbours: half the bound around a hub is
  // most of the graph. (Walking back from `to` is walking forward from it in the reversed graph.)
  const [a, aWalk, b, bWalk]: [string, Walk, string, Walk] =
    graph.degree(from) <= graph.degree(to) ? [from, "outbound", to, back] : [to, back, from, "outbound"];
  const radius = Math.ceil(bound / 2);
  const near = distances(graph, a, aWalk, (_, steps) => steps < radius);
  const least = (node: string) => near.get(node) ?? radius + 1;
  const fromB = distances(graph, b, bWalk, (node, steps) => steps + least(node) <= bound);
  const fromA = distances(
    graph,
    a,
    aWalk,
    (node, steps) => fromB.has(node) && steps + fromB.get(node)! <= bound,
  );
  return new Set([...fromA].filter(([id, d]) => d + (fromB.get(id) ?? Infinity) <= bound).map(([id]) => id));
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
  const near = nodesWithin(graph, from, to, bound);
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
