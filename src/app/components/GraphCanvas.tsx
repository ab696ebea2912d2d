// The sigma canvas. Sigma renders once in its constructor, so it is created in an effect and
// killed in that effect's cleanup: React StrictMode's double mount never leaves a second instance.
// The drawn graph, the layout and the timeline layer are rebuilt with it, from the canonical graph.
// Filters reach sigma through reducers and a refresh, never by rewriting the drawn graph; what a
// hover, a selection or an answer lights is drawn by the lit layers over it (litLayer.ts), so that
// the graph's own sigma is not redrawn for it. Nor is it for a new theme: labels are drawn in the
// live palette's colour, which a render reads.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createNodeBorderProgram } from "@sigma/node-border";
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { createNormalizationFunction, graphExtent } from "sigma/utils";
import { nextTask, type Progress } from "../data/steps";
import { nextFrame, pause, type CanonicalGraph } from "../data/loadGraph";
import {
  buildSceneInSteps,
  EDGE_TYPE,
  type DrawnEdge,
  type DrawnGraph,
  type DrawnNode,
  type MeasureText,
  type Scene,
  MIN_CAMERA_RATIO,
  viewSettings,
  zoomToSize,
} from "../graph/scene";
import { reduceEdge, reduceNode, showsAll as showsEverything } from "../graph/reducers";
import {
  focusSteps,
  hoverSteps,
  LIT_AT_ONCE,
  litSize,
  type Focus,
  type Highlight,
  type Lit,
} from "../graph/lit";
import { layerLighting } from "../graph/litParts";
import { attachLighting, type Lighting } from "../graph/litLayer";
import { changeInParts, TAKE_IN_AT_ONCE } from "../graph/takeInParts";
import type { View } from "../export/picture";
import { i18n } from "../i18n";
import { attachTimelineLayer } from "../graph/timelineLayer";
import type { Visible } from "../state/filters";
import type { Camera, Layout, Theme } from "../state/viewState";
import { paletteOf, UI, type Palette } from "../theme";
import type { CameraState, NodeDisplayData, PartialButFor } from "sigma/types";
import { NetworkNote, ProgressNote, StoppedNote, type DrawStage } from "./ProgressNote";
import { layOut } from "../layout/layoutWorker";
import { networkPlan } from "../layout/network";
import { layOutNetwork, type Network, type NetworkPositions, type NetworkProgress } from "../layout/networkWorker";

const STAGE_PADDING = 16;
/** The least extent, in layout pixels, a framed group is given: about three years, or ten rows. */
const MIN_FRAME_EXTENT = 150;

/** Rings (organisations, bodies) and targets (events): the shape channel of KIND_SHAPES. */
const NODE_PROGRAMS = {
  ring: createNodeBorderProgram<DrawnNode, DrawnEdge>({
    borders: [
      { size: { value: 0.35 }, color: { attribute: "color" } },
      { size: { fill: true }, color: { value: "#ffffff" } },
    ],
  }),
  target: createNodeBorderProgram<DrawnNode, DrawnEdge>({
    borders: [
      { size: { value: 0.22 }, color: { attribute: "color" } },
      { size: { value: 0.22 }, color: { value: "#ffffff" } },
      { size: { fill: true }, color: { attribute: "color" } },
    ],
  }),
};

const SETTINGS: Partial<Settings<DrawnNode, DrawnEdge>> = {
  nodeProgramClasses: NODE_PROGRAMS,
  defaultEdgeType: EDGE_TYPE,
  renderLabels: true,
  labelFont: UI.font,
  labelSize: UI.labelSize,
  labelWeight: "normal",
  // The layout keeps labels apart at the initial zoom, where every node (size >= 5) is labelled;
  // zooming out shrinks nodes, so leaves lose their labels first, then everything but the hubs.
  // How many labels, and how close the camera comes, depend on the layout (viewSettings).
  labelRenderedSizeThreshold: 5,
  hideEdgesOnMove: true,
  stagePadding: STAGE_PADDING,
  // Farther than this, lane names pile up.
  maxCameraRatio: 1.6,
  zoomToSizeRatioFunction: zoomToSize,
};

/** A node's label, in the theme's colour: drawn at each render, so a new theme needs no refresh. */
function drawLabel(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">,
  settings: Settings<DrawnNode, DrawnEdge>,
  palette: Palette,
) {
  if (!data.label) return;
  context.fillStyle = palette.labelColor;
  context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  context.fillText(data.label, data.x + data.size + 3, data.y + settings.labelSize / 3);
}

/**
 * A highlighted or hovered node's label, on a box of the theme's colour (sigma's own box is
 * always white, which a light label on the dark theme cannot be read on).
 */
function drawLabelBox(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">,
  settings: Settings<DrawnNode, DrawnEdge>,
  palette: Palette,
) {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  context.shadowBlur = 8;
  context.shadowColor = "rgba(0,0,0,0.45)";
  context.fillStyle = palette.labelBox;
  context.beginPath();
  context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.fill();
  if (data.label) {
    const w = context.measureText(data.label).width;
    context.fillRect(data.x + data.size, data.y - size / 2 - 3, w + 8, size + 6);
  }
  context.shadowBlur = 0;
  if (!data.label) return;
  context.fillStyle = palette.labelColor;
  context.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
}

/**
 * Label widths for the layout, as the canvas draws them: a sum of each character's width, each
 * measured once per font. At 100k labels that is a table lookup per character instead of a text
 * layout per label (about 1.5 s); kerning is left out, a fraction of a pixel a label.
 */
