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

/** Checks a slice of a list and adds it to the graph. */
function importSlice(
  graph: CanonicalGraph,
  url: string,
  part: Partial<Serialized>,
  problem: (item: unknown) => string | null = () => null,
): void {
  for (const item of [...(part.nodes ?? []), ...(part.edges ?? [])]) {
    const found = problem(item);
    if (found) throw shapeError(url, found);
  }
  try {
    graph.import(part as Serialized);
  } catch (err) {
    const detail = (err as Error).message;
    throw new GraphLoadError("import", { url, detail }, `${url} could not be read as a graph: ${detail}`);
  }
}

/**
 * Checks every node and edge of the file before anything is added, so that the first problem of
 * its shape is the one reported, however the graph is then read.
 */
export function checkShape(nodes: unknown[], edges: unknown[], url: string): void {
  for (const node of nodes) {
    const found = nodeProblem(node);
    if (found) throw shapeError(url, found);
  }
  for (const edge of edges) {
    const found = edgeProblem(edge);
    if (found) throw shapeError(url, found);
  }
}

export function parseGraph(data: unknown, url: string): CanonicalGraph {
  const { nodes, edges, attributes } = graphLists(data, url);
  checkShape(nodes, edges, url);
  const graph: CanonicalGraph = new MultiDirectedGraph();
  importSlice(graph, url, {
    ...(attributes === undefined ? {} : { attributes }),
    nodes,
    edges,
  } as Partial<Serialized>);
  return graph;
}

/**
 * A graph read a part at a time — its attributes, then slices of its nodes, then of its edges —
 * each part checked as it comes, with the messages parseGraph gives: for a page that receives the
 * file in pieces (from a worker) and shows how far it has got.
 */
export class GraphReader {
  readonly graph: CanonicalGraph = new MultiDirectedGraph();
  constructor(readonly url: string) {}

  attributes(attributes: unknown): void {
    if (attributes !== undefined) importSlice(this.graph, this.url, { attributes } as Partial<Serialized>);
  }

  nodes(slice: unknown[]): void {
    importSlice(this.graph, this.url, { nodes: slice } as Partial<Serialized>, nodeProblem);
  }

  edges(slice: unknown[]): void {
    importSlice(this.graph, this.url, { edges: slice } as Partial<Serialized>, edgeProblem);
  }
}
