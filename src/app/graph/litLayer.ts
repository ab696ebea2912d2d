// The lit layer: a second sigma over the canvas, drawing what a hover, a selection or an answer
// lights (lit.ts) on a veil that fades the whole graph behind it. The graph's own sigma is never
// redrawn for it: at 100,000 texts a hover cost a refresh of 849,000 nodes and edges (seconds);
// here it costs the hovered node's neighbourhood. The layer follows the graph's camera and frame,
// takes no input (the graph's sigma below it gets every event), and draws the timeline's year and
// lane names again over the veil, so that they stay readable.
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { Lit } from "./lit";
import type { DrawnEdge, DrawnNode, Scene } from "./scene";
import { attachTimelineLayer } from "./timelineLayer";
import { veilColor, type Palette } from "../theme";

type Renderer = Sigma<DrawnNode, DrawnEdge>;

export interface LitLayer {
  /** The layer's sigma (pictures draw it over the graph's), and the graph it draws. */
  renderer: Renderer;
  /** What is lit now, or null. */
  lit(): Lit | null;
  /** Draws `lit` (null: nothing lit, no veil) in the theme's colours. */
  show(lit: Lit | null, palette: Palette): void;
  /**
   * The graph's sigma has a new size, new settings of view (labels) or a new frame: follow it, now
   * if something is lit, else when something is.
   */
  follow(): void;
  /** Whether the timeline's names are drawn over the veil (the chronological layout). */
  showTimeline(shown: boolean): void;
  kill(): void;
}

/** The settings the layer keeps of the graph's sigma: everything but its input and camera bounds. */
export function layerSettings(base: Renderer): Partial<Settings<DrawnNode, DrawnEdge>> {
  return {
    ...base.getSettings(),
    nodeReducer: null,
    edgeReducer: null,
    // The layer's camera is set from the graph's, which keeps to the bounds: its own would clamp it.
    minCameraRatio: null,
    maxCameraRatio: null,
    zIndex: true,
  };
}

/** The frame a sigma of the same size must be given to draw as `base` does: its own box. */
export const frameOf = (base: Renderer) => base.getCustomBBox() ?? base.getBBox();

export function attachLitLayer(base: Renderer, scene: Scene, palette: () => Palette): LitLayer {
  const container = document.createElement("div");
  container.className = "lit-layer";
  // Hidden, not taken out of the layout: sigma keeps its size.
  container.style.visibility = "hidden";
  base.getContainer().appendChild(container);
  const renderer: Renderer = new Sigma(new MultiDirectedGraph(), container, layerSettings(base));
  // Events are the graph's: its sigma, below, gets them through this layer (pointer-events: none).
  renderer.getMouseCaptor().enabled = false;
  renderer.getTouchCaptor().enabled = false;
  const showNames = attachTimelineLayer(renderer, scene, palette, { bands: false });
  let current: Lit | null = null;

  // The graph's size, view settings, box and camera, which the layer draws with.
  const sync = () => {
    renderer.resize();
    for (const key of ["labelDensity", "labelGridCellSize", "labelColor"] as const)
      if (renderer.getSetting(key) !== base.getSetting(key)) renderer.setSetting(key, base.getSetting(key));
    renderer.setCustomBBox(frameOf(base));
    renderer.getCamera().setState(base.getCamera().getState());
  };
  const onCamera = () => renderer.getCamera().setState(base.getCamera().getState());
  base.getCamera().on("updated", onCamera);

  // While something is lit, the graph's own labels and hover boxes give way to the layer's.
  const baseLabels = () =>
    [base.getCanvases().labels, base.getCanvases().hovers].filter((c): c is HTMLCanvasElement => !!c);

  return {
    renderer,
    lit: () => current,
    show(lit, colours) {
      if (!lit && !current) return;
      current = lit;
      container.style.visibility = lit ? "" : "hidden";
      container.style.background = veilColor(colours);
      for (const canvas of baseLabels()) canvas.style.visibility = lit ? "hidden" : "";
      sync();
      renderer.setGraph(lit ?? new MultiDirectedGraph());
    },
    follow() {
      if (!current) return; // followed when something is lit
      sync();
      renderer.refresh();
    },
    showTimeline: showNames,
    kill() {
      base.getCamera().removeListener("updated", onCamera);
      renderer.kill();
      container.remove();
    },
  };
}
