// The lit layers: sigmas over the canvas drawing what the focus (an answer, a selection) and a
// hover light (lit.ts), each on a veil that fades what is below it. The graph's own sigma is never
// redrawn for them: at 100,000 texts a hover cost a refresh of 849,000 nodes and edges (seconds);
// here it costs the hovered node's neighbourhood, and leaving the node hides its layer, the focus
// untouched below. The layers follow the graph's camera, frame and view settings, take no input
// (the graph's sigma below them gets every event), and draw the timeline's lines and names again
// over their veils, so that they stay readable.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { Coordinates } from "sigma/types";
import type { Settings } from "sigma/settings";
import type { Lit, LitNode } from "./lit";
import type { DrawnEdge, DrawnNode, Scene } from "./scene";
import { nextTask } from "../data/steps";
import { changeInParts } from "./takeInParts";
import { attachTimelineLayer } from "./timelineLayer";
import { veilColor, type Palette } from "../theme";

type Renderer = Sigma<DrawnNode, DrawnEdge>;

/** A layer's sigma and the opacity of the veil under it: what a picture redraws. */
export interface ShownLayer {
  renderer: Renderer;
  veil: number;
}

/**
 * The veil under the hover's layer while the focus is lit below it: the focus fades, as the rest
 * did under its own veil, and what is behind both is barely there.
 */
export const HOVER_OVER_FOCUS_VEIL = 0.6;

export interface Lighting {
  /** Draws what the focus lights, and what the hover lights (null: nothing); undefined keeps a layer as it is. */
  show(focus: Lit | null | undefined, hover: Lit | null | undefined): void;
  /**
   * Draws what one layer lights as `show` does, but with sigma taking it in by parts
   * (takeInParts.ts): a layer that showed nothing stays hidden until it is drawn, one that did
   * keeps it until then; resolves once drawn, and is dropped (rejects) when `signal` is aborted.
   */
  showInParts(which: "focus" | "hover", lit: Lit, signal: AbortSignal): Promise<void>;
  /**
   * The graph's sigma has a new size, new settings of view (labels) or a new frame: the layers
   * follow it, now if they show something, else when they do.
   */
  follow(): void;
  /** Whether the timeline's lines and names are drawn over the veils (the chronological layout). */
  showTimeline(shown: boolean): void;
  /** The lit node drawn at a point of the canvas, the topmost: it is drawn over the graph's. */
  nodeAt(point: Coordinates): string | null;
  /** The layers showing something, bottom first. */
  shown(): ShownLayer[];
  /**
   * Makes the layers' sigmas now where they are not made yet, each in a task of its own (else
   * each is made when first needed, in the task that lights it). Resolves once both are made.
   */
  prepare(): Promise<void>;
  kill(): void;
}

/** The settings the layers keep of the graph's sigma: everything but its input and camera bounds. */
function layerSettings(base: Renderer): Partial<Settings<DrawnNode, DrawnEdge>> {
  return {
    ...base.getSettings(),
    nodeReducer: null,
    edgeReducer: null,
    // A layer's camera is set from the graph's, which keeps to the bounds: its own would clamp it.
    minCameraRatio: null,
    maxCameraRatio: null,
    zIndex: true,
  };
}

/** The frame a sigma of the same size must be given to draw as `base` does: its own box. */
const frameOf = (base: Renderer) => base.getCustomBBox() ?? base.getBBox();

/**
 * One layer: a sigma in a container of its own over the graph's, hidden while it shows nothing.
 * Its sigma is made when first needed, or asked for (`make`): making one is a task of a few
 * hundred milliseconds in a software renderer (WebGL contexts, shaders, canvases sized).
 */
