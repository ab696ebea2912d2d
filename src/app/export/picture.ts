// Pictures of the current view, with a legend of what is in it: PNG (the view redrawn off screen
// at a scale factor, timeline included) and SVG, which no sigma package writes, so it is written
// here from sigma's own display data — the same positions, sizes, colours and labels the canvas
// shows. What is lit (a hover, a selection, an answer) is drawn over the graph, faded as the
// canvas's veil fades it. Background on or off.
import SigmaClass from "sigma";
import type Sigma from "sigma";
import { attachTimelineLayer } from "../graph/timelineLayer";
import type { DrawnEdge, DrawnNode, Scene } from "../graph/scene";
import { KIND_COLORS, PALETTES, RELATION_COLORS, UI, type Palette } from "../theme";
import { xmlText } from "../../export/flat";
import type { NodeKind, Relation } from "../../model/vocabulary";

export interface PictureOptions {
  background: boolean;
  /** PNG only: pixels per CSS pixel (1, 2, 3). */
  scale: number;
  /** Names of kinds and relations in the interface's language. */
  kindName(kind: NodeKind): string;
  relationName(relation: Relation): string;
  /** What the dark edges of a question's answer are called in the legend. */
  answerName: string;
  /** Whether the timeline's lanes are on screen (the chronological layout). */
  timeline: boolean;
  /** The theme's colours: background, labels, dimmed and answer colours. Light by default. */
  palette?: Palette;
  /** PNG only: lines written under the picture (a story step's caption), the first in bold. */
  caption?: string[];
}

type Renderer = Sigma<DrawnNode, DrawnEdge>;

/**
 * What the canvas shows: the graph's sigma, the lit layers showing something over it (bottom
 * first, each on its veil: litLayer.ts), and the scene.
 */
export interface View {
  graph: Renderer;
  layers: { renderer: Renderer; veil: number }[];
  scene: Scene | null;
}

const paletteOf = (options: PictureOptions): Palette => options.palette ?? PALETTES.light;

interface LegendEntry {
  name: string;
  color: string;
  shape: "dot" | "line";
}

/**
 * The kinds and relations drawn in the view, in vocabulary order: of what is lit, if anything is;
 * else of what is not hidden.
 */
function legendOf(view: View, options: PictureOptions): LegendEntry[] {
  const { answerEdge: ANSWER_EDGE } = paletteOf(options);
  const kinds = new Set<string>();
  const relations = new Set<string>();
  let answer = false;
  for (const renderer of view.layers.length ? view.layers.map((l) => l.renderer) : [view.graph]) {
    const graph = renderer.getGraph();
    graph.forEachNode((id, a) => {
      const d = renderer.getNodeDisplayData(id);
      if (d && !d.hidden) kinds.add(a.kind);
    });
    graph.forEachEdge((id, a) => {
      const d = renderer.getEdgeDisplayData(id);
      if (!d || d.hidden) return;
      if (d.color === ANSWER_EDGE) answer = true;
      else relations.add(a.relation);
    });
  }
  return [
    ...(Object.keys(KIND_COLORS) as NodeKind[])
      .filter((k) => kinds.has(k))
      .map((k) => ({ name: options.kindName(k), color: KIND_COLORS[k], shape: "dot" as const })),
    ...(Object.keys(RELATION_COLORS) as Relation[])
      .filter((r) => relations.has(r))
      .map((r) => ({ name: options.relationName(r), color: RELATION_COLORS[r], shape: "line" as const })),
    ...(answer ? [{ name: options.answerName, color: ANSWER_EDGE, shape: "line" as const }] : []),
  ];
}

const LEGEND = { font: 12, row: 18, pad: 10, swatch: 22 };

function legendBox(entries: LegendEntry[], measure: (text: string) => number) {
  const width = LEGEND.pad * 2 + LEGEND.swatch + Math.max(0, ...entries.map((e) => measure(e.name)));
  const height = LEGEND.pad * 2 + entries.length * LEGEND.row;
  return { width, height };
}

