// The network layout's plan and input: ForceAtlas2 (forceAtlas.ts) runs for a number of rounds that
// depends on the graph's size, on a packed copy of the graph, in a worker
// (src/app/workers/network.worker.ts) or, where none starts, on the page between frames. A round
// takes about 8 ms at 1,000 nodes, 75 ms at 12,000 and 0.9 s at 100,000 on this project's machine,
// so a large graph gets fewer rounds. No DOM here.
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
import type { Steps } from "../../query/memo";

/** The graph a layout runs on: each node's start, and each edge as two node numbers. */
export interface NetworkInput {
  x: Float32Array;
  y: Float32Array;
  sources: Int32Array;
  targets: Int32Array;
}

/** How a graph is laid out: the rounds ForceAtlas2 runs, with what settings. */
export interface NetworkPlan {
  rounds: number;
  settings: ForceAtlas2Settings;
}

/** Rounds for a graph of 1,000 nodes; fewer for larger ones, more for smaller, within the bounds. */
const ROUNDS_AT_1000 = 300;
const [MIN_ROUNDS, MAX_ROUNDS] = [40, 500];

/**
 * The plan for a graph of `order` nodes: 500 rounds for a few hundred nodes, 300 for 1,000, about
 * 120 for 10,000, 50 for 100,000 (the rounds fall as the 0.39th power of the order: a round's cost
 * grows about as the order). Settings as ForceAtlas2's `inferSettings` would have them (Barnes–Hut
 * over 2,000 nodes, strong gravity, slowing with the order), with the gravity and scaling that
 * spread a citation graph's hubs apart, and Gephi's Barnes–Hut precision (θ 1.2, twice as fast as
 * 0.5 at 100,000 nodes).
 */
export function networkPlan(order: number): NetworkPlan {
  const rounds = Math.round(ROUNDS_AT_1000 * (1000 / Math.max(order, 1)) ** 0.39);
  return {
    rounds: Math.min(MAX_ROUNDS, Math.max(MIN_ROUNDS, rounds)),
    settings: {
      barnesHutOptimize: order > 2000,
      barnesHutTheta: 1.2,
      strongGravityMode: true,
      gravity: 1,
      scalingRatio: 10,
      slowDown: 1 + Math.log(Math.max(order, 1)),
    },
  };
}

/** The least a graph's packing hands over between two yields. */
const PACKED_A_PART = 4096;

/** The golden angle: consecutive nodes of the start spiral are as far apart in angle as can be. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** How far apart the start spiral's rings are: about ForceAtlas2's spacing at these settings. */
const SPIRAL_STEP = 10;

/**
 * A graph packed for the layout, in steps (a hundred thousand nodes and their edges take longer
 * than a part may hold the page): the input, and the node keys in its order. Every layout starts
 * from the same place, whatever layout the graph is in: node i of the graph's order on a sunflower
 * spiral (radius growing as √i, turning by the golden angle): deterministic, and with no
 * structure of its own. From the positions a layout already has, ForceAtlas2 keeps what its
 * rounds cannot undo: texts on one row (as a timeline's rows are) stay on it, and two groups of
 * texts that interleave along it are never parted. A network stopped before its last round goes
 * on `from` where it was (a node it lacks starts on the spiral).
 */
export function* packNetwork(
  graph: {
    order: number;
    size: number;
    nodes(): string[];
    edgeEntries(): IterableIterator<{ source: string; target: string }>;
  },
  from?: ReadonlyMap<string, { x: number; y: number }>,
): Steps<{ input: NetworkInput; keys: string[] }> {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const [x, y] = [new Float32Array(graph.order), new Float32Array(graph.order)];
  for (const key of graph.nodes()) {
    const i = keys.length;
    const [radius, angle] = [SPIRAL_STEP * Math.sqrt(i + 0.5), i * GOLDEN_ANGLE];
    const at = from?.get(key);
    x[i] = at ? at.x : radius * Math.cos(angle);
    y[i] = at ? at.y : radius * Math.sin(angle);
    index.set(key, i);
    keys.push(key);
    if ((i + 1) % PACKED_A_PART === 0) yield (0.1 * (i + 1)) / graph.order;
  }
  const [sources, targets] = [new Int32Array(graph.size), new Int32Array(graph.size)];
  let e = 0;
  for (const { source, target } of graph.edgeEntries()) {
    sources[e] = index.get(source)!;
    targets[e++] = index.get(target)!;
    if (e % PACKED_A_PART === 0) yield 0.1 + (0.9 * e) / graph.size;
  }
  return { input: { x, y, sources, targets }, keys };
}