function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  const widths = new Map<string, Map<string, number>>();
  return (text, font) => {
    if (!context) return text.length * 6.5;
    let known = widths.get(font);
    if (!known) widths.set(font, (known = new Map()));
    let width = 0;
    for (const ch of text) {
      let w = known.get(ch);
      if (w === undefined) {
        context.font = font;
        known.set(ch, (w = context.measureText(ch).width));
      }
      width += w;
    }
    return width;
  };
}

/** What the export menu needs of the canvas: the renderer, its scene, and the layout on screen. */
export interface CanvasHandle {
  renderer: Sigma<DrawnNode, DrawnEdge>;
  /** What the canvas shows, for pictures: the graph's sigma, and the lit layer's while something is lit. */
  view(): View;
  scene: Scene;
  timeline(): boolean;
  /** The theme's colours the canvas is drawn in. */
  palette(): Palette;
  /**
   * Shows a highlight at once, the camera framing it without animation (for pictures of a
   * story's steps); returns how to put back what was shown before it.
   */
  showFrame(highlight: Highlight): () => void;
}

export interface GraphCanvasProps {
  graph: CanonicalGraph;
  visible: Visible;
  selected: string | null;
  camera: Camera | null;
  layout: Layout;
  theme?: Theme;
  /** The query's answer, lit on the canvas and framed when it changes. */
  answer: Highlight | null;
  onSelect(id: string | null): void;
  onCamera(camera: Camera): void;
  /** Called with the canvas once sigma draws it, and with null when it goes. */
  onReady?(handle: CanvasHandle | null): void;
  /** Called when a layout could not be made, with the layout the canvas stays on. */
  onLayoutFailed?(kept: Layout): void;
}

/** Which lit layers to draw again: the focus's (an answer, a selection), the hover's, or both. */
type Which = "focus" | "hover" | "both";

/** The network layout while it is made: rounds done of its total, and a way to stop it there. */
type NetworkRun = NetworkProgress & { stop: () => void };

/** How long each canvas's last frame took: from sigma's drawing to the next frame the page may start. */
const frameTimes = new WeakMap<object, number>();

/**
 * Moves the camera to `state` in an animation of `duration` ms, or at once when the canvas's last
 * frame took longer than that: such an animation has no frame to show but its last, and makes the
 * wait for it longer (at 100,000 texts in a software renderer, a frame takes seconds, and the
 * animation drew two more of them).
 */
function moveCamera(renderer: Sigma<DrawnNode, DrawnEdge>, state: Partial<CameraState>, duration: number) {
  const camera = renderer.getCamera();
  if ((frameTimes.get(renderer) ?? 0) > duration) camera.setState(state);
  else void camera.animate(state, { duration });
}

/** The nodes the camera frames for a highlight: its own choice, else all of them. */
const framed = (highlight: Highlight): string[] => [...(highlight.frame ?? highlight.nodes)];

/**
 * The most nodes and edges a graph may have for the network layout to be shown as it is made:
 * sigma takes each report's positions in by processing every node and edge again (at 12,000
 * texts and 74,000 citations, seconds of the page's time each in the software renderer here).
 */
const LIVE_LAYOUT_ITEMS = 10_000;

/** Where each node is in a layout, and how big: a crowded timeline draws some nodes half size. */
type Positions = Map<string, { x: number; y: number; size: number }>;

function positionsOf(graph: DrawnGraph): Positions {
  const out: Positions = new Map();
  graph.forEachNode((id, a) => out.set(id, { x: a.x, y: a.y, size: a.size }));
  return out;
}

function applyPositions(graph: DrawnGraph, positions: Positions) {
  graph.updateEachNodeAttributes((id, a) => ({ ...a, ...positions.get(id) }), {
    attributes: ["x", "y", "size"],
  });
}

/**
 * Why a canvas is busy: drawing a graph taken in by parts, lighting a layer. It says so to
 * assistive technology and tests (aria-busy) while any reason holds.
 */
const busyReasons = new WeakMap<HTMLElement, Set<string>>();

function markBusy(container: HTMLElement, reason: string, on: boolean): void {
  let reasons = busyReasons.get(container);
  if (!reasons) busyReasons.set(container, (reasons = new Set()));
  if (on) reasons.add(reason);
  else reasons.delete(reason);
  container.setAttribute("aria-busy", String(reasons.size > 0));
}

/** Drawings by parts begun: each is a reason of its own to be busy. */
let drawings = 0;

/**
 * Has sigma take `change` in by parts (changeInParts), saying over the canvas how far it has got
 * with the `items` nodes and edges drawn (ten times a second at most: each is a render of the
 * page's React tree), then nothing. Resolves true once drawn, false if dropped (the note is then
 * the next drawing's). What fails is reported, and drawn whole at sigma's next frame: true too.
 */
