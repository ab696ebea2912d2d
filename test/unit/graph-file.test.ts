// Reading a graph file: at once (the CLI), or a part at a time as the explorer receives it from its
// loading worker, to the same graph and with the same messages.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { checkShape, GraphLoadError, GraphReader, graphLists, parseGraph } from "../../src/build/graphFile";
import { graphJsonLines, GraphLines, NotInLines, type LinesPart } from "../../src/build/graphLines";
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
  reader.finish();
  return reader;
}

/**
 * Reads `text` as the loading worker reads a file as it downloads: `chunks` pieces of it in turn
 * (a piece of the lengths given, round and round), each slice handed to a GraphReader at once.
 * NotInLines if the text is not laid out a node or an edge a line.
 */
function readAsItComes(text: string, lengths: number[] = [65_536]): { reader: GraphReader; slices: number } {
  const reader = new GraphReader("graph.json");
  let slices = 0;
  const lines = new GraphLines((part: LinesPart) => {
    if (part.type === "attributes") return reader.attributes(part.attributes);
    slices++;
    reader[part.type](part.slice);
  }, 512);
  for (let at = 0, k = 0; at < text.length; k++) {
    const length = lengths[k % lengths.length]!;
    lines.push(text.slice(at, at + length));
    at += length;
  }
  lines.end();
  reader.finish();
  return { reader, slices };
}

const linesOf = (graph: Parameters<typeof graphJsonLines>[0]) => [...graphJsonLines(graph)].join("");

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

