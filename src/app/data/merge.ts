// A graph and another merged into a new one, a step at a time: the page runs the steps in parts
// (runInParts) and stays responsive, where copying a graph of 100,000 texts at once held it for
// seconds. The old graph is left untouched. No DOM: plain graphology.
import { MultiDirectedGraph } from "graphology";
import type { Attributes, SerializedGraph } from "graphology-types";
import type { CanonicalGraph } from "../../build/graphFile";
import type { EdgeAttributes, NodeAttributes } from "../../model/graph";
import { PART } from "../../query/memo";

/**
 * `graph`, then `added` merged over it (graphology's import with merge: attributes of a node or
 * edge both hold are `added`'s, over `graph`'s), as a new graph. Yields the items done so far,
 * every PART of them.
 */
export function* mergeInSteps(
  graph: CanonicalGraph,
  added: SerializedGraph<NodeAttributes, EdgeAttributes, Attributes>,
): Generator<number, CanonicalGraph, void> {
  const merged: CanonicalGraph = new MultiDirectedGraph();
  merged.replaceAttributes({ ...graph.getAttributes() });
  let done = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    merged.addNode(node, { ...attributes });
    if (++done % PART === 0) yield done;
  }
  for (const { edge, source, target, attributes } of graph.edgeEntries()) {
    merged.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
    if (++done % PART === 0) yield done;
  }
  if (added.attributes) merged.mergeAttributes(added.attributes);
  for (const { key, attributes } of added.nodes) {
    merged.mergeNode(key, attributes);
    if (++done % PART === 0) yield done;
  }
  for (const { key, source, target, attributes } of added.edges) {
    if (key === undefined) merged.mergeDirectedEdge(source, target, attributes);
    else merged.mergeDirectedEdgeWithKey(key, source, target, attributes);
    if (++done % PART === 0) yield done;
  }
  return merged;
}
