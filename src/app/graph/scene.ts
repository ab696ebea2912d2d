// The scene: the graph sigma draws, derived from the canonical graph and the chronological layout.
// The canonical graph is never touched; positions, sizes, colours and shortened labels live on a
// separate graph with the same keys. No DOM here: text measuring is passed in.
import { MultiDirectedGraph } from "graphology";
import { PART } from "../../query/memo";
import { partClock, PART_MS, runInParts, type StepOptions } from "../data/steps";
import { finish } from "../../query/memo";
import type { EdgeAttributes } from "../../model/graph";
import type { CanonicalGraph } from "../data/loadGraph";
import {
  fitChronologicalLayoutSteps,
  laneOf,
  NO_ISSUER,
  type ChronologicalLayout,
  type LayoutNode,
} from "../layout/chronological";
import { i18n } from "../i18n";
import { LANGUAGES, type Layout } from "../state/viewState";
import { EDGE_ALPHA, kindColor, kindShape, relationColor, UI } from "../theme";

export interface DrawnNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: string;
  /** The sigma node program: the shape of the kind (theme.ts). */
  type: string;
}

/**
 * An edge as sigma draws it. Every field sigma would otherwise fill in with its defaults is given
 * from the start: its copies of 746,000 edges then all have one shape, which is several seconds
 * quicker to make at 100k texts than adding the missing fields to each.
 */
export interface DrawnEdge {
  size: number;
  color: string;
  relation: string;
  label: string;
  type: string;
  hidden: boolean;
  forceLabel: boolean;
}

/** How edges are drawn (sigma's edge programs): with their arrowhead, or as plain lines. */
export const EDGE_TYPE = "arrow";
export const LINE_TYPE = "line";
/**
 * Up to this many edges, each is drawn with its arrowhead. A larger graph's edges are drawn as
 * plain lines, and those lit (by a hover, a selection or an answer) with their heads (see
 * lit.ts): three quarters of a million arrowheads are specks where all of them are on screen,
 * and drawing them was half of sigma's work on the first frame at 100,000 texts.
 */
export const ARROWS_UP_TO = 200_000;

/** How a graph of `edges` edges draws those not lit. */
export const plainEdgeType = (edges: number): string => (edges > ARROWS_UP_TO ? LINE_TYPE : EDGE_TYPE);

export type DrawnGraph = MultiDirectedGraph<DrawnNode, DrawnEdge>;

/** The closest the camera comes to a timeline with room for every node and label. */
export const MIN_CAMERA_RATIO = 0.15;

/**
 * How much bigger nodes and edges are drawn at a zoom (sigma divides sizes by it): they grow as
 * the square root of the zoom, up to MIN_CAMERA_RATIO; closer (into a crowded timeline) they stay
 * that size, rather than becoming blots and bands.
 */
export const zoomToSize = (ratio: number): number => Math.sqrt(Math.max(ratio, MIN_CAMERA_RATIO));

/**
 * From how crowded on (ChronologicalLayout.crowding) a timeline's nodes are drawn half size and
 * fewer of its labels drawn: a lane squeezed a little is still drawn as one with room.
 */
export const CROWDED = 2;

/**
 * How many labels sigma draws, and how close the camera may come, in a layout. The timeline keeps
 * labels apart: every node big enough is labelled, in cells of 50 px. Where nodes are packed closer
 * (the network, or a timeline whose crowded lanes' rows are squeezed) fewer labels are drawn, and
 * the camera may come as close as gives each label of a crowded lane room again (1 / crowding).
 */
export function viewSettings(
  layout: Layout,
  crowding: number,
): { labelDensity: number; labelGridCellSize: number; minCameraRatio: number } {
  const packed = layout === "force" || crowding >= CROWDED;
  return {
    labelDensity: packed ? 0.5 : 2.5,
    labelGridCellSize: packed ? 100 : 50,
    minCameraRatio: layout === "chrono" ? Math.min(MIN_CAMERA_RATIO, 1 / crowding) : MIN_CAMERA_RATIO,
  };
}

export interface Scene {
  drawn: DrawnGraph;
  layout: ChronologicalLayout;
  /** The graph-space box sigma frames: nodes, labels, the lane gutter and the year axis. Graph y points up. */
  bbox: { x: [number, number]; y: [number, number] };
  /** Left of the nodes, where lane names are written, px. */
  gutter: number;
  /** Above the first lane, where years are written, px. */
  axisHeight: number;
  /** The size in the network of each node the timeline draws smaller (in a crowded lane). */
  networkSizes: Map<string, number>;
}

/** Width of `text` drawn in the CSS `font`, px. */
export type MeasureText = (text: string, font: string) => number;