/**
 * The view drawn again, off screen, at `ratio` pixels per CSS pixel, and flattened into one canvas.
 * @sigma/export-image does the same, but reads sigma's WebGL layers after an await; with
 * preserveDrawingBuffer off (sigma's choice) those layers can be blank by then — they were in
 * Chromium's software renderer — so here drawing and copying happen in one synchronous run.
 */
function renderOffscreen(view: View, options: PictureOptions, ratio: number): HTMLCanvasElement {
  const { width, height } = view.graph.getDimensions();
  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext("2d")!;
  const palette = paletteOf(options);
  // The timeline's lane bands are background: without a background, the graph alone.
  const timeline = view.scene && options.timeline && options.background ? view.scene : null;
  const lit = view.layers.length > 0;
  // The graph, without its labels while something is lit; then each layer over what is below it,
  // faded as the layer's veil fades it on screen. A veil of the background's colour over what is
  // drawn is what is drawn at 1 − veil over the background: so the stack is drawn on a clear
  // canvas, each veil taking its share of what is below it away (destination-out), and the
  // background goes under the whole at the end. (Fading sigma's layers as they are copied, by the
  // copy's opacity, tints them: their colours are not premultiplied as a canvas's are.)
  drawCopy(view.graph, ctx, ratio, (copy) => {
    if (timeline) attachTimelineLayer(copy, timeline, () => palette);
    return lit ? [copy.getCanvases().labels, copy.getCanvases().hovers] : [];
  });
  for (const { renderer, veil } of view.layers) {
    ctx.globalCompositeOperation = "destination-out";
    ctx.fillStyle = `rgba(0,0,0,${veil})`;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.globalCompositeOperation = "source-over";
    drawCopy(renderer, ctx, ratio, (copy) => {
      if (timeline) attachTimelineLayer(copy, timeline, () => palette, { bands: false });
      return [];
    });
  }
  if (options.background) {
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.globalCompositeOperation = "source-over";
  }
  return out;
}

/**
 * Draws `renderer`'s view again, off screen, at `ratio` pixels per CSS pixel, onto `ctx`: every
 * layer of the copy but those `prepare` (given the copy before it draws) names.
 */
function drawCopy(
  renderer: Renderer,
  ctx: CanvasRenderingContext2D,
  ratio: number,
  prepare: (copy: Renderer) => (HTMLCanvasElement | undefined)[],
) {
  const { width, height } = renderer.getDimensions();
  const root = document.createElement("div");
  root.style.cssText = `position:absolute;right:101%;bottom:101%;width:${width}px;height:${height}px`;
  document.body.appendChild(root);
  const base = window.devicePixelRatio;
  // sigma sizes its canvases by the window's pixel ratio: raised for this drawing, the same view
  // comes out sharper rather than wider.
  Object.defineProperty(window, "devicePixelRatio", { value: ratio, configurable: true });
  let copy: Renderer | null = null;
  try {
    copy = new SigmaClass<DrawnNode, DrawnEdge>(renderer.getGraph(), root, renderer.getSettings());
    copy.getCamera().setState(renderer.getCamera().getState());
    copy.setCustomBBox(renderer.getCustomBBox());
    const left = new Set(prepare(copy));
    copy.refresh();
    for (const layer of root.querySelectorAll("canvas"))
      if (!left.has(layer)) ctx.drawImage(layer, 0, 0, ctx.canvas.width, ctx.canvas.height);
  } finally {
    copy?.kill();
    root.remove();
    Object.defineProperty(window, "devicePixelRatio", { value: base, configurable: true });
  }
}

/** Lines of text broken at spaces to fit `width`, px, as measured by `ctx`'s font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/u)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const CAPTION = { font: 15, line: 21, pad: 14 };

/**
 * A PNG of the view: the layers sigma draws, the timeline, the legend in a column on the right,
 * and, for a story's frame, its caption in a band underneath.
 */
