// The explorer's colours and type: one colour per node kind, one per relation, and the few
// neutral tones of the page and the timeline. Node colours are saturated and mutually distinct;
// edges are drawn translucent so nodes and labels stay readable over them.
import type { NodeKind, Relation } from "../model/vocabulary";

export const KIND_COLORS: Record<NodeKind, string> = {
  resolution: "#2563eb",
  decision: "#7c3aed",
  agreement: "#059669",
  convention: "#0e7490",
  declaration: "#ea580c",
  document: "#64748b",
  organisation: "#b91c1c",
  body: "#db2777",
  event: "#ca8a04",
};

export const RELATION_COLORS: Record<Relation, string> = {
  cites: "#94a3b8",
  recalls: "#60a5fa",
  notes: "#a78bfa",
  welcomes: "#34d399",
  approves: "#16a34a",
  authorizes: "#84cc16",
  amends: "#f59e0b",
  supersedes: "#f97316",
  repeals: "#ef4444",
  implements: "#06b6d4",
  based_on: "#1e40af",
  adopted_by: "#c8b9a6",
  signed: "#f472b6",
  part_of: "#a47148",
};

/** For kinds or relations outside the vocabulary (a newer graph.json than this build). */
export const UNKNOWN_COLOR = "#9ca3af";

/** Opacity of edges, as a two-digit hex suffix for sigma's #RRGGBBAA colours. */
export const EDGE_ALPHA = "c0";

export const UI = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  labelSize: 12,
  labelColor: "#1f2933",
  laneFill: ["#f4f6f9", "#ffffff"],
  laneLabel: "#52606d",
  gridLine: "#e1e5ea",
  axisLabel: "#616e7c",
  breakFill: "#eceff3",
  undatedFill: "#fbf7ee",
} as const;

/**
 * The colours of the page's canvas and strip, per theme. Both are made for projectors too: the
 * light one keeps its tints faint but its text dark; the dark one is near-black with bright text,
 * and lights answers in amber, which no kind or relation uses.
 */
export interface Palette {
  font: string;
  background: string;
  labelColor: string;
  /** Behind a highlighted node's label. */
  labelBox: string;
  laneFill: readonly [string, string];
  laneLabel: string;
  gridLine: string;
  axisLabel: string;
  breakFill: string;
  /**
   * The opacity of the veil, of the background's colour, over the graph while something is lit (a
   * hover, a selection, an answer): what is not lit shows through it, faded; what is lit is drawn
   * again above it. The same as drawing the graph at 1 − veil over the background.
   */
  veil: number;
  answerEdge: string;
  accent: string;
  /** Over the years after "as of" on the timeline strip. */
  asOfShade: string;
}

export const PALETTES: Record<"light" | "dark", Palette> = {
  light: {
    font: UI.font,
    background: "#ffffff",
    labelColor: UI.labelColor,
    labelBox: "#ffffff",
    laneFill: UI.laneFill,
    laneLabel: UI.laneLabel,
    gridLine: UI.gridLine,
    axisLabel: UI.axisLabel,
    breakFill: UI.breakFill,
    veil: 0.82,
    answerEdge: "#1e3a8a",
    accent: "#1e3a8a",
    asOfShade: "rgba(255,255,255,0.72)",
  },
  dark: {
    font: UI.font,
    background: "#0b1220",
    labelColor: "#e5edf7",
    labelBox: "#1e293b",
    laneFill: ["#121b2f", "#0b1220"],
    laneLabel: "#a9b6c8",
    gridLine: "#22304d",
    axisLabel: "#a9b6c8",
    breakFill: "#18223a",
    veil: 0.8,
    answerEdge: "#fbbf24",
    accent: "#fbbf24",
    asOfShade: "rgba(11,18,32,0.72)",
  },
};

/** The veil as a CSS colour: the background's, at the veil's opacity. */
export function veilColor(palette: Palette): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(palette.background);
  const [r, g, b] = hex ? hex.slice(1).map((h) => Number.parseInt(h, 16)) : [255, 255, 255];
  return `rgba(${r},${g},${b},${palette.veil})`;
}

export function paletteOf(theme: string): Palette {
  return theme === "dark" ? PALETTES.dark : PALETTES.light;
}

export function kindColor(kind: string): string {
  return (KIND_COLORS as Record<string, string | undefined>)[kind] ?? UNKNOWN_COLOR;
}

export function relationColor(relation: string): string {
  return (RELATION_COLORS as Record<string, string | undefined>)[relation] ?? UNKNOWN_COLOR;
}

/**
 * The second channel of a node's kind, for readers who cannot tell the colours apart (and for
 * grey projectors): texts are filled discs, organisations and bodies rings, events targets.
 */
export type NodeShape = "circle" | "ring" | "target";
export const KIND_SHAPES: Record<NodeKind, NodeShape> = {
  resolution: "circle",
  decision: "circle",
  agreement: "circle",
  convention: "circle",
  declaration: "circle",
  document: "circle",
  organisation: "ring",
  body: "ring",
  event: "target",
};

export function kindShape(kind: string): NodeShape {
  return (KIND_SHAPES as Record<string, NodeShape | undefined>)[kind] ?? "circle";
}
