// Reading a graph file: at once (the CLI), or a part at a time as the explorer receives it from its
// loading worker, to the same graph and with the same messages.
import { describe, expect, it } from "vitest";
import { checkShape, GraphLoadError, GraphReader, graphLists, parseGraph } from "../../src/build/graphFile";
import { generateGraph } from "../bench/corpus";

/**
 * Reads `data` as the explorer does: its lists and their shape (in the loading worker), then its
 * nodes and edges in slices of `size` (in the page).
 */
function readInParts(data: unknown, size: number): GraphReader {
  const { nodes, edges, attributes } = graphLists(data, "graph.json");
  checkShape(nodes, edges, "graph.json");
  const reader = new GraphReader("graph.json");
  reader.attributes(attributes);
  for (let at = 0; at < nodes.length; at += size) reader.nodes(nodes.slice(at, at + size));
  for (let at = 0; at < edges.length; at += size) reader.edges(edges.slice(at, at + size));
  return reader;
}

describe("reading a graph file a part at a time", () => {
  it("reads the graph parseGraph reads, whatever the size of the parts", () => {
    const data = generateGraph(3_000, 2).export();
    const whole = parseGraph(data, "graph.json").export();
    for (const size of [1, 7, 1_000, 100_000]) expect(readInParts(data, size).graph.export()).toEqual(whole);
  });

  it.each([
    ["not an object", [], "it is not a JSON object"],
    ["no lists", { nodes: [] }, "it has no nodes and edges lists"],
    [
      "a node without a label",
      { nodes: [{ key: "A", attributes: { kind: "resolution" } }], edges: [] },
      "node A has no kind or label",
    ],
    [
      "an edge without a relation",
      { nodes: [], edges: [{ source: "A", target: "B", attributes: {} }] },
      "edge A → B has no relation",
    ],
  ])("says what is wrong with %s, as parseGraph does", (_, data, detail) => {
    const expected = `graph.json is not a Recital graph: ${detail}.`;
    expect(() => parseGraph(data, "graph.json")).toThrow(expected);
    expect(() => readInParts(data, 10)).toThrow(expected);
  });

  it("says the file's first problem, as parseGraph does, though a later slice holds it", () => {
    const node = (key: string) => ({ key, attributes: { kind: "resolution", label: key } });
    const data = { nodes: [node("A"), node("A"), node("B"), { attributes: {} }], edges: [] };
    expect(() => parseGraph(data, "graph.json")).toThrow(
      "graph.json is not a Recital graph: a node has no key.",
    );
    expect(() => readInParts(data, 2)).toThrow("graph.json is not a Recital graph: a node has no key.");
  });

  it("names an edge to a node that is not there, in both readings", () => {
    const data = {
      nodes: [{ key: "A", attributes: { kind: "resolution", label: "A" } }],
      edges: [{ source: "A", target: "B", attributes: { relation: "cites" } }],
    };
    let thrown: unknown;
    try {
      parseGraph(data, "graph.json");
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(GraphLoadError);
    expect((thrown as GraphLoadError).reason).toBe("import");
    expect(() => readInParts(data, 10)).toThrow((thrown as Error).message);
  });
});
