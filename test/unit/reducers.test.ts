// The canvas reducers: what a node or an edge looks like under a view, as pure functions.
import { describe, expect, it } from "vitest";
import {
  ANSWER_EDGE,
  DIMMED,
  LABELLED_ANSWER,
  plainView,
  reduceEdge,
  reduceNode,
  type Focus,
} from "../../src/app/graph/reducers";
import {
  ARROWS_UP_TO,
  EDGE_TYPE,
  LINE_TYPE,
  LIT_TYPE,
  plainEdgeType,
  type DrawnEdge,
  type DrawnNode,
} from "../../src/app/graph/scene";

const node = (label: string): DrawnNode => ({
  x: 0,
  y: 0,
  size: 6,
  color: "#2563eb",
  label,
  kind: "resolution",
  type: "circle",
});
const edge: DrawnEdge = {
  size: 1,
  color: "#94a3b8",
  relation: "cites",
  label: "",
  type: "arrow",
  hidden: false,
  forceLabel: false,
};
/** An edge's ends, read off its key ("A-B"). */
const ends = (key: string) => key.split("-") as [string, string];
const focus = (over: Partial<Focus> = {}): Focus => ({
  visible: { nodes: new Set(["A", "B", "C"]), edges: new Set(["A-B", "B-C"]) },
  selected: null,
  hovered: null,
  neighbours: new Set(),
  ...over,
});

describe("node reducer", () => {
  it("leaves a node as drawn when nothing has the focus", () => {
    expect(reduceNode("A", node("A"), focus())).toEqual(node("A"));
  });

  it("hides a node the filters leave out", () => {
    expect(reduceNode("D", node("D"), focus())).toMatchObject({ hidden: true });
  });

  it("enlarges and highlights the selected node, and dims what is not its neighbour", () => {
    const f = focus({ selected: "A", neighbours: new Set(["B"]) });
    expect(reduceNode("A", node("A"), f)).toMatchObject({ highlighted: true, size: 6 * 1.4 });
    expect(reduceNode("B", node("B"), f)).toMatchObject({ color: "#2563eb", label: "B" });
    expect(reduceNode("C", node("C"), f)).toMatchObject({ color: DIMMED, label: "" });
  });

  it("lets the hovered node take the focus from the selection", () => {
    const f = focus({ selected: "A", hovered: "C", neighbours: new Set(["B"]) });
    expect(reduceNode("B", node("B"), f).color).toBe("#2563eb");
    expect(reduceNode("A", node("A"), f)).toMatchObject({ highlighted: true });
  });
});

describe("edge reducer", () => {
  it("hides an edge the filters leave out, and dims edges away from the focus", () => {
    expect(reduceEdge("A-C", edge, ends, focus())).toMatchObject({ hidden: true });
    expect(reduceEdge("B-C", edge, ends, focus({ selected: "A" }))).toMatchObject({ color: DIMMED });
    expect(reduceEdge("A-B", edge, ends, focus({ selected: "A" }))).toEqual({ ...edge, type: LIT_TYPE });
  });

  it("draws the edges of what is lit with their arrowheads, by the program drawn last, where a large graph draws plain lines", () => {
    const answer = { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) };
    for (const plain of [LINE_TYPE, EDGE_TYPE]) {
      const type = (key: string, f: Focus) => reduceEdge(key, { ...edge, type: plain }, ends, f).type;
      expect(type("A-B", focus())).toBe(plain);
      expect(type("A-B", focus({ answer }))).toBe(LIT_TYPE);
      expect(type("B-C", focus({ answer }))).toBe(plain);
      expect(type("A-B", focus({ selected: "A" }))).toBe(LIT_TYPE);
      expect(type("B-C", focus({ selected: "A" }))).toBe(plain);
      expect(type("B-C", focus({ hovered: "C" }))).toBe(LIT_TYPE);
      expect(type("A-B", focus({ hovered: "C" }))).toBe(plain);
    }
  });

  it("gives no edge a z-index, whatever has the focus: sigma would sort every edge by it at each refresh", () => {
    const answer = { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) };
    const foci = [
      focus(),
      focus({ answer }),
      focus({ selected: "A", neighbours: new Set(["B"]) }),
      focus({ hovered: "C", neighbours: new Set(["B"]) }),
      focus({ answer, hovered: "C" }),
      focus({ visible: { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) }, answer }),
    ];
    for (const f of foci)
      for (const key of ["A-B", "B-C", "A-C"])
        expect(reduceEdge(key, edge, ends, f)).not.toHaveProperty("zIndex");
  });

  it("draws plain lines from more edges than arrowheads can be told apart", () => {
    expect(plainEdgeType(ARROWS_UP_TO)).toBe(EDGE_TYPE);
    expect(plainEdgeType(ARROWS_UP_TO + 1)).toBe(LINE_TYPE);
  });
});

