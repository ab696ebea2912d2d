// How the view changes what sigma draws, as pure functions of the drawn attributes and the view:
// hidden when filtered out; dimmed when another node has the focus (hover), else when outside the
// query's answer, else when another node is selected; enlarged and highlighted when selected.
// Sigma calls them per node and edge on each render.
import type { Visible } from "../state/filters";
import { PALETTES, type Palette } from "../theme";
import { LIT_TYPE, type DrawnEdge, type DrawnNode } from "./scene";

export const DIMMED = PALETTES.light.dimmed;
/** Up to this many nodes, every node of an answer is labelled on the canvas. */
export const LABELLED_ANSWER = 100;

/** The colour of the edges a query's answer is made of. */
export const ANSWER_EDGE = PALETTES.light.answerEdge;

/** The nodes and edges of a query's answer (edge keys of the drawn graph). */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** The node the question is about, and the other end of a path: drawn larger, labels boxed. */
  ends?: ReadonlySet<string>;
  /** The nodes the camera frames when the highlight comes (by default, all of them). */
  frame?: readonly string[];
}

export interface Focus {
  visible: Visible;
  selected: string | null;
  hovered: string | null;
  /** Neighbours of the focused node (the hovered one, else the selected one). */
  neighbours: ReadonlySet<string>;
  /** The query's answer, lit on the canvas; null when there is no query. */
  answer?: Highlight | null;
  /** The theme's colours (dimmed, answer edges); light by default. */
  palette?: Palette;
}

type NodeDisplay = Partial<DrawnNode> & {
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
};
type EdgeDisplay = Partial<DrawnEdge> & { hidden?: boolean };

/**
 * Whether the view changes nothing of what is drawn: everything shown, nothing hovered, selected
 * or lit. The reducers then give every node and edge back as it is, and the canvas skips them
 * (at 100k texts, a lookup of each edge's ends and of each key among the visible ones).
 */
export function plainView(focus: Focus, nodes: number, edges: number): boolean {
  return (
    !focus.hovered &&
    !focus.selected &&
    !focus.answer &&
    focus.visible.nodes.size === nodes &&
    focus.visible.edges.size === edges
  );
}

/**
 * How a node is drawn in this view. `showsAll`: the view filters nothing out, so the visible sets
 * need not be asked (at 100k texts, a lookup of each of 745,000 edges at every refresh).
 */
export function reduceNode(node: string, data: DrawnNode, focus: Focus, showsAll = false): NodeDisplay {
  const DIMMED = focus.palette?.dimmed ?? PALETTES.light.dimmed;
  if (!showsAll && !focus.visible.nodes.has(node)) return { ...data, hidden: true };
  if (node === focus.selected) return { ...data, highlighted: true, zIndex: 3, size: data.size * 1.4 };
  if (focus.hovered) {
    if (node !== focus.hovered && !focus.neighbours.has(node))
      return { ...data, color: DIMMED, label: "", zIndex: 0 };
    return { ...data, zIndex: 1 };
  }
  if (focus.answer) {
    // The answer is read on the canvas: its ends keep their labels, and so does every node of an
    // answer of up to LABELLED_ANSWER nodes. A larger one's labels are those sigma's grid has room
    // for: forced, the 1,620 labels of a history in a crowded timeline were one black smear.
    if (focus.answer.ends?.has(node))
      return { ...data, forceLabel: true, highlighted: true, zIndex: 2, size: data.size * 1.3 };
    if (focus.answer.nodes.has(node))
      return { ...data, forceLabel: focus.answer.nodes.size <= LABELLED_ANSWER, zIndex: 2 };
    return { ...data, color: DIMMED, label: "", zIndex: 0 };
  }
  if (focus.selected && !focus.neighbours.has(node)) return { ...data, color: DIMMED, label: "", zIndex: 0 };
  if (focus.selected) return { ...data, zIndex: 1 };
  return data;
}

/**
 * How an edge is drawn in this view; its ends (`ends`) are looked up only when a node is hovered or
 * selected: an answer lit over 745,000 edges looked up each edge's ends for nothing.
 */
export function reduceEdge(
  edge: string,
  data: DrawnEdge,
  ends: (edge: string) => readonly [source: string, target: string],
  focus: Focus,
  showsAll = false,
): EdgeDisplay {
  const DIMMED = focus.palette?.dimmed ?? PALETTES.light.dimmed;
  const ANSWER_EDGE = focus.palette?.answerEdge ?? PALETTES.light.answerEdge;
  if (!showsAll && !focus.visible.edges.has(edge)) return { ...data, hidden: true };
  // What is lit is drawn over the rest, with its arrowhead where a large graph draws plain lines
  // (LIT_TYPE, scene.ts).
  if (focus.hovered) {
    const [source, target] = ends(edge);
    if (source !== focus.hovered && target !== focus.hovered) return { ...data, color: DIMMED };
    return { ...data, type: LIT_TYPE };
  }
  if (focus.answer) {
    if (focus.answer.edges.has(edge))
      return { ...data, color: ANSWER_EDGE, size: data.size + 1, type: LIT_TYPE };
    return { ...data, color: DIMMED };
  }
  if (!focus.selected) return data;
  const [source, target] = ends(edge);
  if (source !== focus.selected && target !== focus.selected) return { ...data, color: DIMMED };
  return { ...data, type: LIT_TYPE };
}
