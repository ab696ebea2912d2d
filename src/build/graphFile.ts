// Reading a Recital graph file (graphology's serialized format, as `build` writes it) into a graph.
// Everything that can go wrong with its shape becomes a GraphLoadError naming the file; the
// explorer words each reason in its own language, the CLI prints the message.
import { MultiDirectedGraph } from "graphology";
import type { Attributes, SerializedGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";

export type CanonicalGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, Attributes>;

/** Why the graph could not be loaded: the interface words each reason in its own language. */
export type LoadReason = "fetch" | "status" | "json" | "shape" | "import";

export class GraphLoadError extends Error {
  override name = "GraphLoadError";
  constructor(
    readonly reason: LoadReason,
    readonly params: { url: string; status?: string; detail?: string },
    message: string,
  ) {
    super(message);
  }
}

/** The names a graph attribute lists (its source texts, its registry files): strings only. */
export function listed(attributes: Record<string, unknown>, name: string): string[] {
  const value = attributes[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What is wrong with a node of the file, if anything: enough of our attributes to draw it. */
function nodeProblem(node: unknown): string | null {
  if (!isObject(node) || typeof node.key !== "string") return "a node has no key";
  const a = node.attributes;
  if (!isObject(a) || typeof a.kind !== "string" || typeof a.label !== "string")
    return `node ${node.key} has no kind or label`;
  return null;
}

function edgeProblem(edge: unknown): string | null {
  if (!isObject(edge) || typeof edge.source !== "string" || typeof edge.target !== "string")
    return "an edge has no source or target";
  if (!isObject(edge.attributes) || typeof edge.attributes.relation !== "string")
    return `edge ${edge.source} → ${edge.target} has no relation`;
  return null;
}

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, Attributes>;

/** The file's lists, or what is wrong with its shape. */
export function graphLists(
  data: unknown,
  url: string,
): { nodes: unknown[]; edges: unknown[]; attributes?: unknown } {
  const problem = !isObject(data)
    ? "it is not a JSON object"
    : !Array.isArray(data.nodes) || !Array.isArray(data.edges)
      ? "it has no nodes and edges lists"
      : null;
  if (problem) throw shapeError(url, problem);
  return data as { nodes: unknown[]; edges: unknown[] };
}

const shapeError = (url: string, problem: string) =>
  new GraphLoadError("shape", { url, detail: problem }, `${url} is not a Recital graph: ${problem}.`);

/** Adds a slice of a list to the graph: what stopped it, if anything did. */
function importSlice(graph: CanonicalGraph, url: string, part: Partial<Serialized>): GraphLoadError | null {
  try {
    graph.import(part as Serialized);
    return null;
  } catch (err) {
    const detail = (err as Error).message;
    return new GraphLoadError("import", { url, detail }, `${url} could not be read as a graph: ${detail}`);
  }
}

/** The first problem of shape of `items`, if any. */
function shapeProblem(
  items: unknown[],
  problem: (item: unknown) => string | null,
  url: string,
): GraphLoadError | null {
  for (const item of items) {
    const found = problem(item);
    if (found) return shapeError(url, found);
  }
  return null;
}

/**
 * Checks every node and edge of the file before anything is added, so that the first problem of
 * its shape is the one reported, however the graph is then read.
 */
export function checkShape(nodes: unknown[], edges: unknown[], url: string): void {
  const found = shapeProblem(nodes, nodeProblem, url) ?? shapeProblem(edges, edgeProblem, url);
  if (found) throw found;
}

export function parseGraph(data: unknown, url: string): CanonicalGraph {
  const { nodes, edges, attributes } = graphLists(data, url);
  checkShape(nodes, edges, url);
  const graph: CanonicalGraph = new MultiDirectedGraph();
  const failed = importSlice(graph, url, {
    ...(attributes === undefined ? {} : { attributes }),
    nodes,
    edges,
  } as Partial<Serialized>);
  if (failed) throw failed;
  return graph;
}

/**
 * A graph read a part at a time — its attributes, then slices of its nodes, then of its edges —
 * with the messages parseGraph gives: for a page that receives the file in pieces (from a worker)
 * and shows how far it has got. parseGraph checks the shape of every node and edge before it adds
 * any, so a problem of shape anywhere in the file is said before a node added twice or an edge to
 * no node; and a file that is not JSON is not read at all. So a slice that cannot be added is
 * noted, the shape of those after it still checked, and `finish` (once the whole file has come)
 * says the first problem of its shape, else the first that stopped it being added.
 */
export class GraphReader {
  readonly graph: CanonicalGraph = new MultiDirectedGraph();
  private failed: GraphLoadError | null = null;
  constructor(readonly url: string) {}

  attributes(attributes: unknown): void {
    if (attributes !== undefined) this.read({ attributes } as Partial<Serialized>);
  }

  nodes(slice: unknown[]): void {
    this.read({ nodes: slice } as Partial<Serialized>, nodeProblem);
  }

  edges(slice: unknown[]): void {
    this.read({ edges: slice } as Partial<Serialized>, edgeProblem);
  }

  /** The graph read, or the first problem of the file. */
  finish(): CanonicalGraph {
    if (this.failed) throw this.failed;
    return this.graph;
  }

  private read(part: Partial<Serialized>, problem: (item: unknown) => string | null = () => null): void {
    if (this.failed?.reason === "shape") return;
    const found = shapeProblem([...(part.nodes ?? []), ...(part.edges ?? [])], problem, this.url);
    if (found) this.failed = found;
    else if (!this.failed) this.failed = importSlice(this.graph, this.url, part);
  }
}