export async function toPng(view: View, options: PictureOptions): Promise<Blob> {
  const palette = paletteOf(options);
  const entries = legendOf(view, options);
  const base = window.devicePixelRatio || 1;
  const canvas = renderOffscreen(view, options, base * options.scale);
  const ratio = base * options.scale;
  // The legend stands in a column right of the view, so it never hides a node.
  const { width, height } = view.graph.getDimensions();
  const measure = document.createElement("canvas").getContext("2d")!;
  measure.font = `${LEGEND.font}px ${UI.font}`;
  const box = legendBox(entries, (t) => measure.measureText(t).width);
  const column = entries.length ? box.width + 24 : 0;
  const full = width + column;
  const captionLines = (options.caption ?? []).flatMap((text, i) => {
    measure.font = `${i === 0 ? "bold " : ""}${CAPTION.font}px ${UI.font}`;
    return wrap(measure, text, full - 2 * CAPTION.pad).map((line) => ({ line, bold: i === 0 }));
  });
  const band = captionLines.length ? captionLines.length * CAPTION.line + 2 * CAPTION.pad : 0;
  const tall = Math.max(height, box.height + 24);
  const picture = document.createElement("canvas");
  picture.width = Math.round(full * ratio);
  picture.height = Math.round((tall + band) * ratio);
  const ctx = picture.getContext("2d")!;
  if (options.background || band) {
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, picture.width, picture.height);
  }
  ctx.drawImage(canvas, 0, 0);
  ctx.save();
  ctx.scale(ratio, ratio);
  ctx.font = `${LEGEND.font}px ${UI.font}`;
  const left = width + 12;
  const top = 12;
  if (entries.length) {
    ctx.fillStyle = palette.labelBox;
    ctx.strokeStyle = palette.gridLine;
    ctx.fillRect(left, top, box.width, box.height);
    ctx.strokeRect(left, top, box.width, box.height);
    entries.forEach((e, i) => {
      const y = top + LEGEND.pad + i * LEGEND.row + LEGEND.row / 2;
      ctx.fillStyle = e.color;
      ctx.strokeStyle = e.color;
      if (e.shape === "dot") {
        ctx.beginPath();
        ctx.arc(left + LEGEND.pad + 6, y, 5, 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(left + LEGEND.pad, y);
        ctx.lineTo(left + LEGEND.pad + 14, y);
        ctx.stroke();
      }
      ctx.fillStyle = palette.labelColor;
      ctx.textBaseline = "middle";
      ctx.fillText(e.name, left + LEGEND.pad + LEGEND.swatch, y);
    });
  }
  if (band) {
    ctx.fillStyle = palette.gridLine;
    ctx.fillRect(0, tall, full, 1);
    ctx.textBaseline = "top";
    captionLines.forEach(({ line, bold }, i) => {
      ctx.font = `${bold ? "bold " : ""}${CAPTION.font}px ${UI.font}`;
      ctx.fillStyle = palette.labelColor;
      ctx.fillText(line, CAPTION.pad, tall + CAPTION.pad + i * CAPTION.line);
    });
  }
  ctx.restore();
  return new Promise((resolve, reject) =>
    picture.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the picture could not be made"))),
      "image/png",
    ),
  );
}

const esc = xmlText;

/** sigma colours may carry alpha (#RRGGBBAA): SVG wants the colour and the opacity apart. */
function paint(color: string): { color: string; opacity: number } {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(color);
  return m ? { color: `#${m[1]}`, opacity: Number.parseInt(m[2]!, 16) / 255 } : { color, opacity: 1 };
}