function layer(base: Renderer, scene: Scene, palette: () => Palette) {
  const container = document.createElement("div");
  container.className = "lit-layer";
  // Hidden, not taken out of the layout: sigma keeps its size.
  container.style.visibility = "hidden";
  base.getContainer().appendChild(container);
  let made: { renderer: Renderer; showTimeline: (shown: boolean) => void } | null = null;
  let timelineShown = false;
  const make = () => {
    if (made) return made;
    const start = performance.now();
    const renderer: Renderer = new Sigma(new MultiDirectedGraph(), container, layerSettings(base));
    // For the load benchmark: sigma made, a task no page can split (as its first drawing).
    performance.measure("recital:sigma-made", { start, end: performance.now() });
    // Events are the graph's: its sigma, below, gets them through this layer (pointer-events: none).
    renderer.getMouseCaptor().enabled = false;
    renderer.getTouchCaptor().enabled = false;
    const showTimeline = attachTimelineLayer(renderer, scene, palette, { bands: false });
    showTimeline(timelineShown);
    made = { renderer, showTimeline };
    return made;
  };
  let lit: Lit | null = null;
  /** What the layer's sigma is taking in by parts, if anything. */
  let taking: Lit | null = null;
  let veil = 0;

  // The graph's size, view settings, box and camera, which the layer draws with.
  const sync = () => {
    const { renderer } = make();
    renderer.resize();
    for (const key of ["labelDensity", "labelGridCellSize"] as const)
      if (renderer.getSetting(key) !== base.getSetting(key)) renderer.setSetting(key, base.getSetting(key));
    renderer.setCustomBBox(frameOf(base));
    renderer.getCamera().setState(base.getCamera().getState());
  };
  /** The veil under the layer: its opacity, in the theme's background colour. */
  const setVeil = (opacity: number) => {
    veil = opacity;
    container.style.background = veilColor({ ...palette(), veil: opacity });
  };
  const onCamera = () => {
    if (lit) made?.renderer.getCamera().setState(base.getCamera().getState());
  };
  base.getCamera().on("updated", onCamera);

  return {
    /** The layer's sigma, made if it was not yet. */
    renderer: () => make().renderer,
    make: () => void make(),
    lit: () => lit,
    opacity: () => veil,
    show(next: Lit | null, opacity: number) {
      setVeil(opacity);
      if (!next && !lit) return;
      lit = next;
      container.style.visibility = next ? "" : "hidden";
      if (next) sync();
      // (A layer never made has nothing to clear: it is not made for that.)
      if (next || made) make().renderer.setGraph(next ?? new MultiDirectedGraph());
    },
    async showInParts(next: Lit, opacity: number, signal: AbortSignal) {
      setVeil(opacity);
      // What the layer still shows (the same node's neighbourhood, lit again) stays until the new
      // is drawn: sigma draws nothing meanwhile. Else the layer is hidden until then.
      if (!lit) container.style.visibility = "hidden";
      lit = next;
      taking = next;
      const { renderer } = make();
      try {
        await changeInParts(
          renderer,
          () => {
            sync();
            renderer.setGraph(next);
          },
          { signal },
        );
      } finally {
        if (taking === next) taking = null;
      }
      if (lit === next) container.style.visibility = "";
    },
    veil: setVeil,
    follow() {
      if (!lit) return; // followed when it shows something
      sync();
      make().renderer.refresh();
    },
    showTimeline(shown: boolean) {
      timelineShown = shown;
      made?.showTimeline(shown);
    },
    /** The topmost lit node whose disc holds `point`, as this layer draws it. */
    nodeAt(point: Coordinates): string | null {
      // Not drawn yet, or being taken in (what sigma holds is part old, part new).
      if (!lit || taking || container.style.visibility === "hidden") return null;
      const { renderer } = make();
      let best: { node: string; z: number } | null = null;
      lit.forEachNode((node, a: LitNode) => {
        const d = renderer.getNodeDisplayData(node);
        if (!d || d.hidden) return;
        const at = renderer.framedGraphToViewport(d);
        const r = renderer.scaleSize(d.size);
        const z = a.zIndex ?? 0;
        if (Math.hypot(at.x - point.x, at.y - point.y) <= r && (!best || z >= best.z)) best = { node, z };
      });
      return (best as { node: string } | null)?.node ?? null;
    },
    kill() {
      base.getCamera().removeListener("updated", onCamera);
      made?.renderer.kill();
      container.remove();
    },
  };
}

export function attachLighting(base: Renderer, scene: Scene, palette: () => Palette): Lighting {
  // In the order they are stacked: the hover's over the focus's.
  const focus = layer(base, scene, palette);
  const hover = layer(base, scene, palette);
  const layers = [focus, hover];
  // While something is lit, the graph's own labels and hover boxes give way to the layers'.
  const baseLabels = () =>
    [base.getCanvases().labels, base.getCanvases().hovers].filter((c): c is HTMLCanvasElement => !!c);

  const labelsGiveWay = () => {
    const any = layers.some((l) => l.lit());
    for (const canvas of baseLabels()) canvas.style.visibility = any ? "hidden" : "";
  };
  const hoverVeil = () => (focus.lit() ? HOVER_OVER_FOCUS_VEIL : palette().veil);
  let killed = false;

  return {
    show(focusLit, hoverLit) {
      if (focusLit !== undefined) focus.show(focusLit, palette().veil);
      if (hoverLit !== undefined) hover.show(hoverLit, hoverVeil());
      else hover.veil(hoverVeil());
      labelsGiveWay();
    },
    async showInParts(which, lit, signal) {
      if (which === "focus") {
        await focus.showInParts(lit, palette().veil, signal);
        hover.veil(hoverVeil());
      } else await hover.showInParts(lit, hoverVeil(), signal);
      labelsGiveWay();
    },
    follow() {
      for (const l of layers) l.follow();
    },
    showTimeline(shown) {
      for (const l of layers) l.showTimeline(shown);
    },
    nodeAt(point) {
      for (const l of [hover, focus]) {
        const node = l.nodeAt(point);
        if (node) return node;
      }
      return null;
    },
    shown: () => layers.filter((l) => l.lit()).map((l) => ({ renderer: l.renderer(), veil: l.opacity() })),
    async prepare() {
      for (const l of layers) {
        await nextTask();
        if (killed) return;
        l.make();
      }
    },
    kill() {
      killed = true;
      for (const l of layers) l.kill();
    },
  };
}
