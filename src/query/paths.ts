// Paths between two nodes: the shortest, and every other simple path at most PATH_SLACK steps
// longer (graphology-simple-path). Simple paths are enumerated only inside the nodes that lie on
// some path short enough — those whose distance from one end plus their distance to the other fits
// the bound — found by breadth-first walks that stay near both ends: a large graph costs neither an
// exponential search nor a walk over all of it.
//
// The graphs walked are compressed sparse rows (PathGraph), not graphology graphs: the influence
// graph's are the history index's own, and the connection graph's are two typed arrays. A
// graphology graph of every relation of a 100,000-text corpus is three quarters of a million
// objects made while the page is in use, whose collections held the page a third of a second at a
// time; these arrays are a few megabytes outside the heap. Hence the hand-written bidirectional
// breadth-first search, which graphology-shortest-path runs only over graphology graphs.
import { DirectedGraph, UndirectedGraph } from "graphology";
import { allSimplePaths } from "graphology-simple-path";
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { CONTEXT_KINDS, historyIndex, sparseRows } from "./history";
import { eachEdge, eachNode, indexOf, type GraphIndex, type Steps } from "./memo";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** Paths longer than this are not enumerated. */
export const MAX_PATH_STEPS = 8;
/** Simple paths may be this many steps longer than the shortest. */
export const PATH_SLACK = 1;
/** How many paths an answer lists at most. */
export const MAX_PATHS = 20;

/** Rows of neighbours: node i's are `nodes[offsets[i] .. offsets[i + 1])`. */
interface Rows {
  offsets: Int32Array;
  nodes: Int32Array;
}

/**
 * A graph to find paths in: its nodes by number, their rows of neighbours each way (the same rows
 * in an undirected graph, where a neighbour may be listed twice), and neighbours added for one
 * question (`extra`, either way).
 */
export interface PathGraph {
  ids: string[];
  index: Map<string, number>;
  directed: boolean;
  out: Rows;
  in: Rows;
  extra?: Map<number, number[]>;
}

type Way = "out" | "in";

function eachNeighbour(graph: PathGraph, node: number, way: Way, visit: (neighbour: number) => void): void {
  const { offsets, nodes } = graph[way];
  for (let k = offsets[node]!, stop = offsets[node + 1]!; k < stop; k++) visit(nodes[k]!);
  for (const n of graph.extra?.get(node) ?? []) visit(n);
}

/** How many neighbours a walk from `node` following `way` has to look at. */
const degree = (graph: PathGraph, node: number, way: Way): number =>
  graph[way].offsets[node + 1]! - graph[way].offsets[node]! + (graph.extra?.get(node)?.length ?? 0);

/**
 * Steps from `start` to the nodes a breadth-first walk reaches, following `way`, going on from a
 * node only while `onward(node, steps)` holds.
 */
function distances(
  graph: PathGraph,
  start: number,
  way: Way,
  onward: (node: number, steps: number) => boolean,
): Map<number, number> {
  const out = new Map([[start, 0]]);
  let level = [start];
  for (let steps = 0; level.length; steps++) {
    const next: number[] = [];
    for (const node of level) {
      if (!onward(node, steps)) continue;
      eachNeighbour(graph, node, way, (neighbour) => {
        if (out.has(neighbour)) return;
        out.set(neighbour, steps + 1);
        next.push(neighbour);
      });
    }
    level = next;
  }
  return out;
}

/**
 * A shortest path from `from` to `to`, or null: a breadth-first search from both ends, a level at a
 * time from the end whose level is smaller, until the two meet.
 */
