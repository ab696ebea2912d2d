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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Enough of graphology's serialized format, and of our attributes, to draw the graph. */
function shapeProblem(data: unknown): string | null {
  if (!isObject(data)) return "it is not a JSON object";
  if (!Array.isArray(data.nodes) || !Array.isArray(data.edges)) return "it has no nodes and edges lists";
  for (const node of data.nodes as unknown[]) {
    if (!isObject(node) || typeof node.key !== "string") return "a node has no key";
    const a = node.attributes;
    if (!isObject(a) || typeof a.kind !== "string" || typeof a.label !== "string")
      return `node ${node.key} has no kind or label`;
  }
  for (const edge of data.edges as unknown[]) {
    if (!isObject(edge) || typeof edge.source !== "string" || typeof edge.target !== "string")
      return "an edge has no source or target";
    if (!isObject(edge.attributes) || typeof edge.attributes.relation !== "string")
      return `edge ${edge.source} → ${edge.target} has no relation`;
  }
  return null;
}

export function parseGraph(data: unknown, url: string): CanonicalGraph {
  const problem = shapeProblem(data);
  if (problem)
    throw new GraphLoadError("shape", { url, detail: problem }, `${url} is not a Recital graph: ${problem}.`);
  const graph: CanonicalGraph = new MultiDirectedGraph();
  try {
    graph.import(data as SerializedGraph<NodeAttributes, EdgeAttributes, Attributes>);
  } catch (err) {
    const detail = (err as Error).message;
    throw new GraphLoadError("import", { url, detail }, `${url} could not be read as a graph: ${detail}`);
  }
  return graph;
}