describe("graph.json a node or an edge a line, read as it downloads", () => {
  const graph = generateGraph(400, 2);
  const text = linesOf(graph);

  it("is the JSON graphology exports, with a line for each node and each edge", () => {
    expect(JSON.parse(text)).toEqual(graph.export());
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + graph.order + 1 + graph.size + 1);
    expect(lines[0]).toMatch(/^\{"options":.*"nodes":\[$/);
    expect(lines[1 + graph.order]).toBe('],"edges":[');
    expect(lines.at(-1)).toBe("]}");
    // An empty graph, and one with nodes and no edges.
    const empty = new MultiDirectedGraph();
    expect(JSON.parse(linesOf(empty))).toEqual(empty.export());
    empty.addNode("A", { kind: "resolution", label: "A" });
    expect(JSON.parse(linesOf(empty))).toEqual(empty.export());
    expect(readAsItComes(linesOf(empty)).reader.graph.export()).toEqual(empty.export());
  });

  it("reads the graph parseGraph reads, in slices, however the text is cut as it comes", () => {
    const whole = parseGraph(JSON.parse(text), "graph.json").export();
    for (const lengths of [[1], [7, 3000], [65_536], [text.length]]) {
      const { reader, slices } = readAsItComes(text, lengths);
      expect(reader.graph.export()).toEqual(whole);
      expect(slices).toBeGreaterThan(10); // handed on as read, not at the end
    }
  });

  it("tells a file laid out otherwise at once, before it has handed anything on", () => {
    const oneLine = JSON.stringify(graph.export());
    const lines = new GraphLines(() => {
      throw new Error("nothing should be handed on");
    });
    // Known to be on one line once its nodes' list goes on after its "[", not at its end.
    const at = oneLine.indexOf('"nodes":[') + 20;
    expect(() => lines.push(oneLine.slice(0, at))).toThrow(NotInLines);
    expect(() => readAsItComes(JSON.stringify(graph.export(), null, 1))).toThrow(NotInLines);
    expect(() => readAsItComes("")).toThrow(NotInLines);
  });

  it("never reads a text other than JSON.parse does: whatever it accepts, JSON.parse reads the same", () => {
    const small = linesOf(generateGraph(30, 2));
    const marks = ["\n", ",", "]", "[", "{", "}", '"', " ", "\\", "x"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat({ max: small.length }),
            cut: fc.nat({ max: 3 }),
            put: fc.constantFrom(...marks),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        (edits, lengths) => {
          let mutated = small;
          for (const { at, cut, put } of edits)
            mutated = mutated.slice(0, at) + put + mutated.slice(at + cut);
          const read = { attributes: undefined as unknown, nodes: [] as unknown[], edges: [] as unknown[] };
          const lines = new GraphLines((part) => {
            if (part.type === "attributes") read.attributes = part.attributes;
            else read[part.type].push(...part.slice);
          }, 512);
          try {
            for (let at = 0, k = 0; at < mutated.length; at += lengths[k++ % lengths.length]!)
              lines.push(mutated.slice(at, at + lengths[k % lengths.length]!));
            lines.end();
          } catch (err) {
            if (err instanceof NotInLines) return; // read whole instead, by JSON.parse
            throw err;
          }
          const parsed = JSON.parse(mutated) as typeof read;
          expect(read).toEqual({ attributes: parsed.attributes, nodes: parsed.nodes, edges: parsed.edges });
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each([
    [
      "a comma after a list's last line, past the size of a slice",
      `${'{"key":"' + "x".repeat(600)}"},\n],"edges":[\n]}\n`,
    ],
    ["a comma standing alone on its line", `{"key":"a"},\n,\n{"key":"b"}\n],"edges":[\n]}\n`],
    ["a comma alone where the list ends", `{"key":"a"},\n,\n],"edges":[\n]}\n`],
    ["no comma between two lines", `{"key":"a"}\n{"key":"b"}\n],"edges":[\n]}\n`],
    ["white space JSON does not have after the last line", `],"edges":[\n]}\n\u00a0`],
  ])("refuses what JSON.parse refuses: %s", (_, rest) => {
    const text = `{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":{},"nodes":[\n${rest}`;
    expect(() => JSON.parse(text)).toThrow();
    for (const lengths of [[1], [100], [text.length]])
      expect(() => {
        const lines = new GraphLines(() => {}, 512);
        for (let at = 0, k = 0; at < text.length; at += lengths[k++ % lengths.length]!)
          lines.push(text.slice(at, at + lengths[k % lengths.length]!));
        lines.end();
      }).toThrow(NotInLines);
  });

  it("reads the first line's `nodes` only where it opens the graph's own list", () => {
    // A key that ends in "nodes", escaped: JSON.parse finds no nodes in this file at all.
    const text = '{"options":{},"attributes":{},"x\\"nodes":[\n{"key":"a"}\n],"edges":[\n]}\n';
    expect(JSON.parse(text)).not.toHaveProperty("nodes");
    expect(() => readAsItComes(text)).toThrow(NotInLines);
    // A file on one line, written with spaces (as Python's json.dump does): known at its nodes.
    const spaced = JSON.stringify(graph.export()).replace('"nodes":[', '"nodes": [ ');
    const lines = new GraphLines(() => {});
    expect(() => lines.push(spaced.slice(0, spaced.indexOf('"nodes"') + 20))).toThrow(NotInLines);
  });

  it("says the file's first problem of shape, as parseGraph does, though it added the slices before it", () => {
    const node = (key: string) => ({ key, attributes: { kind: "resolution", label: key } });
    const broken = { nodes: [node("A"), node("A"), node("B"), { attributes: {} }], edges: [] };
    const lines = `{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":{},"nodes":[\n${broken.nodes
      .map((n) => JSON.stringify(n))
      .join(",\n")}\n],"edges":[\n]}\n`;
    expect(() => readAsItComes(lines, [10])).toThrow("graph.json is not a Recital graph: a node has no key.");
    // Without it, the node added twice is the problem, as parseGraph says.
    const twice = lines.replace(',\n{"attributes":{}}', "");
    expect(() => parseGraph(JSON.parse(twice), "graph.json")).toThrow(/could not be read as a graph/);
    expect(() => readAsItComes(twice, [10])).toThrow(/could not be read as a graph/);
  });
});
