// How the view changes what sigma draws, as pure functions of the drawn attributes and the view:
// hidden when filtered out, dimmed when another node has the focus (hover, else selection),
// enlarged and highlighted when selected. Sigma calls them per node and edge on each render.
import type { Visible } from "../state/filters";
import type { DrawnEdge, DrawnNode } from "./scene";

export const DIMMED = "#e2e8f0";

export interface Focus {
  visible: Visible;
  selected: string | null;
  hovered: string | null;
  /** Neighbours of the focused node (the hovered one, else the selected one). */
  neighbours: ReadonlySet<string>;
}

type NodeDisplay = Partial<DrawnNode> & { hidden?: boolean; highlighted?: boolean; zIndex?: number };
type EdgeDisplay = Partial<DrawnEdge> & { hidden?: boolean };

export function reduceNode(node: string, data: DrawnNode, focus: Focus): NodeDisplay {
  if (!focus.visible.nodes.has(node)) return { ...data, hidden: true };
  const focused = focus.hovered ?? focus.selected;
  if (node === focus.selected) return { ...data, highlighted: true, zIndex: 2, size: data.size * 1.4 };
  if (focused && node !== focused && !focus.neighbours.has(node))
    return { ...data, color: DIMMED, label: "", zIndex: 0 };
  if (focused) return { ...data, zIndex: 1 };
  return data;
}

export function reduceEdge(
  edge: string,
  data: DrawnEdge,
  source: string,
  target: string,
  focus: Focus,
): EdgeDisplay {
  if (!focus.visible.edges.has(edge)) return { ...data, hidden: true };
  const focused = focus.hovered ?? focus.selected;
  if (focused && source !== focused && target !== focused) return { ...data, color: DIMMED };
  return data;
}