async function drawInParts(
  renderer: Sigma<DrawnNode, DrawnEdge>,
  change: () => void,
  items: number,
  say: (progress: Progress<DrawStage> | null) => void,
  options: { signal?: AbortSignal; everything?: boolean } = {},
): Promise<boolean> {
  let at = 0;
  say({ stage: "draw", done: 0, total: items });
  const container = renderer.getContainer();
  const reason = `drawing ${++drawings}`; // a drawing joined by the next still ends on its own
  markBusy(container, reason, true);
  try {
    await changeInParts(renderer, change, {
      ...options,
      onProgress: (done, total) => {
        if (performance.now() - at < 100) return;
        at = performance.now();
        say({ stage: "draw", done: Math.max(1, Math.round((done / total) * items)), total: items });
      },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") return false;
    reportError(err); // (the renderer, left part way, takes its whole graph in at its next frame)
  } finally {
    markBusy(container, reason, false);
  }
  // Left, the drawing being another's it had joined: that one says how far it has got.
  if (options.signal?.aborted) return false;
  say(null);
  return true;
}

/**
 * Moves the camera so that `nodes` (those visible) fill the part of the canvas the panels lying
 * over it leave free: the results on the left, the details on the right.
 */
function frame(
  renderer: Sigma<DrawnNode, DrawnEdge>,
  container: HTMLElement,
  nodes: string[],
  visible: Visible,
  animate = true,
  /** Whether panels lie over the canvas (on screen), or not (a picture of the canvas alone). */
  overlays = true,
) {
  const drawn = renderer.getGraph();
  const shown = nodes.filter((n) => drawn.hasNode(n) && visible.nodes.has(n));
  if (!shown.length) return;
  // Where sigma draws the nodes, from the graph and the frame it is drawn in, not from sigma's
  // cache of what it drew: that copies each node's data (a quarter of a second for an answer of
  // 100,000 nodes), and holds the old positions while sigma takes a new layout in by parts.
  const whole = renderer.getCustomBBox() ?? graphExtent(drawn);
  const framedOf = createNormalizationFunction(whole);
  const asDrawn = {
    getGraph: () => drawn,
    getNodeDisplayData: (node: string) => framedOf(drawn.getNodeAttributes(node)),
    getCustomBBox: () => whole,
    getBBox: () => whole,
    getDimensions: () => renderer.getDimensions(),
    getCamera: () => renderer.getCamera(),
  };
  const fit = getCameraStateToFitViewportToNodes(
    asDrawn as unknown as Parameters<typeof getCameraStateToFitViewportToNodes>[0],
    shown,
  );
  const { width, height } = renderer.getDimensions();
  // @sigma/utils fits a group with no width (texts of one date) to the whole graph's width, and
  // one with no height (one row) to its height: such a group gets a small extent of its own.
  const box = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  for (const n of shown) {
    const { x, y } = drawn.getNodeAttributes(n);
    box.x = [Math.min(box.x[0]!, x), Math.max(box.x[1]!, x)];
    box.y = [Math.min(box.y[0]!, y), Math.max(box.y[1]!, y)];
  }
  const bbox = whole;
  const extent = ([lo, hi]: number[], whole: [number, number]) => {
    const e = hi! - lo!;
    // As much smaller as the camera may come closer than usual: a crowded timeline's squeezed rows
    // part as close as its labels have room (viewSettings).
    const least =
      (MIN_FRAME_EXTENT * (renderer.getSetting("minCameraRatio") ?? MIN_CAMERA_RATIO)) / MIN_CAMERA_RATIO;
    return { util: e || whole[1] - whole[0] || 1, mine: Math.max(e, least) };
  };
  const ex = extent(box.x, bbox.x);
  const ey = extent(box.y, bbox.y);
  const chosen = (w: number, h: number) => (h / w < height / width ? w : h);
  fit.ratio *= chosen(ex.mine, ey.mine) / chosen(ex.util, ey.util);
  const stage = overlays ? container.parentElement : null;
  const left = stage?.querySelector<HTMLElement>(".results-panel")?.offsetWidth ?? 0;
  const right = stage?.querySelector<HTMLElement>(".details-panel")?.offsetWidth ?? 0;
  // A story's caption lies over the canvas's foot.
  const bottom = stage?.querySelector<HTMLElement>(".story-panel")?.offsetHeight ?? 0;
  const free = Math.max(width - left - right, width / 3);
  const freeHeight = Math.max(height - bottom, height / 3);
  // A margin, so that nodes at the group's edges are not cut by the canvas's.
  const target = { ...fit, ratio: 1.12 * fit.ratio * Math.max(width / free, height / freeHeight) };
  // Shift so the group's centre lands in the middle of the free part.
  const a = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 }, { cameraState: target });
  const b = renderer.viewportToFramedGraph(
    { x: width / 2 + (right - left) / 2, y: height / 2 + bottom / 2 },
    { cameraState: target },
  );
  const state = { ...target, x: target.x + (b.x - a.x), y: target.y + (b.y - a.y) };
  if (animate) moveCamera(renderer, state, 400);
  else renderer.getCamera().setState(state);
}

