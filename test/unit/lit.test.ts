// What the canvas lights (a hover, a selection, a query's answer) as a small graph of its own, and
// what the filters hide: pure functions of the drawn graph and the view.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import {
  ANSWER_EDGE,
  END_SCALE,
  LABELLED_ANSWER,
  LIT_AT_ONCE,
  LIT_STEP,
  SELECTED_SCALE,
  focusOf,
  focusSteps,
  hoverOf,
  hoverSteps,
  litSize,
  type Focus,
  type Lit,
} from "../../src/app/graph/lit";
import { reduceEdge, reduceNode, showsAll } from "../../src/app/graph/reducers";
import {
  ARROWS_UP_TO,
  EDGE_TYPE,
  LINE_TYPE,
  plainEdgeType,
  type DrawnEdge,
  type DrawnGraph,
  type DrawnNode,
} from "../../src/app/graph/scene";
import { PALETTES } from "../../src/app/theme";

const node = (label: string): DrawnNode => ({
  x: 0,
  y: 0,
  size: 6,
  color: "#2563eb",
  label,
  kind: "resolution",
  type: "circle",
});
/** A large graph's edge: a plain line (plainEdgeType). */
const edge: DrawnEdge = {
  size: 1,
  color: "#94a3b8",
  relation: "cites",
  label: "",
  type: LINE_TYPE,
  hidden: false,
  forceLabel: false,
};

/** A → B → C, and D alone: edges keyed "A-B", "B-C". */
function drawn(): DrawnGraph {
  const graph: DrawnGraph = new MultiDirectedGraph();
  for (const id of ["A", "B", "C", "D"]) graph.addNode(id, node(id));
  graph.addEdgeWithKey("A-B", "A", "B", edge);
  graph.addEdgeWithKey("B-C", "B", "C", edge);
  return graph;
}

const everything = {
  nodes: new Set(["A", "B", "C", "D"]),
  edges: new Set(["A-B", "B-C"]),
};
const focus = (over: Partial<Focus> = {}): Focus => ({
  visible: everything,
  selected: null,
  hovered: null,
  ...over,
});
const ids = (lit: Lit | null) => lit!.nodes().sort();
const keys = (lit: Lit | null) => lit!.edges().sort();

