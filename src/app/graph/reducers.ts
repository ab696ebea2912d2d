// What the filters change of what sigma draws: a node or an edge they leave out is hidden. Sigma
// calls these per node and edge on each refresh, so they do nothing else: what a hover, a
// selection or an answer lights is drawn over the graph by a layer of its own (lit.ts).
import type { Visible } from "../state/filters";
import type { DrawnEdge, DrawnNode } from "./scene";

/** Whether the filters show everything: sigma then needs no reducers at all. */
export const showsAll = (visible: Visible, nodes: number, edges: number): boolean =>
  visible.nodes.size === nodes && visible.edges.size === edges;

export function reduceNode(
  node: string,
  data: DrawnNode,
  visible: Visible,
): DrawnNode & { hidden?: boolean } {
  return visible.nodes.has(node) ? data : { ...data, hidden: true };
}

export function reduceEdge(edge: string, data: DrawnEdge, visible: Visible): DrawnEdge {
  return visible.edges.has(edge) ? data : { ...data, hidden: true };
}
