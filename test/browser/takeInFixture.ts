// Loaded into the explorer's page by take-in.test.ts (through Vite's dev server): two sigmas over
// the same graphs, one taking them in as sigma does, the other in parts (takeInParts.ts), and what
// each holds after, to compare.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { changeInParts } from "../../src/app/graph/takeInParts";

type Attrs = Record<string, unknown>;
type Renderer = Sigma<Attrs, Attrs>;

/** A seeded generator (mulberry32): the same graph in every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A graph of `order` nodes and about four edges each, of two edge types, with labels, sizes and
 * z-indices that vary, some nodes unlabelled: what sigma's taking in depends on.
 */
export function makeGraph(order: number, seed: number): MultiDirectedGraph<Attrs, Attrs> {
  const next = random(seed);
  const graph = new MultiDirectedGraph<Attrs, Attrs>();
  for (let i = 0; i < order; i++)
    graph.addNode(`n${i}`, {
      x: next() * 1000,
      y: next() * 600,
      size: 2 + Math.floor(next() * 10),
      color: next() < 0.5 ? "#2563eb" : "#b45309",
      zIndex: Math.floor(next() * 3),
      ...(next() < 0.8 ? { label: `Text ${i}` } : {}),
    });
  for (let i = 0; i < order * 4; i++) {
    const [a, b] = [Math.floor(next() * order), Math.floor(next() * order)];
    if (a !== b)
      graph.addEdgeWithKey(`e${i}`, `n${a}`, `n${b}`, {
        size: 1 + Math.floor(next() * 3),
        color: "#888888",
        type: next() < 0.5 ? "arrow" : "line",
        zIndex: Math.floor(next() * 2),
      });
  }
  return graph;
}

/** New positions for every node of a graph. */
export function moveAll(graph: MultiDirectedGraph<Attrs, Attrs>, seed: number) {
  const next = random(seed);
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: next() * 800 - 400, y: next() * 800 }), {
    attributes: ["x", "y"],
  });
}

/** The reducers' input: every how many nodes one is hidden. */
export const hide = { every: 7 };

/** A sigma in a container of its own, with reducers that hide, force and highlight some items. */
export function makeRenderer(graph: MultiDirectedGraph<Attrs, Attrs>): Renderer {
  const container = document.createElement("div");
  container.style.cssText = "position:fixed;left:0;top:0;width:400px;height:300px";
  document.body.appendChild(container);
  return new Sigma<Attrs, Attrs>(graph, container, {
    zIndex: true,
    labelDensity: 1,
    labelRenderedSizeThreshold: 4,
    nodeReducer: (node, data) => {
      const n = Number(node.slice(1));
      return { ...data, hidden: n % hide.every === 0, forceLabel: n % 11 === 0, highlighted: n % 13 === 0 };
    },
    edgeReducer: (edge, data) => ({ ...data, hidden: Number(edge.slice(1)) % 5 === 0 }),
  });
}

/** What sigma holds once it has taken its graph in, in comparable form. */
export function held(renderer: Renderer): Record<string, string> {
  const s = renderer as unknown as Record<string, unknown>;
  const sorted = (o: unknown) =>
    JSON.stringify(Object.entries(o as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const set = (o: unknown) => JSON.stringify([...(o as Set<string>)].sort());
  const arrays = (programs: unknown) => {
    const out: string[] = [];
    const walk = (p: { array?: Float32Array; programs?: unknown[] }) => {
      if (p.array)
        out.push(
          `${p.array.length}:${Array.from(new Uint32Array(p.array.buffer, p.array.byteOffset, p.array.length)).join(",")}`,
        );
      for (const sub of p.programs ?? []) walk(sub as typeof p);
    };
    for (const [type, p] of Object.entries(programs as object).sort()) {
      out.push(type);
      walk(p as { array?: Float32Array });
    }
    return out.join("|");
  };
  const graph = renderer.getGraph();
  const ofGraph = (o: unknown, has: (key: string) => boolean) =>
    Object.fromEntries(Object.entries(o as object).filter(([key]) => has(key)));
  return {
    nodeData: sorted(s.nodeDataCache),
    edgeData: sorted(s.edgeDataCache),
    nodeIndices: sorted(s.nodeIndices),
    edgeIndices: sorted(s.edgeIndices),
    items: sorted(s.itemIDsIndex),
    // Of the graph's items: sigma's full refresh keeps the indices of nodes no longer there.
    nodeProgramIndex: sorted(ofGraph(s.nodeProgramIndex, (n) => graph.hasNode(n))),
    edgeProgramIndex: sorted(ofGraph(s.edgeProgramIndex, (e) => graph.hasEdge(e))),
    extents: JSON.stringify([s.nodeExtent, s.nodeZExtent, s.edgeZExtent]),
    labelGrid: JSON.stringify(s.labelGrid),
    forced: set(s.nodesWithForcedLabels) + set(s.edgesWithForcedLabels),
    highlighted: set(s.highlightedNodes),
    nodePrograms: arrays(s.nodePrograms),
    edgePrograms: arrays(s.edgePrograms),
    labelsShown: JSON.stringify([...renderer.getNodeDisplayedLabels()].sort()),
  };
}

/** The names of what two sigmas hold differently. */
export function differences(a: Renderer, b: Renderer): string[] {
  const [x, y] = [held(a), held(b)];
  return Object.keys(x).filter((key) => x[key] !== y[key]);
}

export { changeInParts };
