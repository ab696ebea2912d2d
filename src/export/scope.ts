// What an export holds: the whole graph, the visible (filtered) part, the selection with its
// neighbours, or the query's answer — always as a graph of its own, with every attribute, in the
// graph's own order.
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { answerEdgeKeys, answerIds } from "../query/run";

export type ExportGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, Attributes>;
type Graph = AbstractGraph<NodeAttributes, EdgeAttributes, Attributes>;

export const SCOPES = ["all", "visible", "selection", "query"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The part of `graph` made of `nodes`, with `edges` among them (by key) or, when no edge set is
 * given, every edge among them. Graph attributes (the list of sources) come along.
 */
export function subgraph(
  graph: Graph,
  nodes: ReadonlySet<string> | null,
  edges?: ReadonlySet<string>,
): ExportGraph {
  const out: ExportGraph = new MultiDirectedGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((id, a) => {
    if (!nodes || nodes.has(id)) out.addNode(id, structuredClone(a));
  });
  graph.forEachEdge((key, a, source, target) => {
    if (!out.hasNode(source) || !out.hasNode(target)) return;
    if (edges && !edges.has(key)) return;
    out.addDirectedEdgeWithKey(key, source, target, structuredClone(a));
  });
  return out;
}

/** What an answer holds: its nodes (listed, undated, and its ends) and its edges. */
export interface AnswerLike {
  items: { id: string }[];
  undated?: { id: string }[];
  focus?: string;
  other?: string;
  edges: { source: string; target: string; relation: string }[];
}

/**
 * The keys of the answer's nodes and edges in `graph`: as the answer knows them where it can (a
 * long history or "what cites" makes no item or edge record for this), else looked up.
 */
export function answerKeys(graph: Graph, answer: AnswerLike): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set(answerIds(answer));
  for (const { id } of answer.undated ?? []) nodes.add(id);
  for (const end of [answer.focus, answer.other]) if (end) nodes.add(end);
  const known = answerEdgeKeys(answer);
  if (known) return { nodes, edges: new Set(known) };
  const edges = new Set<string>();
  // (From source to target only: `edges(a, b)` is every edge between the two, either way.)
  for (const e of answer.edges)
    for (const key of graph.outEdges(e.source, e.target))
      if (graph.getEdgeAttribute(key, "relation") === e.relation) edges.add(key);
  return { nodes, edges };
}

/** A query's answer as a graph of its own. */
export function answerSubgraph(graph: Graph, answer: AnswerLike): ExportGraph {
  const { nodes, edges } = answerKeys(graph, answer);
  return subgraph(graph, nodes, edges);
}

/** A node and its neighbours, with every edge among them. */
export function neighbourhood(graph: Graph, id: string): ExportGraph {
  return subgraph(graph, new Set([id, ...graph.neighbors(id)]));
}
