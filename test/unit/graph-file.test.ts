// Reading a graph file: at once (the CLI) or in slices with progress (the explorer), to the same
// graph and the same messages.
import { describe, expect, it } from "vitest";
import { GraphLoadError, parseGraph, readGraph, SLICE, type Progress } from "../../src/build/graphFile";
import { generateGraph } from "../bench/corpus";

const large = generateGraph(2 * SLICE + 500, 1).export();

describe("reading a graph file in slices", () => {
  it("reads the graph parseGraph reads, telling its progress slice by slice", async () => {
    const seen: Progress[] = [];
    const graph = await readGraph(large, "graph.json", { onProgress: (p) => seen.push(p) });
    expect(graph.export()).toEqual(parseGraph(large, "graph.json").export());
    const [n, m] = [large.nodes.length, large.edges.length];
    const steps = (stage: string, total: number) => [
      ...Array.from({ length: Math.ceil(total / SLICE) }, (_, i) => ({ stage, done: i * SLICE, total })),
      { stage, done: total, total },
    ];
    expect(seen).toEqual([...steps("nodes", n), ...steps("edges", m)]);
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
  ])("says what is wrong with %s, as parseGraph does", async (_, data, detail) => {
    const expected = `graph.json is not a Recital graph: ${detail}.`;
    expect(() => parseGraph(data, "graph.json")).toThrow(expected);
    await expect(readGraph(data, "graph.json")).rejects.toThrow(expected);
  });

  it("names an edge to a node that is not there, in both readings", async () => {
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
    await expect(readGraph(data, "graph.json")).rejects.toThrow((thrown as Error).message);
  });

  it("stops when asked to, between slices", async () => {
    const controller = new AbortController();
    const seen: Progress[] = [];
    const reading = readGraph(large, "graph.json", {
      signal: controller.signal,
      pause: () => Promise.resolve(),
      onProgress: (p) => {
        seen.push(p);
        if (p.stage === "nodes" && p.done === SLICE) controller.abort();
      },
    });
    await expect(reading).rejects.toThrow(/abort/i);
    expect(seen.at(-1)).toEqual({ stage: "nodes", done: SLICE, total: large.nodes.length });
  });
});