describe("what the canvas lights", () => {
  it("lights nothing when no node is hovered or selected and no question is answered", () => {
    expect(focusOf(drawn(), focus())).toBeNull();
    expect(hoverOf(drawn(), focus())).toBeNull();
  });

  it("lights a hovered node's neighbourhood: the node, its neighbours and the edges between them", () => {
    const lit = hoverOf(drawn(), focus({ hovered: "B" }));
    expect(ids(lit)).toEqual(["A", "B", "C"]);
    expect(keys(lit)).toEqual(["A-B", "B-C"]);
    // The hovered node's label is boxed, as sigma boxes a hovered node's.
    expect(lit!.getNodeAttributes("B")).toMatchObject({ highlighted: true, label: "B" });
    expect(lit!.getNodeAttributes("A")).toEqual({ ...node("A") });
    expect(ids(hoverOf(drawn(), focus({ hovered: "A" })))).toEqual(["A", "B"]);
    // The focus is a layer of its own: a hover leaves it as it is.
    expect(focusOf(drawn(), focus({ hovered: "A" }))).toBeNull();
  });

  it("draws lit edges with their arrowheads, where a large graph draws the rest as plain lines", () => {
    const lit = hoverOf(drawn(), focus({ hovered: "B" }))!;
    lit.forEachEdge((key, a, source, target) => {
      expect(a.type).toBe(EDGE_TYPE);
      expect(`${source}-${target}`).toBe(key);
    });
    expect(plainEdgeType(ARROWS_UP_TO)).toBe(EDGE_TYPE);
    expect(plainEdgeType(ARROWS_UP_TO + 1)).toBe(LINE_TYPE);
  });

  it("lights the selected node enlarged, with its neighbourhood, and keeps it lit while another node is hovered", () => {
    const selected = focusOf(drawn(), focus({ selected: "A" }))!;
    expect(ids(selected)).toEqual(["A", "B"]);
    expect(keys(selected)).toEqual(["A-B"]);
    expect(selected.getNodeAttributes("A")).toMatchObject({ highlighted: true, size: 6 * SELECTED_SCALE });
    expect(selected.getNodeAttributes("B")).not.toHaveProperty("highlighted");
    // Hovering D lights D's neighbourhood over the focus, and the selection still stands out.
    const hovered = hoverOf(drawn(), focus({ selected: "A", hovered: "D" }))!;
    expect(ids(hovered)).toEqual(["A", "D"]);
    expect(keys(hovered)).toEqual([]);
    expect(hovered.getNodeAttributes("A")).toMatchObject({ highlighted: true, size: 6 * SELECTED_SCALE });
  });

  it("lights a question's answer: its nodes labelled, its ends larger, its edges in the answer colour", () => {
    const answer = { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]), ends: new Set(["B"]) };
    const lit = focusOf(drawn(), focus({ answer }))!;
    expect(ids(lit)).toEqual(["A", "B"]);
    expect(lit.getNodeAttributes("A")).toMatchObject({ forceLabel: true, label: "A", color: "#2563eb" });
    expect(lit.getNodeAttributes("A")).not.toHaveProperty("highlighted");
    expect(lit.getNodeAttributes("B")).toMatchObject({
      forceLabel: true,
      highlighted: true,
      size: 6 * END_SCALE,
    });
    expect(keys(lit)).toEqual(["A-B"]);
    expect(lit.extremities("A-B")).toEqual(["A", "B"]);
    expect(lit.getEdgeAttributes("A-B")).toEqual({ ...edge, type: EDGE_TYPE, color: ANSWER_EDGE, size: 2 });
    // In the dark theme, the dark theme's answer colour.
    const dark = focusOf(drawn(), focus({ answer, palette: PALETTES.dark }))!;
    expect(dark.getEdgeAttribute("A-B", "color")).toBe(PALETTES.dark.answerEdge);
  });

  it("labels every node of a small answer, and leaves a large one's labels to sigma's grid but for its ends", () => {
    const graph = drawn();
    const many = Array.from({ length: LABELLED_ANSWER + 1 }, (_, i) => `N${i}`);
    for (const id of many) graph.addNode(id, node(id));
    const answer = { nodes: new Set(many), edges: new Set<string>(), ends: new Set(["N0"]) };
    const lit = focusOf(graph, focus({ visible: { nodes: new Set(many), edges: new Set() }, answer }))!;
    expect(lit.order).toBe(many.length);
    expect(lit.getNodeAttributes("N1")).toMatchObject({ forceLabel: false, label: "N1" });
    expect(lit.getNodeAttributes("N0")).toMatchObject({ forceLabel: true, highlighted: true });
  });

  it("lights a hovered node's neighbourhood over the answer, which stays lit below it, unchanged", () => {
    const answer = { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) };
    const hover = hoverOf(drawn(), focus({ answer, hovered: "C" }))!;
    expect(ids(hover)).toEqual(["B", "C"]);
    expect(hover.mapEdges((key, a) => [key, a.color])).toEqual([["B-C", edge.color]]);
    const below = focusOf(drawn(), focus({ answer, hovered: "C" }))!;
    expect(ids(below)).toEqual(["A", "B"]);
    expect(below.getEdgeAttribute("A-B", "color")).toBe(ANSWER_EDGE);
  });

  it("lights nothing the filters leave out, neither nodes nor edges", () => {
    const visible = { nodes: new Set(["A", "B", "D"]), edges: new Set<string>() };
    const hovered = hoverOf(drawn(), focus({ visible, hovered: "B" }))!;
    expect(ids(hovered)).toEqual(["B"]);
    expect(keys(hovered)).toEqual([]);
    const answer = { nodes: new Set(["B", "C"]), edges: new Set(["B-C"]) };
    expect(ids(focusOf(drawn(), focus({ visible, answer })))).toEqual(["B"]);
    // A hidden node selected or hovered lights nothing: no veil over a graph with nothing lit.
    expect(focusOf(drawn(), focus({ visible, selected: "C" }))).toBeNull();
    expect(hoverOf(drawn(), focus({ visible, hovered: "C", selected: "A" }))).toBeNull();
  });

  it("costs what it lights: hovering a node of a large graph reads nothing of the nodes and edges away from it", () => {
    // A chain of 20,000 nodes. The visible sets count what they are asked: a look at every node or
    // edge (what a reducer-driven refresh does) would ask 40,000 times.
    const graph: DrawnGraph = new MultiDirectedGraph();
    for (let i = 0; i < 20_000; i++) graph.addNode(`N${i}`, node(`N${i}`));
    for (let i = 1; i < 20_000; i++) graph.addEdgeWithKey(`E${i}`, `N${i - 1}`, `N${i}`, edge);
    let asked = 0;
    const counting = <T>(set: Set<T>) =>
      ({ has: (x: T) => (asked++, set.has(x)), size: set.size }) as unknown as ReadonlySet<T>;
    const visible = {
      nodes: counting(new Set(graph.nodes())),
      edges: counting(new Set(graph.edges())),
    };
    const lit = hoverOf(graph, focus({ visible, hovered: "N500", selected: "N9000" }))!;
    expect(ids(lit)).toEqual(["N499", "N500", "N501", "N9000"]);
    expect(asked).toBeLessThan(20);
    asked = 0;
    const answer = { nodes: new Set(["N10", "N11"]), edges: new Set(["E11"]) };
    expect(ids(focusOf(graph, focus({ visible, answer, hovered: "N500" })))).toEqual(["N10", "N11"]);
    expect(asked).toBeLessThan(10);
  });

  it("changes nothing of the drawn graph, whatever it lights and however often", () => {
    const graph = drawn();
    const before = JSON.stringify(graph.export());
    const answer = { nodes: new Set(["A", "B", "C"]), edges: new Set(["A-B", "B-C"]), ends: new Set(["C"]) };
    for (const f of [
      focus({ selected: "B" }),
      focus({ hovered: "B", selected: "A" }),
      focus({ answer, selected: "B" }),
      focus({ answer, hovered: "A", selected: "C" }),
    ]) {
      for (const lit of [focusOf(graph, f), hoverOf(graph, f)])
        if (lit) expect(lit.getNodeAttributes(f.selected!)).toMatchObject({ highlighted: true });
    }
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

describe("lighting what is large, in steps", () => {
  /** A constitution every one of `n` texts cites: its neighbourhood is the graph. */
  function hub(n: number): DrawnGraph {
    const graph: DrawnGraph = new MultiDirectedGraph();
    graph.addNode("HUB", node("HUB"));
    for (let i = 0; i < n; i++) {
      graph.addNode(`R${i}`, node(`R${i}`));
      graph.addEdgeWithKey(`R${i}-HUB`, `R${i}`, "HUB", edge);
    }
    return graph;
  }
  const steps = (made: Generator<void, Lit | null, void>) => {
    let count = 0;
    for (;;) {
      const step = made.next();
      if (step.done) return { count, lit: step.value };
      count++;
    }
  };

  it("tells a large neighbourhood or answer from a small one before lighting it", () => {
    const graph = hub(LIT_AT_ONCE);
    const shows = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
    expect(litSize(graph, focus({ visible: shows, hovered: "HUB" }), "hover")).toBeGreaterThan(LIT_AT_ONCE);
    expect(litSize(graph, focus({ visible: shows, hovered: "R1" }), "hover")).toBeLessThanOrEqual(
      LIT_AT_ONCE,
    );
    expect(litSize(graph, focus({ visible: shows, hovered: null }), "hover")).toBeLessThanOrEqual(1);
    expect(litSize(graph, focus({ visible: shows, selected: "HUB" }), "focus")).toBeGreaterThan(LIT_AT_ONCE);
    const answer = { nodes: new Set(["R1", "HUB"]), edges: new Set(["R1-HUB"]) };
    // An answer is as large as itself, whoever is selected.
    expect(litSize(graph, focus({ visible: shows, selected: "HUB", answer }), "focus")).toBe(3);
  });

  it("lights a hub's neighbourhood and an answer as long as the graph in steps of LIT_STEP, to the same lit graph as at once", () => {
    const n = 5 * LIT_STEP;
    const graph = hub(n);
    const shows = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
    const hovered = focus({ visible: shows, hovered: "HUB", selected: "R3" });
    const inSteps = steps(hoverSteps(graph, hovered));
    expect(inSteps.count).toBe(5);
    expect(inSteps.lit!.order).toBe(n + 1);
    expect(inSteps.lit!.export()).toEqual(hoverOf(graph, hovered)!.export());
    const answer = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()), ends: new Set(["HUB"]) };
    const asked = focus({ visible: shows, answer });
    const answered = steps(focusSteps(graph, asked));
    expect(answered.count).toBe(Math.floor((2 * n + 1) / LIT_STEP));
    expect(answered.lit!.size).toBe(n);
    expect(answered.lit!.export()).toEqual(focusOf(graph, asked)!.export());
    // What is small is lit in one go.
    expect(steps(hoverSteps(graph, focus({ visible: shows, hovered: "R1" }))).count).toBe(0);
  });
});

describe("what the filters hide", () => {
  const visible = { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) };

  it("hides a node or an edge the filters leave out, and leaves the rest as drawn", () => {
    expect(reduceNode("A", node("A"), visible)).toEqual(node("A"));
    expect(reduceNode("C", node("C"), visible)).toMatchObject({ hidden: true, label: "C" });
    expect(reduceEdge("A-B", edge, visible)).toEqual(edge);
    expect(reduceEdge("B-C", edge, visible)).toMatchObject({ hidden: true });
  });

  it("knows a view that shows everything, which the canvas draws without asking the sets", () => {
    expect(showsAll(everything, 4, 2)).toBe(true);
    expect(showsAll(visible, 4, 2)).toBe(false);
    expect(showsAll({ nodes: everything.nodes, edges: new Set(["A-B"]) }, 4, 2)).toBe(false);
  });
});
