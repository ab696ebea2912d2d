// What a hover, a selection or a query's answer brings forward on the canvas, as small graphs of
// their own. The whole graph stays drawn as it is, behind a veil; what is lit is drawn again over
// the veil by sigmas of its own (litLayer.ts). Sigma reprocesses every node and edge whenever a
// reducer's output may have changed — at 100,000 texts, 849,000 items and seconds for each hover —
// so the focus is not a reducer: lighting costs what is lit, not the graph.
// Two layers: the focus (the answer, else the selected node's neighbourhood) and, over it, the
// hovered node's neighbourhood, which takes the place of the focus while the mouse is on a node.
// The selected node is lit in both, enlarged.
import { MultiDirectedGraph } from "graphology";
import { finish } from "../../query/memo";
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

/**
 * A graph of what is lit, filled by `light` and `lightEdge`: only what the filters show. Lit nodes
 * share the drawn graph's attribute objects where nothing is changed of them (a hub's neighbourhood
 * is most of a large graph); neither graph's attributes are written in place. Lit edges keep their
 * arrowheads, whatever the graph's size.
 */
function lighter(drawn: DrawnGraph, focus: Focus, showsAll: boolean) {
  const shown = (node: string) => drawn.hasNode(node) && (showsAll || focus.visible.nodes.has(node));
  const edgeShown = (edge: string) => showsAll || focus.visible.edges.has(edge);
  const lit: Lit = new MultiDirectedGraph();
  /** Counts a node or an edge looked at: true after each LIT_STEP of them, a step's end. */
  let looked = 0;
  const stepEnds = () => ++looked % LIT_STEP === 0;
  const light = (node: string, over?: Partial<LitNode>) => {
    const known = lit.hasNode(node);
    if (known && !over) return true; // a hub's neighbourhood reaches it once an edge
    if (!shown(node)) return false;
    const base = known ? lit.getNodeAttributes(node) : drawn.getNodeAttributes(node);
    const attributes = over ? { ...base, ...over } : base;
    if (known) lit.replaceNodeAttributes(node, attributes);
    else lit.addNode(node, attributes);
    return true;
  };
  /** An edge and both its ends, if the filters show all three; `over` changes how it is drawn. */
  const addEdge = (key: string, source: string, target: string, a: DrawnEdge, over?: Partial<DrawnEdge>) => {
    if (!edgeShown(key) || !shown(source) || !shown(target)) return;
    light(source);
    light(target);
    lit.addEdgeWithKey(key, source, target, { ...a, type: EDGE_TYPE, ...over });
  };
  const lightEdge = (key: string, over: (a: DrawnEdge) => Partial<DrawnEdge>) => {
    if (!drawn.hasEdge(key)) return;
    const a = drawn.getEdgeAttributes(key);
    addEdge(key, drawn.source(key), drawn.target(key), a, over(a));
  };
  /** A node and every edge it has that the filters show, with the node at its other end. */
  function* neighbourhood(centre: string, over: Partial<LitNode>): LitSteps<boolean> {
    if (!light(centre, over)) return false;
    for (const { edge, attributes, source, target } of drawn.edgeEntries(centre)) {
      addEdge(edge, source, target, attributes);
      if (stepEnds()) yield;
    }
    return true;
  }
  /** The selection stands out whatever else is lit. */
  const selection = () => {
    const selected = focus.selected;
    if (selected && shown(selected))
      light(selected, {
        highlighted: true,
        zIndex: 3,
        size: drawn.getNodeAttribute(selected, "size") * SELECTED_SCALE,
      });
  };
  return { lit, light, lightEdge, neighbourhood, selection, stepEnds };
}

/**
 * What the focus lights of `drawn`: the answer, if there is one; else the selected node's
 * neighbourhood; or null when there is neither (or neither is shown). `showsAll`: the view filters
 * nothing out, so the visible sets need not be asked (at 100,000 texts they answer through the
 * graph).
 */
export const focusOf = (drawn: DrawnGraph, focus: Focus, showsAll = false): Lit | null =>
  finish(focusSteps(drawn, focus, showsAll));

/**
 * What a hovered node lights of `drawn`, over the focus: the node, with its label boxed, and its
 * neighbourhood, and the selected node; or null when no node is hovered (or it is not shown).
 */
export const hoverOf = (drawn: DrawnGraph, focus: Focus, showsAll = false): Lit | null =>
  finish(hoverSteps(drawn, focus, showsAll));

/**
 * Lighting in steps, for what is too large to light at once (litSize): a step after every
 * LIT_STEP nodes or edges lit, so that the page can go on between them and drop the work when
 * what is to be lit changes. The focus and the hover read `focus` as they go: a caller that
 * changes it drops the steps and starts new ones.
 */
export type LitSteps<T = Lit | null> = Generator<void, T, void>;

/** How many nodes or edges a step of lighting takes: a few milliseconds' work. */
export const LIT_STEP = 1_000;

/** Up to this many nodes and edges (litSize), a layer is lit at once; beyond, in steps. */
export const LIT_AT_ONCE = 10_000;

/**
 * About how many nodes and edges the focus (`layer` "focus") or the hover lights, read without
 * lighting them: an answer's own size, or a neighbourhood's edges.
 */
export function litSize(drawn: DrawnGraph, focus: Focus, layer: "focus" | "hover"): number {
  const degree = (node: string | null) => (node && drawn.hasNode(node) ? drawn.degree(node) : 0);
  if (layer === "hover") return 2 * degree(focus.hovered) + 1;
  const answer = focus.answer;
  return answer ? answer.nodes.size + answer.edges.size : 2 * degree(focus.selected) + 1;
}

export function* focusSteps(drawn: DrawnGraph, focus: Focus, showsAll = false): LitSteps {
  const { lit, light, lightEdge, neighbourhood, selection, stepEnds } = lighter(drawn, focus, showsAll);
  const answer = focus.answer;
  if (answer) {
    const palette = focus.palette ?? PALETTES.light;
    const labelled = answer.nodes.size <= LABELLED_ANSWER;
    // The answer is read on the canvas: its ends keep their labels, and so does every node of an
    // answer of up to LABELLED_ANSWER nodes. A larger one's labels are those sigma's grid has room
    // for: forced, the 1,620 labels of a history in a crowded timeline were one black smear.
    for (const node of answer.nodes) {
      if (stepEnds()) yield;
      if (!drawn.hasNode(node)) continue;
      if (answer.ends?.has(node))
        light(node, {
          forceLabel: true,
          highlighted: true,
          zIndex: 2,
          size: drawn.getNodeAttribute(node, "size") * END_SCALE,
        });
      else light(node, { forceLabel: labelled, zIndex: 1 });
    }
    for (const key of answer.edges) {
      if (stepEnds()) yield;
      lightEdge(key, (a) => ({ color: palette.answerEdge, size: a.size + 1 }));
    }
  } else if (focus.selected) yield* neighbourhood(focus.selected, { zIndex: 1 });
  selection();
  return lit.order ? lit : null;
}

export function* hoverSteps(drawn: DrawnGraph, focus: Focus, showsAll = false): LitSteps {
  if (!focus.hovered) return null;
  const { lit, neighbourhood, selection } = lighter(drawn, focus, showsAll);
  if (!(yield* neighbourhood(focus.hovered, { highlighted: true, zIndex: 1 }))) return null;
  selection();
  return lit;
}
