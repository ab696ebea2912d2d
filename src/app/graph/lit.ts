// What a hover, a selection or a query's answer brings forward on the canvas, as a small graph of
// its own. The whole graph stays drawn as it is, behind a veil; what is lit is drawn again over the
// veil by a second sigma (litLayer.ts). Sigma redraws every node and edge whenever a reducer's
// output may have changed — at 100,000 texts, 849,000 items and seconds for each hover — so the
// focus is not a reducer: lighting costs what is lit, not the graph.
// Which items are lit, in order of precedence: the hovered node's neighbourhood; else the answer;
// else the selected node's neighbourhood. The selected node itself is always lit, enlarged.
import { MultiDirectedGraph } from "graphology";
import type { Visible } from "../state/filters";
import { PALETTES, type Palette } from "../theme";
import { EDGE_TYPE, type DrawnEdge, type DrawnGraph, type DrawnNode } from "./scene";

/** Up to this many nodes, every node of an answer is labelled on the canvas. */
export const LABELLED_ANSWER = 100;

/** The colour of the edges a query's answer is made of (light theme). */
export const ANSWER_EDGE = PALETTES.light.answerEdge;

/** How much larger the selected node is drawn, and the ends of an answer. */
export const SELECTED_SCALE = 1.4;
export const END_SCALE = 1.3;

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
  /** The query's answer, lit on the canvas; null when there is no query. */
  answer?: Highlight | null;
  /** The theme's colours (answer edges); light by default. */
  palette?: Palette;
}

/** A lit node as sigma draws it: its drawn attributes, with how it stands out. */
export type LitNode = DrawnNode & { highlighted?: boolean; forceLabel?: boolean; zIndex?: number };

/** What is lit, as the graph sigma draws over the rest: the drawn graph's keys and attributes. */
export type Lit = MultiDirectedGraph<LitNode, DrawnEdge>;

/** Whether anything is lit: a hovered or selected node, or an answer. */
export const isLit = (focus: Focus): boolean => !!(focus.hovered || focus.selected || focus.answer);

/**
 * What `focus` lights of `drawn`, or null when nothing is. Only what the filters show is lit.
 * `showsAll`: the view filters nothing out, so the visible sets need not be asked (at 100,000
 * texts they answer through the graph). Lit edges keep their arrowheads, whatever the graph's size.
 */
export function litOf(drawn: DrawnGraph, focus: Focus, showsAll = false): Lit | null {
  if (!isLit(focus)) return null;
  const shown = (node: string) => drawn.hasNode(node) && (showsAll || focus.visible.nodes.has(node));
  const edgeShown = (edge: string) => showsAll || focus.visible.edges.has(edge);
  const lit: Lit = new MultiDirectedGraph();
  const light = (node: string, over?: Partial<LitNode>) => {
    const known = lit.hasNode(node);
    if (known && !over) return true; // a hub's neighbourhood reaches it once an edge
    if (!shown(node)) return false;
    // The drawn attributes themselves, where nothing is changed: a hub's neighbourhood is most of a
    // large graph, and nothing writes to either graph's attributes in place.
    const base = known ? lit.getNodeAttributes(node) : drawn.getNodeAttributes(node);
    const attributes = over ? { ...base, ...over } : base;
    if (known) lit.replaceNodeAttributes(node, attributes);
    else lit.addNode(node, attributes);
    return true;
  };
  const lightEdge = (
    key: string,
    source: string,
    target: string,
    a: DrawnEdge,
    over?: Partial<DrawnEdge>,
  ) => {
    if (!edgeShown(key) || !shown(source) || !shown(target)) return;
    light(source);
    light(target);
    lit.addEdgeWithKey(key, source, target, { ...a, type: EDGE_TYPE, ...over });
  };
  const neighbourhood = (centre: string, over: Partial<LitNode>) => {
    if (!light(centre, over)) return;
    drawn.forEachEdge(centre, (key, a, source, target) => lightEdge(key, source, target, a));
  };

  const answer = focus.answer;
  if (focus.hovered) neighbourhood(focus.hovered, { highlighted: true, zIndex: 1 });
  else if (answer) {
    const palette = focus.palette ?? PALETTES.light;
    const labelled = answer.nodes.size <= LABELLED_ANSWER;
    // The answer is read on the canvas: its ends keep their labels, and so does every node of an
    // answer of up to LABELLED_ANSWER nodes. A larger one's labels are those sigma's grid has room
    // for: forced, the 1,620 labels of a history in a crowded timeline were one black smear.
    for (const node of answer.nodes) {
      const a = drawn.hasNode(node) ? drawn.getNodeAttributes(node) : null;
      if (!a) continue;
      if (answer.ends?.has(node))
        light(node, { forceLabel: true, highlighted: true, zIndex: 2, size: a.size * END_SCALE });
      else light(node, { forceLabel: labelled, zIndex: 1 });
    }
    for (const key of answer.edges) {
      if (!drawn.hasEdge(key)) continue;
      const a = drawn.getEdgeAttributes(key);
      lightEdge(key, drawn.source(key), drawn.target(key), a, {
        color: palette.answerEdge,
        size: a.size + 1,
      });
    }
  } else if (focus.selected) neighbourhood(focus.selected, { zIndex: 1 });

  // The selection stands out whatever else is lit.
  const selected = focus.selected;
  if (selected && shown(selected))
    light(selected, {
      highlighted: true,
      zIndex: 3,
      size: drawn.getNodeAttribute(selected, "size") * SELECTED_SCALE,
    });
  return lit;
}