describe("a plain view, which the canvas draws without reducing", () => {
  // The graph: nodes A, B, C and edges A-B, B-C, as in `focus()`.
  const plain = (f: Focus) => plainView(f, 3, 2);

  it("is one where the reducers give every node and edge back as drawn", () => {
    const f = focus();
    expect(plain(f)).toBe(true);
    for (const id of ["A", "B", "C"]) expect(reduceNode(id, node(id), f)).toEqual(node(id));
    for (const key of ["A-B", "B-C"]) expect(reduceEdge(key, edge, ends, f)).toEqual(edge);
  });

  it("is not one with anything filtered out, hovered, selected or lit", () => {
    const visible = focus().visible;
    expect(plain(focus({ visible: { ...visible, nodes: new Set(["A", "B"]) } }))).toBe(false);
    expect(plain(focus({ visible: { ...visible, edges: new Set(["A-B"]) } }))).toBe(false);
    expect(plain(focus({ hovered: "A" }))).toBe(false);
    expect(plain(focus({ selected: "A" }))).toBe(false);
    expect(plain(focus({ answer: { nodes: new Set(["A"]), edges: new Set() } }))).toBe(false);
  });
});

describe("a query's answer on the canvas", () => {
  const answer = { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) };

  it("keeps the answer's nodes labelled, its ends larger, and dims the rest", () => {
    const f = focus({ answer });
    expect(reduceNode("A", node("A"), f)).toMatchObject({ forceLabel: true, color: "#2563eb", label: "A" });
    const ended = focus({ answer: { ...answer, ends: new Set(["B"]) } });
    expect(reduceNode("B", node("B"), ended)).toMatchObject({ highlighted: true, size: 6 * 1.3 });
    expect(reduceNode("A", node("A"), ended)).not.toHaveProperty("highlighted");
    expect(reduceNode("C", node("C"), f)).toMatchObject({ color: DIMMED, label: "" });
    // A large answer's labels are left to sigma's grid, but for its ends.
    const many = new Set(Array.from({ length: LABELLED_ANSWER + 1 }, (_, i) => `N${i}`));
    const large = focus({
      visible: { nodes: many, edges: new Set() },
      answer: { nodes: many, edges: new Set(), ends: new Set(["N0"]) },
    });
    expect(reduceNode("N1", node("N1"), large)).toMatchObject({ forceLabel: false, label: "N1", zIndex: 2 });
    expect(reduceNode("N0", node("N0"), large)).toMatchObject({ forceLabel: true, highlighted: true });
  });

  it("draws the answer's edges in the answer colour, over the others, dimmed", () => {
    const f = focus({ answer });
    expect(reduceEdge("A-B", edge, ends, f)).toMatchObject({ color: ANSWER_EDGE, size: 2 });
    expect(reduceEdge("B-C", edge, ends, f)).toMatchObject({ color: DIMMED });
  });

  it("lights an answer over a graph that shows everything without asking the visible sets or the edges' ends", () => {
    // At 100k texts, the sets of a view that filters nothing answer through the graph, and an
    // edge's ends are a lookup: a refresh asked both of each of 745,000 edges.
    const asked = (): never => {
      throw new Error("asked");
    };
    const everything = {
      nodes: { has: asked, size: 3 },
      edges: { has: asked, size: 2 },
    } as unknown as Focus["visible"];
    const f = focus({ visible: everything, answer: { nodes: new Set(["A", "B"]), edges: new Set(["A-B"]) } });
    expect(reduceNode("A", node("A"), f, true)).toMatchObject({ zIndex: 2 });
    expect(reduceNode("C", node("C"), f, true)).toMatchObject({ color: DIMMED });
    expect(reduceEdge("A-B", edge, asked, f, true)).toMatchObject({ color: ANSWER_EDGE });
    expect(reduceEdge("B-C", edge, asked, f, true)).toMatchObject({ color: DIMMED });
    // A hovered node still needs the ends; a filtered view, its sets.
    expect(() => reduceEdge("A-B", edge, asked, { ...f, hovered: "C" }, true)).toThrow("asked");
    expect(() => reduceNode("A", node("A"), f)).toThrow("asked");
  });

  it("still lets a hovered node show its neighbourhood, and the selection stand out", () => {
    const hovered = focus({ answer, hovered: "C", neighbours: new Set(["B"]) });
    expect(reduceNode("C", node("C"), hovered).color).toBe("#2563eb");
    expect(reduceNode("A", node("A"), hovered)).toMatchObject({ color: DIMMED });
    expect(reduceEdge("A-B", edge, ends, hovered)).toMatchObject({ color: DIMMED });
    const selected = focus({ answer, selected: "C" });
    expect(reduceNode("C", node("C"), selected)).toMatchObject({ highlighted: true });
    expect(reduceNode("A", node("A"), selected)).toMatchObject({ forceLabel: true });
  });

  it("hides what the filters leave out, answer or not", () => {
    expect(
      reduceNode("D", node("D"), focus({ answer: { nodes: new Set(["D"]), edges: new Set() } })),
    ).toMatchObject({
      hidden: true,
    });
  });
});
