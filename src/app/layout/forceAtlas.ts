// ForceAtlas2's rounds on a packed graph (network.ts): graphology-layout-forceatlas2's own matrices
// and iteration, which its own worker runs too. Run in the network worker, or on the page where no
// worker starts (loaded then only). No DOM here.
import { MultiDirectedGraph } from "graphology";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import {
  collectLayoutChanges,
  graphToByteArrays,
  validateSettings,
} from "graphology-layout-forceatlas2/helpers.js";
import DEFAULTS from "graphology-layout-forceatlas2/defaults.js";
import type { NetworkInput, NetworkPlan } from "./network";

/** A layout under way: run `round()` until `done === plan.rounds`; `positions()` at any time. */
export interface NetworkRun {
  readonly done: number;
  round(): void;
  /** Where each node is now, x then y, in the input's order. */
  positions(): Float32Array;
  /**
   * What ForceAtlas2 carries from one round to the next, for each node in the input's order: its
   * last move (x, y) and its convergence. A run started with it goes on as if never stopped.
   */
  motion(): Float32Array;
}

/** The node matrix of graphology-layout-forceatlas2 (iterate.js): values a node, and where. */
const PPN = 10;
const [NODE_DX, NODE_DY, NODE_CONVERGENCE] = [2, 3, 7];
/** Values a node in `motion()`. */
const MOTION = 3;

/**
 * ForceAtlas2 started on `input`: graphology-layout-forceatlas2's own matrices and iteration; its
 * rounds counted from `done`, going on with `motion` (a network stopped there: `NetworkRun.motion`).
 */
export function startNetwork(
  input: NetworkInput,
  plan: NetworkPlan,
  done = 0,
  motion?: Float32Array,
): NetworkRun {
  const graph = new MultiDirectedGraph<{ x: number; y: number }>();
  for (let i = 0; i < input.x.length; i++) graph.addNode(String(i), { x: input.x[i]!, y: input.y[i]! });
  for (let e = 0; e < input.sources.length; e++)
    graph.addEdge(String(input.sources[e]), String(input.targets[e]));
  const matrices = graphToByteArrays(graph, () => 1);
  const order = input.x.length;
  if (matrices.nodes.length !== PPN * order)
    throw new Error("ForceAtlas2: its node matrix is not as expected");
  if (motion?.length === MOTION * order)
    for (let i = 0; i < order; i++) {
      matrices.nodes[PPN * i + NODE_DX] = motion[MOTION * i]!;
      matrices.nodes[PPN * i + NODE_DY] = motion[MOTION * i + 1]!;
      matrices.nodes[PPN * i + NODE_CONVERGENCE] = motion[MOTION * i + 2]!;
    }
  // The iteration reads every setting: the plan's over the package's defaults, checked as it checks them.
  const settings = { ...DEFAULTS, ...plan.settings };
  const invalid = validateSettings(settings);
  if (invalid) throw new Error(`ForceAtlas2: ${invalid.message}`);
  return {
    get done() {
      return done;
    },
    round() {
      iterate(settings, matrices.nodes, matrices.edges);
      done++;
    },
    positions() {
      const changes = collectLayoutChanges(graph, matrices.nodes);
      const out = new Float32Array(2 * input.x.length);
      for (const [key, { x, y }] of Object.entries(changes)) {
        out[2 * Number(key)] = x;
        out[2 * Number(key) + 1] = y;
      }
      return out;
    },
    motion() {
      const out = new Float32Array(MOTION * order);
      for (let i = 0; i < order; i++) {
        out[MOTION * i] = matrices.nodes[PPN * i + NODE_DX]!;
        out[MOTION * i + 1] = matrices.nodes[PPN * i + NODE_DY]!;
        out[MOTION * i + 2] = matrices.nodes[PPN * i + NODE_CONVERGENCE]!;
      }
      return out;
    },
  };
}