/** A renderer's edges with arrowheads, its nodes and, with `labels`, the labels sigma shows, as SVG. */
function svgItems(renderer: Renderer, palette: Palette, labels: boolean): string[] {
  const graph = renderer.getGraph();
  const at = (id: string) => {
    const d = renderer.getNodeDisplayData(id)!;
    return { ...renderer.framedGraphToViewport(d), r: renderer.scaleSize(d.size), d };
  };
  const out = ['<g class="edges">'];
  graph.forEachEdge((id, _, source, target) => {
    const e = renderer.getEdgeDisplayData(id);
    const s = renderer.getNodeDisplayData(source);
    const t = renderer.getNodeDisplayData(target);
    if (!e || e.hidden || !s || s.hidden || !t || t.hidden) return;
    const a = at(source);
    const b = at(target);
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // Stop at the target's rim, so the arrowhead shows.
    const x2 = b.x - ((b.x - a.x) / len) * b.r;
    const y2 = b.y - ((b.y - a.y) / len) * b.r;
    const p = paint(e.color);
    out.push(
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${p.color}" stroke-opacity="${p.opacity.toFixed(2)}" stroke-width="${Math.max(0.5, e.size).toFixed(1)}" marker-end="url(#arrow)"/>`,
    );
  });
  out.push("</g>", '<g class="nodes">');
  const texts: string[] = [];
  graph.forEachNode((id) => {
    const n = renderer.getNodeDisplayData(id);
    if (!n || n.hidden) return;
    const { x, y, r } = at(id);
    out.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${paint(n.color).color}"/>`,
    );
    if (labels && n.label && (n.forceLabel || n.highlighted || r >= 4))
      texts.push(
        `<text x="${(x + r + 3).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="${UI.labelSize}" fill="${palette.labelColor}">${esc(n.label)}</text>`,
      );
  });
  out.push("</g>", '<g class="labels">', ...texts, "</g>");
  return out;
}

/**
 * An SVG of the view: edges with arrowheads, nodes, the labels sigma shows, and the legend. What
 * is lit is drawn over the graph, which is faded as the canvas's veils fade it, without its labels.
 */
export function toSvg(view: View, options: PictureOptions): string {
  const palette = paletteOf(options);
  const { width, height } = view.graph.getDimensions();
  const entries = legendOf(view, options);
  const box = legendBox(entries, (t) => t.length * LEGEND.font * 0.6);
  const full = width + (entries.length ? box.width + 24 : 0);
  const tall = Math.max(height, box.height + 24);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(full)}" height="${Math.ceil(tall)}" viewBox="0 0 ${Math.ceil(full)} ${Math.ceil(tall)}" font-family="${esc(UI.font)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
  ];
  if (options.background) out.push(`<rect width="100%" height="100%" fill="${palette.background}"/>`);
  // Each part faded by the veils of the layers over it.
  const parts = [{ renderer: view.graph, id: "graph" }, ...view.layers.map((l) => ({ ...l, id: "lit" }))];
  parts.forEach(({ renderer, id }, i) => {
    const opacity = view.layers.slice(i).reduce((o, l) => o * (1 - l.veil), 1);
    const faded = opacity < 1 ? ` opacity="${opacity.toFixed(2)}"` : "";
    // The graph's labels give way to the layers' while something is lit, as on screen.
    const labels = i > 0 || parts.length === 1;
    out.push(`<g id="${id}${i > 1 ? i : ""}"${faded}>`, ...svgItems(renderer, palette, labels), "</g>");
  });
  if (entries.length) {
    const left = width + 12;
    const top = 12;
    out.push(
      `<g id="legend" font-size="${LEGEND.font}"><rect x="${left}" y="${top}" width="${box.width}" height="${box.height}" fill="${palette.labelBox}" fill-opacity="0.92" stroke="${palette.gridLine}"/>`,
    );
    entries.forEach((e, i) => {
      const y = top + LEGEND.pad + i * LEGEND.row + LEGEND.row / 2;
      out.push(
        e.shape === "dot"
          ? `<circle cx="${left + LEGEND.pad + 6}" cy="${y}" r="5" fill="${e.color}"/>`
          : `<line x1="${left + LEGEND.pad}" y1="${y}" x2="${left + LEGEND.pad + 14}" y2="${y}" stroke="${e.color}" stroke-width="2"/>`,
        `<text x="${left + LEGEND.pad + LEGEND.swatch}" y="${y + 4}" fill="${palette.labelColor}">${esc(e.name)}</text>`,
      );
    });
    out.push("</g>");
  }
  out.push("</svg>", "");
  return out.join("\n");
}