export function GraphCanvas({
  graph,
  visible,
  selected,
  camera,
  layout,
  theme = "light",
  answer,
  onSelect,
  onCamera,
  onReady,
  onLayoutFailed,
}: GraphCanvasProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Sigma<DrawnNode, DrawnEdge> | null>(null);
  /**
   * Draws again what the view lights (the lit layers: the focus, the hover, or both), once sigma is
   * made; and lights nothing while a layout runs (the layers' positions would lag behind the
   * graph's: ForceAtlas2 moves the nodes in place).
   */
  const litRef = useRef<{
    relight(which?: Which): void;
    suspend(on: boolean): void;
    /**
     * Runs `move` once the focus is lit: now, or when what is being lit in parts is shown. Returns
     * what drops it, if it is still waiting (the answer it frames is gone).
     */
    whenLit(move: () => void): () => void;
  } | null>(null);
  const sceneRef = useRef<{ scene: Scene; showTimeline(shown: boolean): void } | null>(null);
  /** Each layout's positions, kept when it is left so that coming back restores it. */
  const positions = useRef<Partial<Record<Layout, Positions>>>({});
  const current = useRef<Layout>("chrono");
  // Reducers read the latest view from here, so a change needs a refresh, not a new sigma.
  const live = useRef<Focus>({
    visible,
    selected,
    hovered: null,
    answer,
    palette: paletteOf(theme),
  });
  const callbacks = useRef({ onSelect, onCamera, onReady, onLayoutFailed });
  useEffect(() => {
    callbacks.current = { onSelect, onCamera, onReady, onLayoutFailed };
  }, [onSelect, onCamera, onReady, onLayoutFailed]);
  const initialCamera = useRef(camera);
  const [progress, setProgress] = useState<Progress<DrawStage> | null>(null);
  /** How far the network layout has got, while it is made, and how to stop it where it is. */
  const [network, setNetwork] = useState<NetworkRun | null>(null);
  // Why the network could not be made, said while the canvas stays on the layout it kept, until
  // another layout is asked for or another graph comes (adjusting state while rendering).
  const [failed, setFailed] = useState<{ reason: string; kept: Layout; goingOn: boolean } | null>(null);
  // A network stopped before its last round, and how to go on from there (the layout's effect).
  const [stopped, setStopped] = useState<Network | null>(null);
  const goOnRef = useRef<((stopped: Network) => void) | null>(null);
  const [asked, setAsked] = useState({ layout, graph });
  if (asked.layout !== layout || asked.graph !== graph) {
    setAsked({ layout, graph });
    if (failed && (asked.graph !== graph || layout !== failed.kept)) setFailed(null);
    if (stopped && asked.graph !== graph) setStopped(null);
  }
  const [made, setMade] = useState<{ graph: CanonicalGraph; scene: Scene } | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  if (failure) throw failure; // to the panel's error boundary

  // The scene is made in steps, with their progress shown over the canvas; sigma draws it once made.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const controller = new AbortController();
    setMade(null); // the scene of the graph before is let go while the new one is made
    const box = {
      width: container.clientWidth - 2 * STAGE_PADDING,
      height: container.clientHeight - 2 * STAGE_PADDING,
    };
    buildSceneInSteps(
      graph,
      box,
      canvasMeasure(),
      { onProgress: setProgress, pause, signal: controller.signal },
      layOut,
    )
      .then(async (scene) => {
        performance.mark("recital:scene"); // the load benchmark's phases (test/bench/load.ts)
        // Sigma's first drawing blocks the page for as long as it takes: say so before it starts.
        setProgress({ stage: "draw", done: 0, total: scene.drawn.order + scene.drawn.size });
        await nextFrame();
        if (!controller.signal.aborted) setMade({ graph, scene });
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setFailure(err instanceof Error ? err : new Error(String(err)));
      });
    return () => controller.abort();
  }, [graph]);
  const ready = made?.graph === graph ? made.scene : null;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !ready) return;
    const scene = ready;
    // Sigma draws its first frame in its constructor, and the box it frames can only be set on the
    // renderer: it is made on an empty graph and given the scene once framed, so that the graph is
    // processed and drawn once, not twice (at 100k nodes, each time is seconds).
    // The visible sets are parts of the canonical graph: all of it is shown when their sizes are its own.
    const showsAll = () => showsEverything(live.current.visible, graph.order, graph.size);
    const making = performance.now();
    const renderer = new Sigma<DrawnNode, DrawnEdge>(new MultiDirectedGraph(), container, {
      ...SETTINGS,
      ...viewSettings("chrono", scene.layout.crowding),
      defaultDrawNodeLabel: (context, data, settings) =>
        drawLabel(context, data, settings, live.current.palette!),
      defaultDrawNodeHover: (context, data, settings) =>
        drawLabelBox(context, data, settings, live.current.palette!),
      nodeReducer: (node, data) => (showsAll() ? data : reduceNode(node, data, live.current.visible)),
      edgeReducer: (edge, data) => (showsAll() ? data : reduceEdge(edge, data, live.current.visible)),
    });
    // For the load benchmark: sigma made (WebGL contexts, shaders, canvases), a task no page can split.
    performance.measure("recital:sigma-made", { start: making, end: performance.now() });
    rendererRef.current = renderer;
    const showBands = attachTimelineLayer(renderer, scene, () => live.current.palette!);
    positions.current = { chrono: positionsOf(scene.drawn) };
    current.current = "chrono";
    container.dataset.layout = "chrono";

    // What is lit, drawn over the graph: made once the graph is drawn (below), with its settings.
    let lighting: Lighting | null = null;
    let suspended = false;
    /** The node whose neighbourhood the hover's layer shows, if any. */
    let hoverShown: string | null = null;
    live.current.hovered = null; // a node hovered on a canvas before this one is no longer
    // Each layer lights at once what is small, and in parts what is large (litParts.ts), and
    // its sigma takes a large lit graph in by parts too (takeInParts.ts): the canvas is busy
    // meanwhile, and says so to assistive technology and tests.
    const lightingBusy = { focus: false, hover: false };
    const takingIn: Record<"focus" | "hover", AbortController | null> = { focus: null, hover: null };
    const busy = {
      get focus() {
        return lightingBusy.focus || takingIn.focus !== null;
      },
      get hover() {
        return lightingBusy.hover || takingIn.hover !== null;
      },
    };
    const sayBusy = () => {
      const any = busy.focus || busy.hover;
      markBusy(container, "focus", busy.focus);
      markBusy(container, "hover", busy.hover);
      if (any) container.dataset.lighting = busy.focus ? "focus" : "hover";
      else delete container.dataset.lighting;
    };
    const onBusy = (layer: "focus" | "hover") => (on: boolean) => {
      lightingBusy[layer] = on;
      sayBusy();
    };
    const layers = {
      focus: layerLighting(onBusy("focus"), reportError),
      hover: layerLighting(onBusy("hover"), reportError),
    };
    /** Lights a layer again; `now`: at once whatever its size (a picture is taken next). */
    const relight = (which: Which = "both", now = false) => {
      if (!lighting) return;
      // Timed for the load benchmark: what lighting costs, where it once redrew the whole graph.
      // Only the last lighting's entries are read; hovers come by the hundred.
      performance.clearMeasures("recital:light");
      const start = performance.now();
      const [f, all] = [live.current, showsAll()];
      for (const layer of which === "both" ? (["focus", "hover"] as const) : [which]) {
        if (suspended) {
          layers[layer].cancel();
          show(layer, null);
          continue;
        }
        const steps = (layer === "focus" ? focusSteps : hoverSteps)(scene.drawn, f, all);
        const atOnce = now || litSize(scene.drawn, f, layer) <= LIT_AT_ONCE;
        // What is lit in parts is not what was lit before: that goes at once. But for the hovered
        // node's neighbourhood lit again for the same node (a click on it selects it, and the
        // focus changes below it): that stays until its new lighting is ready.
        const same = layer === "hover" && f.hovered !== null && f.hovered === hoverShown;
        if (!atOnce && !same) show(layer, null);
        layers[layer].light(steps, atOnce, (lit) => {
          const measure = () => performance.measure("recital:light", { start, end: performance.now() });
          const drawn = show(layer, lit, !now);
          if (drawn) void drawn.then((shown) => shown && measure());
          else measure();
        });
      }
    };
    // A camera move waiting for the focus to be lit (whenLit): one frame draws both, where the
    // graph was drawn twice, moved then lit (at 100k texts in a software renderer, seconds each).
    let afterFocus: (() => void) | null = null;
    const moveAfterFocus = () => {
      if (!afterFocus || busy.focus) return;
      const move = afterFocus;
      afterFocus = null;
      move();
    };
    /**
     * Shows what a layer lights: at once, or, when it is large and `inParts`, taken in by its
     * sigma in parts (the promise resolves once drawn, true; false if dropped or failed). What
     * the layer was still taking in goes.
     */
    const show = (layer: "focus" | "hover", lit: Lit | null, inParts = false): Promise<boolean> | undefined => {
      const dropped = takingIn[layer];
      takingIn[layer] = null;
      dropped?.abort();
      // The camera first (the graph's sigma draws at the next frame), so that the layer, made at
      // once where the camera now is, is drawn once, not once here and once there.
      if (layer === "focus") moveAfterFocus();
      if (layer === "hover") hoverShown = lit ? live.current.hovered : null;
      // For tests and the benchmark: how much each layer lights ("nodes,edges"), once drawn.
      const said = () =>
        (container.dataset[layer === "focus" ? "litFocus" : "litHover"] = lit ? `${lit.order},${lit.size}` : "");
      if (lit && inParts && lighting && lit.order + lit.size > TAKE_IN_AT_ONCE) {
        const job = new AbortController();
        takingIn[layer] = job;
        sayBusy();
        return lighting.showInParts(layer, lit, job.signal).then(
          () => {
            if (takingIn[layer] !== job) return false;
            takingIn[layer] = null;
            said();
            sayBusy();
            if (layer === "focus") moveAfterFocus();
            return true;
          },
          (err: unknown) => {
            if (job.signal.aborted) return false; // another lighting came: nothing to say
            if (takingIn[layer] === job) takingIn[layer] = null;
            if (layer === "hover") hoverShown = null;
            sayBusy();
            reportError(err);
            return false;
          },
        );
      }
      if (dropped) sayBusy();
      if (layer === "focus") lighting?.show(lit, undefined);
      else lighting?.show(undefined, lit);
      said();
      return undefined;
    };
    litRef.current = {
      relight,
      suspend(on) {
        suspended = on;
        relight();
      },
      whenLit(move) {
        if (!busy.focus) {
          move();
          return () => {};
        }
        afterFocus = move;
        return () => {
          if (afterFocus === move) afterFocus = null;
        };
      },
    };
    sceneRef.current = {
      scene,
      showTimeline: (shown) => {
        showBands(shown);
        lighting?.showTimeline(shown);
      },
    };
    renderer.on("enterNode", ({ node }) => {
      live.current.hovered = node;
      container.dataset.hovered = node;
      container.style.cursor = "pointer";
      relight("hover");
    });
    renderer.on("leaveNode", () => {
      live.current.hovered = null;
      delete container.dataset.hovered;
      container.style.cursor = "";
      relight("hover");
    });
    // What is lit is drawn over the graph, larger where it is selected or an answer's end: a click
    // on it is a click on it, even where the graph's sigma has another node or none.
    renderer.on("clickNode", ({ node, event }) =>
      callbacks.current.onSelect(lighting?.nodeAt(event) ?? node),
    );
    renderer.on("clickStage", ({ event }) => callbacks.current.onSelect(lighting?.nodeAt(event) ?? null));

    // Development builds only (the browser tests): where a node is on screen, to hover and click it.
    if (import.meta.env.DEV) {
      (window as unknown as { recitalTest?: object }).recitalTest = {
        nodeOnScreen: (id: string) => {
          const d = renderer.getNodeDisplayData(id);
          return d ? renderer.framedGraphToViewport(d) : null;
        },
        nodeSize: (id: string) => renderer.getNodeDisplayData(id)?.size ?? null,
        /** Where the node is in the layout drawn (graph coordinates). */
        nodePosition: (id: string) => {
          const { x, y } = renderer.getGraph().getNodeAttributes(id);
          return { x, y };
        },
        /** How long the canvas's last frame took (moveCamera); `ms`: as if it had taken that long. */
        frameMs: (ms?: number) => {
          if (ms !== undefined) frameTimes.set(renderer, ms);
          return frameTimes.get(renderer) ?? null;
        },
        /** The node's radius on screen, as the graph's sigma draws it. */
        nodeRadius: (id: string) => {
          const d = renderer.getNodeDisplayData(id);
          return d ? renderer.scaleSize(d.size) : null;
        },
        /** Where the topmost lit layer that lights the node draws it, and how large. */
        litOnScreen: (id: string) => {
          for (const { renderer: layer } of [...(lighting?.shown() ?? [])].reverse()) {
            const d = layer.getGraph().hasNode(id) ? layer.getNodeDisplayData(id) : undefined;
            if (d) return { ...layer.framedGraphToViewport(d), radius: layer.scaleSize(d.size) };
          }
          return null;
        },
      };
    }
    // For tests (and only for them): what is drawn, and whether sigma has rendered it.
    container.dataset.nodes = String(scene.drawn.order);
    container.dataset.edges = String(scene.drawn.size);
    // Each frame timed, to the next frame the page may start: the renderer has drawn it by then
    // (moveCamera). Not across a time the page was hidden, when no frame comes. The first drawing
    // is timed below, to the end of sigma's indexing and processing of the whole graph.
    let frameStart = 0;
    let measuring = false;
    let hidden = 0;
    const onVisibility = () => hidden++;
    document.addEventListener("visibilitychange", onVisibility);
    renderer.on("beforeRender", () => (frameStart = performance.now()));
    renderer.on("afterRender", () => {
      const [start, since] = [frameStart, hidden];
      if (measuring && !document.hidden)
        requestAnimationFrame(() => {
          if (hidden === since) frameTimes.set(renderer, performance.now() - start);
        });
    });
    renderer.once("afterRender", () => {
      container.dataset.rendered = "true";
      // For the load benchmark (test/bench/load.ts): when the explorer first showed the graph. Sigma
      // has drawn; the frame that holds it is committed at the next frame, and is on screen when
      // the one after may start.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!performance.getEntriesByName("recital:first-render").length)
            performance.mark("recital:first-render");
        }),
      );
    });
    renderer.setCustomBBox(scene.bbox);
    if (initialCamera.current) renderer.getCamera().setState(initialCamera.current);
    // A large scene is taken in by sigma in parts (takeInParts.ts), the drawing's progress said
    // over the canvas, then drawn in one task; a small one at once. Meanwhile the page goes on:
    // what is lit is drawn over the canvas, and the camera framed, as soon as asked.
    const items = scene.drawn.order + scene.drawn.size;
    let announce = () => {}; // (below)
    const drawing = performance.now();
    if (items <= TAKE_IN_AT_ONCE) {
      renderer.setGraph(scene.drawn);
      // For the load benchmark: sigma's own first drawing, a task the page cannot split.
      performance.measure("recital:sigma-draw", { start: drawing, end: performance.now() });
      frameTimes.set(renderer, performance.now() - drawing);
    } else {
      // For the load benchmark: the drawing once taken in, the task that cannot be split.
      let drawStart = drawing;
      renderer.once("beforeRender", () => (drawStart = performance.now()));
      void drawInParts(renderer, () => renderer.setGraph(scene.drawn), items, setProgress).then((drawn) => {
        if (!drawn) return; // the canvas went
        performance.measure("recital:sigma-draw", { start: drawStart, end: performance.now() });
        announce();
      });
    }
    measuring = true;
    lighting = attachLighting(renderer, scene, () => live.current.palette!);
    relight();
    void lighting.prepare(); // the layers' sigmas, each in a task of its own, unless made already
    const showCamera = ({ x, y, ratio }: Camera) => {
      container.dataset.camera = [x, y, ratio].map((n) => n.toFixed(3)).join(",");
    };
    showCamera(renderer.getCamera().getState());

    // The container changes size without the window doing so (panels shown or hidden, presenting):
    // sigma is told, and what is lit is framed again in the new space.
    let sized = { width: container.clientWidth, height: container.clientHeight };
    const resized = new ResizeObserver(() => {
      const now = { width: container.clientWidth, height: container.clientHeight };
      if (now.width === sized.width && now.height === sized.height) return;
      sized = now;
      renderer.resize();
      renderer.refresh();
      lighting?.follow();
      const lit = live.current.answer;
      if (lit?.nodes.size) frame(renderer, container, framed(lit), live.current.visible);
    });
    resized.observe(container);

    // The canvas writes words too (lane names, "undated"): redraw them in a new language.
    const redraw = () => {
      renderer.refresh();
      lighting?.follow();
    };
    i18n.on("languageChanged", redraw);

    let timer: ReturnType<typeof setTimeout> | undefined;
    renderer.getCamera().on("updated", (state) => {
      showCamera(state);
      clearTimeout(timer);
      timer = setTimeout(
        () => callbacks.current.onCamera({ x: state.x, y: state.y, ratio: state.ratio }),
        300,
      );
    });

    // The canvas is ready once drawn: then questions are prepared and search indexed (App), not
    // while sigma takes the graph in, which they would slow.
    announce = () => callbacks.current.onReady?.({
      renderer,
      view: () => {
        // A picture shows what is lit: what is still being lit in parts is lit now.
        for (const layer of ["focus", "hover"] as const) if (busy[layer]) relight(layer, true);
        return { graph: renderer, layers: lighting?.shown() ?? [], scene };
      },
      scene,
      timeline: () => current.current === "chrono",
      palette: () => live.current.palette!,
      showFrame: (highlight) => {
        const before = { answer: live.current.answer, camera: renderer.getCamera().getState() };
        live.current.answer = highlight;
        frame(renderer, container, framed(highlight), live.current.visible, false, false);
        relight("focus", true);
        return () => {
          live.current.answer = before.answer;
          renderer.getCamera().setState(before.camera);
          relight("focus");
        };
      },
    });

    if (items <= TAKE_IN_AT_ONCE) {
      setProgress(null); // (else once drawn)
      announce();
    }
    return () => {
      callbacks.current.onReady?.(null);
      resized.disconnect();
      clearTimeout(timer);
      i18n.off("languageChanged", redraw);
      document.removeEventListener("visibilitychange", onVisibility);
      const lit = lighting;
      lighting = null; // nothing is lit again by what is left to clean up
      for (const layer of ["focus", "hover"] as const) {
        const job = takingIn[layer];
        takingIn[layer] = null;
        job?.abort(); // (dropped, not failed: nothing to say)
      }
      layers.focus.cancel();
      layers.hover.cancel();
      // Nothing left lighting: the next canvas in this container starts not busy.
      markBusy(container, "focus", false);
      markBusy(container, "hover", false);
      lit?.kill();
      renderer.kill();
      rendererRef.current = null;
      litRef.current = null;
      sceneRef.current = null;
      delete container.dataset.nodes;
      delete container.dataset.edges;
      delete container.dataset.rendered;
    };
  }, [ready, graph]);

  // Filters: new reducer inputs, one refresh of the graph. Selection and the query's answer: the
  // lit layer drawn again.
  useEffect(() => {
    const renderer = rendererRef.current;
    // Sigma was just made with these very inputs (the page's first render): drawing again would
    // cost a whole frame, seconds at 100,000 nodes in a software renderer.
    const before = { ...live.current };
    const filtered = before.visible !== visible;
    // Both layers light the selection; only the focus's the answer.
    const relit: Which | null =
      filtered || before.selected !== selected ? "both" : before.answer !== answer ? "focus" : null;
    live.current.visible = visible;
    live.current.selected = selected;
    live.current.answer = answer;
    if (!renderer) return;
    if (filtered) {
      // Timed for the load benchmark: sigma reprocessing and redrawing every node and edge, by
      // parts when they are many (a task of seconds at 100k texts), saying how far it has got.
      const start = performance.now();
      const measure = () => performance.measure("recital:sigma-refresh", { start, end: performance.now() });
      const items = renderer.getGraph().order + renderer.getGraph().size;
      if (items <= TAKE_IN_AT_ONCE) {
        renderer.refresh({ skipIndexation: true });
        measure();
      } else
        void drawInParts(renderer, () => {}, items, setProgress, { everything: true }).then(
          (drawn) => drawn && measure(),
        );
    }
    if (relit) litRef.current?.relight(relit);
    containerRef.current?.setAttribute("data-visible-nodes", String(visible.nodes.size));
    if (answer) containerRef.current?.setAttribute("data-answer-nodes", String(answer.nodes.size));
    else containerRef.current?.removeAttribute("data-answer-nodes");
  }, [visible, selected, answer, ready]);

  // The theme: new colours for labels, the veil, answers and the timeline behind them.
  useEffect(() => {
    const palette = paletteOf(theme);
    const unchanged = live.current.palette === palette;
    live.current.palette = palette;
    containerRef.current?.setAttribute("data-theme", theme);
    const renderer = rendererRef.current;
    if (!renderer || unchanged) return;
    // Labels, hover boxes and the timeline read the palette as they are drawn: a render, not a refresh.
    renderer.scheduleRender();
    litRef.current?.relight("both");
  }, [theme, ready]);

  // A new selection brings the camera to it and its neighbours, so that its links are in view.
  useEffect(() => {
    const renderer = rendererRef.current;
    const container = containerRef.current;
    if (!renderer || !container || !selected || !renderer.getGraph().hasNode(selected)) return;
    frame(renderer, container, [selected, ...renderer.getGraph().neighbors(selected)], live.current.visible);
  }, [selected, ready]);

  // A new answer brings the camera to its nodes.
  useEffect(() => {
    const renderer = rendererRef.current;
    const container = containerRef.current;
    if (!renderer || !container || !answer || answer.nodes.size === 0) return;
    const move = () => frame(renderer, container, framed(answer), live.current.visible);
    if (litRef.current) return litRef.current.whenLit(move);
    move();
  }, [answer, ready]);

  // Layouts: chronological (the scene's own) or ForceAtlas2, run in a web worker the first time.
  // `current` is the layout whose positions the drawn graph holds, settled; an interrupted run
  // (a switch back, or StrictMode's second mount) is discarded and the settled positions restored.
  useEffect(() => {
    const renderer = rendererRef.current;
    const held = sceneRef.current;
    const container = containerRef.current;
    if (!renderer || !held || !container || layout === current.current) return;
    const drawn = held.scene.drawn;
    const from = current.current;
    // Each layout's positions are kept once settled (the timeline's with the scene, the network's
    // once made): copying the graph's again took 75 ms at 100k texts, and its collection more.
    positions.current[from] ??= positionsOf(drawn);
    /** The layout's positions, view settings, timeline and frame, on the graph and its sigma. */
    const setLayout = (at: Positions) => {
      applyPositions(drawn, at);
      current.current = layout;
      // Sigma indexes the whole graph again for each setting set, as it did for the new positions
      // (at 100k texts, 849,000 nodes and edges each time): the view's settings are set in one go,
      // and the graph drawn without indexing it once more.
      const view = viewSettings(layout, held.scene.layout.crowding);
      if (
        Object.entries(view).some(([key, value]) => renderer.getSetting(key as keyof typeof view) !== value)
      )
        renderer.setSettings(view);
      held.showTimeline(layout === "chrono");
      renderer.setCustomBBox(layout === "chrono" ? held.scene.bbox : null);
    };
    /** Once the layout is drawn: said, lit again, and the answer (or the whole graph) in view. */
    const settled = () => {
      container.dataset.layout = layout;
      container.dataset.layoutRunning = "false";
      litRef.current?.suspend(false);
      // The answer, if any, stays in view in the new layout; otherwise the whole graph.
      const answer = live.current.answer;
      if (answer?.nodes.size) frame(renderer, container, framed(answer), live.current.visible);
      else moveCamera(renderer, { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, 300); // the whole graph
    };
    // Sigma takes a large graph's new positions in, and draws them, in a task of seconds (at 100k
    // texts, 5-8 s before a frame of 30 s in the software renderer here): it takes them in by
    // parts (takeInParts.ts), the canvas saying how far it has got, and draws once. Leaving the
    // layout drops what is under way.
    const drop = new AbortController();
    let noted = false;
    const large = drawn.order + drawn.size > LIVE_LAYOUT_ITEMS;
    const draw = (at: Positions) => {
      if (!large) {
        setLayout(at);
        renderer.refresh({ partialGraph: {}, skipIndexation: false }); // processed and drawn, not indexed
        return settled();
      }
      noted = true;
      void drawInParts(renderer, () => setLayout(at), drawn.order + drawn.size, setProgress, {
        signal: drop.signal,
      }).then((shown) => {
        if (!shown) return; // left
        noted = false;
        settled();
      });
    };
    // A small graph is shown as ForceAtlas2 moves it, with nothing lit (it would lag behind); a
    // large one stays as it was, and usable, until its network is made: sigma takes seconds to
    // take in 100,000 new positions, which it would do at every report.
    // A network going on from where it was stopped goes back there; a first one, to the layout before.
    let goingOn: Network | null = null;
    const restore = () => {
      if (large) return;
      const to = goingOn ? layout : from;
      const settled = positions.current[to];
      if (settled) applyPositions(drawn, settled);
      held.showTimeline(to === "chrono");
      renderer.setCustomBBox(to === "chrono" ? held.scene.bbox : null);
      litRef.current?.suspend(false);
    };
    /**
     * ForceAtlas2 in its worker, the first time the network is asked for, or going on from a
     * network stopped before its last round.
     */
    const layOutAsNetwork = (resumed?: Network) => {
      goingOn = resumed ?? null;
      setStopped(null);
      setFailed(null); // (going on again after it failed to)
      container.dataset.layoutRunning = "true";
      container.dataset.layoutRuns = String(Number(container.dataset.layoutRuns ?? 0) + 1);
      // Every node at its own size in the network: only the timeline's crowded lanes are halved.
      const sizes = held.scene.networkSizes;
      // (In place: the task that takes the last report in, 234 ms at 100k texts in a traced run,
      // made a second map of every node's position.)
      const sized = (found: NetworkPositions): Positions => {
        for (const [id, at] of found)
          (at as { size?: number }).size = sizes.get(id) ?? drawn.getNodeAttribute(id, "size");
        return found as Positions;
      };
      if (!large) {
        held.showTimeline(false);
        litRef.current?.suspend(true);
        renderer.setCustomBBox(null);
        if (sizes.size)
          drawn.updateEachNodeAttributes((id, a) => (sizes.has(id) ? { ...a, size: sizes.get(id)! } : a), {
            attributes: ["size"],
          });
      }
      const stopRun = new AbortController(); // ends it where it is
      const stop = () => stopRun.abort();
      setNetwork({ done: resumed?.done ?? 0, total: networkPlan(drawn.order).rounds, stop });
      layOutNetwork(drawn, {
        next: nextTask,
        signal: drop.signal,
        stop: stopRun.signal,
        from: resumed,
        onReport(progress, at) {
          if (drop.signal.aborted) return;
          setNetwork({ ...progress, stop });
          if (!large && progress.done < progress.total) applyPositions(drawn, sized(at()));
        },
      }).then(
        (found) => {
          if (!found || drop.signal.aborted) return;
          performance.mark("recital:network-made"); // for the load benchmark (test/bench/load.ts)
          setNetwork(null);
          // For tests: the rounds the network had when it was kept (fewer than planned if stopped).
          container.dataset.layoutRounds = `${found.done}/${found.total}`;
          const made = sized(found.positions);
          positions.current[layout] = made;
          // Stopped before its last round: it can go on from there.
          setStopped(found.done < found.total ? { ...found, positions: made } : null);
          draw(made);
        },
        (err: unknown) => {
          if (drop.signal.aborted) return;
          // The layout could not be made: said, and the canvas is left as it was, its switch too.
          setNetwork(null);
          restore();
          container.dataset.layoutRunning = "false";
          const reason = err instanceof Error ? err.message : String(err);
          if (goingOn) {
            setFailed({ reason, kept: layout, goingOn: true });
            setStopped(goingOn);
          } else {
            setFailed({ reason, kept: from, goingOn: false });
            callbacks.current.onLayoutFailed?.(from);
          }
          console.error(err);
        },
      );
    };
    const saved = positions.current[layout];
    if (saved) draw(saved);
    else layOutAsNetwork();
    goOnRef.current = (resumed) => layOutAsNetwork(resumed);
    return () => {
      goOnRef.current = null;
      if (container.dataset.layoutRunning === "true") {
        restore();
        container.dataset.layoutRunning = "false";
        // Left while going on: still stopped where it was.
        if (goingOn) setStopped(goingOn);
      }
      drop.abort();
      setNetwork(null);
      if (noted) setProgress(null);
    };
  }, [layout, ready]);

  return (
    <>
      <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" />
      {progress && <ProgressNote progress={progress} />}
      {network && <NetworkNote progress={network} onStop={network.stop} />}
      {failed && (
        <div className="load-progress network-progress layout-failed" role="alert">
          <span>{t(failed.goingOn ? "layout_go_on_failed" : "layout_failed", { reason: failed.reason })}</span>
          {/* A network that could not go on is still stopped where it was: it may go on again. */}
          {failed.goingOn && stopped && !network && layout === "force" && (
            <button type="button" onClick={() => goOnRef.current?.(stopped)}>
              {t("layout_go_on_again")}
            </button>
          )}
        </div>
      )}
      {stopped && !network && !failed && layout === "force" && (
        <StoppedNote progress={stopped} onGoOn={() => goOnRef.current?.(stopped)} />
      )}
    </>
  );
}