export const NODE_LABEL_FONT = `${UI.labelSize}px ${UI.font}`;
export const LANE_LABEL_FONT = `600 11px ${UI.font}`;
export const AXIS_LABEL_FONT = `11px ${UI.font}`;

const MIN_NODE_SIZE = 5;
const MAX_NODE_SIZE = 10;
const MAX_LABEL_CHARS = 28;
const AXIS_HEIGHT = 22;

/** Bounded growth with degree: a leaf is small, a hub is visible but never a blob. */
export function nodeSize(degree: number): number {
  return Math.min(MAX_NODE_SIZE, MIN_NODE_SIZE + Math.sqrt(degree));
}

/** Labels are cut at a word boundary so a row of the timeline stays readable; the full title is in the data. */
export function displayLabel(label: string, max = MAX_LABEL_CHARS): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, "")}…`;
}

/** First word … last words: for long labels that only differ at their end ("Cooperation Agreement between …"). */
function middleLabel(text: string, tailMax = 24): string {
  const words = text.split(/\s+/u);
  const head = words[0] ?? "";
  let tail = "";
  for (let i = words.length - 1; i > 0; i--) {
    const next = tail ? `${words[i]} ${tail}` : (words[i] ?? "");
    if (next.length > tailMax && tail) break;
    tail = next;
  }
  tail = tail.replace(/^(?:(?:of|the|and|between|on|for|to|in)\s+)+/iu, "");
  return `${head} … ${tail}`;
}

/** The fullest wording of a label: a title that the (possibly shortened) label is the start of. */
function fullText(label: string, titles: readonly (string | undefined)[]): string {
  const stem = label.endsWith("…") ? label.slice(0, -1) : label;
  return titles.find((t) => t !== undefined && t.length > stem.length && t.startsWith(stem)) ?? label;
}

/**
 * Display labels for a set of nodes: short labels as they are, long ones cut at a word boundary,
 * and long ones that would then read the same shown by their first word and their distinct end.
 */
export function displayLabels(
  nodes: readonly { key: string; label: string; titles?: readonly (string | undefined)[] }[],
  max = MAX_LABEL_CHARS,
): Map<string, string> {
  return finish(displayLabelsSteps(nodes, max));
}

/** displayLabels, yielding after every PART nodes of each of its two passes. */
function* displayLabelsSteps(
  nodes: readonly { key: string; label: string; titles?: readonly (string | undefined)[] }[],
  max = MAX_LABEL_CHARS,
): Generator<void, Map<string, string>, void> {
  const labels = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const [k, n] of nodes.entries()) {
    if (k % PART === PART - 1) yield;
    const label = displayLabel(n.label, max);
    labels.set(n.key, label);
    uses.set(label, (uses.get(label) ?? 0) + 1);
  }
  for (const [k, node] of nodes.entries()) {
    if (k % PART === PART - 1) yield;
    const label = labels.get(node.key) ?? node.label;
    if ((uses.get(label) ?? 0) < 2) continue;
    const text = fullText(node.label, node.titles ?? []);
    if (text.endsWith("…")) continue;
    const middle = middleLabel(text);
    labels.set(node.key, middle.length < text.length ? middle : text);
  }
  return labels;
}

export function laneTitle(lane: string): string {
  return lane === NO_ISSUER ? i18n.t("no_issuer") : lane;
}

/** The steps of drawing a graph: the chronological layout, then the nodes and edges sigma draws. */
export type SceneStage = "layout" | "prepare";

/**
 * The scene of a graph, made in steps a page can show and stay responsive between: the labels, the
 * layout (its year width, then its rows), the drawn nodes, then the edges a slice at a time (at
 * 100k texts, three quarters of a million of them).
 */
export async function buildSceneInSteps(
  graph: CanonicalGraph,
  box: { width: number; height: number },
  measure: MeasureText,
  { onProgress, pause, signal }: StepOptions<SceneStage>,
  layOut: LayOut = layOutHere,
): Promise<Scene> {
  // Each loop pauses once its part has held the page for PART_MS.
  const clock = partClock();
  const next = async () => {
    await pause?.();
    signal?.throwIfAborted();
    clock.restart();
  };
  onProgress?.({ stage: "layout", done: 0, total: graph.order });
  await next();
  const scene = await sceneOfNodes(graph, box, measure, layOut, { due: clock.due, next });
  const total = graph.size;
  let done = 0;
  onProgress?.({ stage: "prepare", done, total });
  const type = plainEdgeType(total);
  for (const edge of graph.edgeEntries()) {
    drawEdge(scene.drawn, edge, type);
    done++;
    if (clock.due()) {
      onProgress?.({ stage: "prepare", done, total });
      await next();
    }
  }
  onProgress?.({ stage: "prepare", done: total, total });
  return scene;
}

function drawEdge(
  drawn: DrawnGraph,
  {
    edge,
    source,
    target,
    attributes: a,
  }: { edge: string; source: string; target: string; attributes: EdgeAttributes },
  type: string,
): void {
  drawn.addDirectedEdgeWithKey(edge, source, target, {
    size: Math.min(3, 1 + 0.5 * Math.max(0, (a.occurrences ?? 1) - 1)),
    color: `${relationColor(a.relation)}${EDGE_ALPHA}`,
    relation: a.relation,
    label: "",
    type,
    hidden: false,
    forceLabel: false,
  });
}

/**
 * How a scene gets its layout: `next` lets the page breathe between parts of the work. The explorer
 * lays large graphs out in a worker (src/app/layout/layoutWorker.ts).
 */
export type LayOut = (
  nodes: readonly LayoutNode[],
  box: { width: number; height: number },
  next: () => Promise<void>,
) => Promise<ChronologicalLayout>;

/** The layout made here, in its three parts (a small graph's in one). */
export const layOutHere: LayOut = (nodes, box, next) =>
  runInParts(fitChronologicalLayoutSteps(nodes, box), PART_MS, next);

/** The labels, the layout and the drawn nodes, pausing between parts of PART_MS. */
async function sceneOfNodes(
  graph: CanonicalGraph,
  box: { width: number; height: number },
  measure: MeasureText,
  layOut: LayOut,
  { due, next }: { due: () => boolean; next: () => Promise<void> },
): Promise<Scene> {
  const drawnLabels = await runInParts(
    displayLabelsSteps(
      graph.mapNodes((key, a) => ({ key, label: a.label, titles: [a.title?.en, a.title?.fr] })),
    ),
    PART_MS,
    next,
  );
  await next();
  const layoutNodes: LayoutNode[] = [];
  for (const { node: key, attributes: a } of graph.nodeEntries()) {
    if (due()) await next();
    const label = drawnLabels.get(key) ?? key;
    layoutNodes.push({
      key,
      kind: a.kind,
      ...(a.date === undefined ? {} : { date: a.date }),
      ...(a.issuer === undefined ? {} : { issuer: a.issuer }),
      size: nodeSize(graph.degree(key)),
      labelWidth: measure(label, NODE_LABEL_FONT),
    });
  }
  await next();

  const laneKeys = new Set(layoutNodes.map(laneOf));
  // Wide enough for the lane names in every language: the scene outlives a language switch.
  const titles = [...laneKeys].flatMap((lane) =>
    lane === NO_ISSUER ? LANGUAGES.map((lng) => i18n.t("no_issuer", { lng })) : [lane],
  );
  const gutter = Math.ceil(Math.max(0, ...titles.map((title) => measure(title, LANE_LABEL_FONT)))) + 16;
  const lanesBox = {
    width: Math.max(200, box.width - gutter),
    height: Math.max(100, box.height - AXIS_HEIGHT),
  };
  const layout = await layOut(layoutNodes, lanesBox, next);
  await next();

  const drawn: DrawnGraph = new MultiDirectedGraph();
  const networkSizes = new Map<string, number>();
  const crowded = new Set(layout.lanes.filter((lane) => lane.crowding >= CROWDED).map((lane) => lane.key));
  for (const node of layoutNodes) {
    if (due()) await next();
    const place = layout.positions.get(node.key);
    if (!place) continue;
    const size = node.size ?? MIN_NODE_SIZE;
    const squeezed = crowded.has(place.lane);
    if (squeezed) networkSizes.set(node.key, size);
    drawn.addNode(node.key, {
      x: place.x,
      y: -place.y,
      // In a crowded lane, whose nodes overlap, half as big: a cloud of dots rather than a blot,
      // where hubs keep their labels and leaves gain theirs as the camera comes closer.
      size: squeezed ? size / 2 : size,
      color: kindColor(node.kind),
      label: drawnLabels.get(node.key) ?? node.key,
      kind: node.kind,
      type: kindShape(node.kind),
    });
  }
  return {
    drawn,
    layout,
    // As tall as the box even when the lanes are not, so the timeline hangs from the top.
    bbox: {
      x: [layout.minX - gutter, layout.maxX],
      y: [-Math.max(layout.height, lanesBox.height), AXIS_HEIGHT],
    },
    gutter,
    axisHeight: AXIS_HEIGHT,
    networkSizes,
  };
}