function shortestPath(graph: PathGraph, from: number, to: number): number[] | null {
  if (from === to) return [from];
  // Each node reached, with the node before it on the way from its end.
  const parents: [Map<number, number>, Map<number, number>] = [new Map([[from, -1]]), new Map([[to, -1]])];
  const levels = [[from], [to]];
  const ways: [Way, Way] = ["out", "in"];
  while (levels[0]!.length && levels[1]!.length) {
    const side = levels[0]!.length <= levels[1]!.length ? 0 : 1;
    const [mine, theirs] = [parents[side]!, parents[1 - side]!];
    const next: number[] = [];
    let meeting = -1;
    for (const node of levels[side]!) {
      eachNeighbour(graph, node, ways[side]!, (neighbour) => {
        if (meeting >= 0 || mine.has(neighbour)) return;
        mine.set(neighbour, node);
        if (theirs.has(neighbour)) meeting = neighbour;
        else next.push(neighbour);
      });
      if (meeting >= 0) break;
    }
    if (meeting >= 0) {
      const half = (parents: Map<number, number>) => {
        const way: number[] = [];
        for (let n = meeting; n >= 0; n = parents.get(n)!) way.push(n);
        return way;
      };
      return [...half(parents[0]).reverse(), ...half(parents[1]).slice(1)];
    }
    levels[side] = next;
  }
  return null;
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
function nodesWithin(graph: PathGraph, from: number, to: number, bound: number): Set<number> {
  // The first walk goes out from the end with fewer neighbours: half the bound around a hub is
  // most of the graph. (Walking back from `to` is walking forward from it in the reversed graph.)
  const [a, aWay, b, bWay]: [number, Way, number, Way] =
    degree(graph, from, "out") <= degree(graph, to, "in") ? [from, "out", to, "in"] : [to, "in", from, "out"];
  const radius = Math.ceil(bound / 2);
  const near = distances(graph, a, aWay, (_, steps) => steps < radius);
  const least = (node: number) => near.get(node) ?? radius + 1;
  const fromB = distances(graph, b, bWay, (node, steps) => steps + least(node) <= bound);
  const fromA = distances(
    graph,
    a,
    aWay,
    (node, steps) => fromB.has(node) && steps + fromB.get(node)! <= bound,
  );
  return new Set([...fromA].filter(([id, d]) => d + (fromB.get(id) ?? Infinity) <= bound).map(([id]) => id));
}

/**
 * A shortest path from `from` to `to` (edges followed forward in a directed graph, either way in an
 * undirected one), then the other simple paths within the bound, shortest first; null if none.
 */
export function shortPaths(graph: PathGraph, from: string, to: string): string[][] | null {
  const [a, b] = [graph.index.get(from), graph.index.get(to)];
  if (a === undefined || b === undefined) return null;
  const found = shortestPath(graph, a, b);
  if (!found) return null;
  const shortest = found.map((n) => graph.ids[n]!);
  const bound = Math.min(shortest.length - 1 + PATH_SLACK, MAX_PATH_STEPS);
  if (shortest.length - 1 > bound) return [shortest];
  const near = nodesWithin(graph, a, b, bound);
  const sub = graph.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const n of near) sub.addNode(graph.ids[n]!);
  for (const n of near)
    eachNeighbour(graph, n, "out", (m) => {
      if (near.has(m)) sub.mergeEdge(graph.ids[n]!, graph.ids[m]!);
    });
  const key = shortest.join("\u0000");
  const others = allSimplePaths(sub, from, to, { maxDepth: bound })
    .filter((p) => p.join("\u0000") !== key)
    .sort((a, b) => a.length - b.length || (a.join() < b.join() ? -1 : 1));
  return [shortest, ...others].slice(0, MAX_PATHS);
}

/** The influence graph (history.ts), earlier → later, as a graph to find paths in. */
export function influencePaths(graph: Graph): PathGraph {
  const { ids, index, forward, back } = historyIndex(graph);
  return { ids, index, directed: true, out: forward, in: back };
}

/**
 * Every relation, either way, as an undirected graph, built once per graph. Organisations and
 * bodies join almost everything, so they are ends of a path but never steps on one: their edges
 * are left out, and put in only for the question that has one of them at an end.
 */
export const CONNECTIONS: GraphIndex<PathGraph, Graph> = {
  key: "connections",
  build: buildConnections,
};

export const connectionGraph = (graph: Graph): PathGraph => indexOf(graph, CONNECTIONS);

function* buildConnections(graph: Graph): Steps<PathGraph> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  yield* eachNode(
    graph,
    (id) => {
      index.set(id, ids.length);
      ids.push(id);
    },
    [0, 0.1],
  );
  // Each edge between two nodes that are not context, as its two ends: a row for each end holds the
  // other.
  const ends = new Int32Array(2 * graph.size);
  let m = 0;
  yield* eachEdge(
    graph,
    (_, __, s, t, sa, ta) => {
      if (s === t || CONTEXT_KINDS.has(sa.kind) || CONTEXT_KINDS.has(ta.kind)) return;
      const [a, b] = [index.get(s), index.get(t)];
      if (a === undefined || b === undefined) return; // a graph changed half-way: this build is dropped
      [ends[2 * m], ends[2 * m + 1]] = [a, b];
      m++;
    },
    [0.1, 0.9],
  );
  const { offsets, slots } = sparseRows(ids.length, ends.subarray(0, 2 * m));
  const nodes = new Int32Array(2 * m);
  slots.forEach((at, end) => (nodes[at] = ends[end ^ 1]!));
  const rows = { offsets, nodes };
  return { ids, index, directed: false, out: rows, in: rows };
}

/** Runs `fn` on the connection graph with the edges of the ends that are organisations or bodies. */
export function withEnds<T>(graph: Graph, ends: string[], fn: (connections: PathGraph) => T): T {
  const connections = connectionGraph(graph);
  const extra = new Map<number, number[]>();
  const link = (a: number, b: number) => {
    const known = extra.get(a);
    if (known) known.push(b);
    else extra.set(a, [b]);
  };
  for (const end of ends) {
    if (!CONTEXT_KINDS.has(graph.getNodeAttribute(end, "kind"))) continue;
    const e = connections.index.get(end)!;
    const linked = new Set<number>();
    graph.forEachNeighbor(end, (n, a) => {
      if (n === end || (CONTEXT_KINDS.has(a.kind) && !ends.includes(n))) return;
      const other = connections.index.get(n)!;
      // Once each way between two nodes, even when both ends are context and neighbours.
      if (linked.has(other) || extra.get(other)?.includes(e)) return;
      linked.add(other);
      link(e, other);
      link(other, e);
    });
  }
  return fn({ ...connections, extra });
}
