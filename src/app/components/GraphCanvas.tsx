// The sigma canvas. Sigma renders once in its constructor, so it is created in an effect and
// killed in that effect's cleanup: React StrictMode's double mount never leaves a second instance.
// The drawn graph, the layout and the timeline layer are rebuilt with it, from the canonical graph.
// What the view changes — filters, hover, selection — reaches sigma through reducers and a
// refresh, never by rewriting the drawn graph.
import { useEffect, useRef } from "react";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { inferSettings } from "graphology-layout-forceatlas2";
import { createNodeBorderProgram } from "@sigma/node-border";
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { CanonicalGraph } from "../data/loadGraph";
import {
  buildScene,
  type DrawnEdge,
  type DrawnGraph,
  type DrawnNode,
  type MeasureText,
  type Scene,
} from "../graph/scene";
import { reduceEdge, reduceNode, type Focus, type Highlight } from "../graph/reducers";
import { i18n } from "../i18n";
import { attachTimelineLayer } from "../graph/timelineLayer";
import type { Visible } from "../state/filters";
import type { Camera, Layout } from "../state/viewState";
import { UI } from "../theme";

const STAGE_PADDING = 16;

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
  defaultEdgeType: "arrow",
  renderLabels: true,
  labelFont: UI.font,
  labelSize: UI.labelSize,
  labelWeight: "normal",
  labelColor: { color: UI.labelColor },
  // The layout keeps labels apart at the initial zoom, where every node (size >= 5) is labelled;
  // zooming out shrinks nodes, so leaves lose their labels first, then everything but the hubs.
  labelRenderedSizeThreshold: 5,
  labelDensity: 2.5,
  labelGridCellSize: 50,
  hideEdgesOnMove: true,
  stagePadding: STAGE_PADDING,
  // Closer than this shows empty space; farther, lane names pile up.
  minCameraRatio: 0.15,
  maxCameraRatio: 1.6,
  zIndex: true,
};

function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  return (text, font) => {
    if (!context) return text.length * 6.5;
    context.font = font;
    return context.measureText(text).width;
  };
}

/** What the export menu needs of the canvas: the renderer, its scene, and the layout on screen. */
export interface CanvasHandle {
  renderer: Sigma<DrawnNode, DrawnEdge>;
  scene: Scene;
  timeline(): boolean;
}

export interface GraphCanvasProps {
  graph: CanonicalGraph;
  visible: Visible;
  selected: string | null;
  camera: Camera | null;
  layout: Layout;
  /** The query's answer, lit on the canvas and framed when it changes. */
  answer: Highlight | null;
  onSelect(id: string | null): void;
  onCamera(camera: Camera): void;
  /** Called with the canvas once sigma draws it, and with null when it goes. */
  onReady?(handle: CanvasHandle | null): void;
}

const FORCE_LABEL_DENSITY = 0.5;
const FORCE_LABEL_CELL = 100;

/** How long ForceAtlas2 runs in its worker before the layout is kept, ms. */
const FORCE_RUN_MS = 2500;

type Positions = Map<string, { x: number; y: number }>;

function positionsOf(graph: DrawnGraph): Positions {
  const out: Positions = new Map();
  graph.forEachNode((id, a) => out.set(id, { x: a.x, y: a.y }));
  return out;
}

function applyPositions(graph: DrawnGraph, positions: Positions) {
  graph.updateEachNodeAttributes((id, a) => ({ ...a, ...positions.get(id) }), { attributes: ["x", "y"] });
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
) {
  const drawn = renderer.getGraph();
  const shown = nodes.filter((n) => drawn.hasNode(n) && visible.nodes.has(n));
  if (!shown.length) return;
  // @sigma/utils types its argument as a Sigma of plain attributes; ours carries drawn ones.
  const fit = getCameraStateToFitViewportToNodes(
    renderer as unknown as Parameters<typeof getCameraStateToFitViewportToNodes>[0],
    shown,
  );
  const { width, height } = renderer.getDimensions();
  const stage = container.parentElement;
  const left = stage?.querySelector<HTMLElement>(".results-panel")?.offsetWidth ?? 0;
  const right = stage?.querySelector<HTMLElement>(".details-panel")?.offsetWidth ?? 0;
  // A story's caption lies over the canvas's foot.
  const bottom = stage?.querySelector<HTMLElement>(".story-panel")?.offsetHeight ?? 0;
  const free = Math.max(width - left - right, width / 3);
  const freeHeight = Math.max(height - bottom, height / 3);
  const target = { ...fit, ratio: fit.ratio * Math.max(width / free, height / freeHeight) };
  // Shift so the group's centre lands in the middle of the free part.
  const a = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 }, { cameraState: target });
  const b = renderer.viewportToFramedGraph(
    { x: width / 2 + (right - left) / 2, y: height / 2 + bottom / 2 },
    { cameraState: target },
  );
  void renderer
    .getCamera()
    .animate({ ...target, x: target.x + (b.x - a.x), y: target.y + (b.y - a.y) }, { duration: 400 });
}

export function GraphCanvas({
  graph,
  visible,
  selected,
  camera,
  layout,
  answer,
  onSelect,
  onCamera,
  onReady,
}: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Sigma<DrawnNode, DrawnEdge> | null>(null);
  const sceneRef = useRef<{ scene: Scene; showTimeline(shown: boolean): void } | null>(null);
  /** Each layout's positions, kept when it is left so that coming back restores it. */
  const positions = useRef<Partial<Record<Layout, Positions>>>({});
  const current = useRef<Layout>("chrono");
  // Reducers read the latest view from here, so a change needs a refresh, not a new sigma.
  const live = useRef<Focus>({ visible, selected, hovered: null, neighbours: new Set(), answer });
  const callbacks = useRef({ onSelect, onCamera, onReady });
  useEffect(() => {
    callbacks.current = { onSelect, onCamera, onReady };
  }, [onSelect, onCamera, onReady]);
  const initialCamera = useRef(camera);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const box = {
      width: container.clientWidth - 2 * STAGE_PADDING,
      height: container.clientHeight - 2 * STAGE_PADDING,
    };
    const scene = buildScene(graph, box, canvasMeasure());
    const renderer = new Sigma<DrawnNode, DrawnEdge>(scene.drawn, container, {
      ...SETTINGS,
      nodeReducer: (node, data) => reduceNode(node, data, live.current),
      edgeReducer: (edge, data) =>
        reduceEdge(edge, data, scene.drawn.source(edge), scene.drawn.target(edge), live.current),
    });
    rendererRef.current = renderer;
    sceneRef.current = { scene, showTimeline: attachTimelineLayer(renderer, scene) };
    positions.current = { chrono: positionsOf(scene.drawn) };
    current.current = "chrono";
    container.dataset.layout = "chrono";

    const focusOn = (node: string | null) => {
      live.current.neighbours = node ? new Set(scene.drawn.neighbors(node)) : new Set();
    };
    focusOn(live.current.selected);
    renderer.on("enterNode", ({ node }) => {
      live.current.hovered = node;
      container.dataset.hovered = node;
      focusOn(node);
      container.style.cursor = "pointer";
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("leaveNode", () => {
      live.current.hovered = null;
      delete container.dataset.hovered;
      focusOn(live.current.selected);
      container.style.cursor = "";
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("clickNode", ({ node }) => callbacks.current.onSelect(node));
    renderer.on("clickStage", () => callbacks.current.onSelect(null));

    // Development builds only (the browser tests): where a node is on screen, to hover and click it.
    if (import.meta.env.DEV) {
      (window as unknown as { recitalTest?: object }).recitalTest = {
        nodeOnScreen: (id: string) => {
          const d = renderer.getNodeDisplayData(id);
          return d ? renderer.framedGraphToViewport(d) : null;
        },
      };
    }
    // For tests (and only for them): what is drawn, and whether sigma has rendered it.
    container.dataset.nodes = String(scene.drawn.order);
    container.dataset.edges = String(scene.drawn.size);
    renderer.once("afterRender", () => {
      container.dataset.rendered = "true";
    });
    // The custom box changes sigma's normalisation, which only a refresh recomputes.
    renderer.setCustomBBox(scene.bbox);
    renderer.refresh();
    if (initialCamera.current) renderer.getCamera().setState(initialCamera.current);
    const showCamera = ({ x, y, ratio }: Camera) => {
      container.dataset.camera = [x, y, ratio].map((n) => n.toFixed(3)).join(",");
    };
    showCamera(renderer.getCamera().getState());

    // The canvas writes words too (lane names, "undated"): redraw them in a new language.
    const redraw = () => renderer.refresh();
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

    callbacks.current.onReady?.({ renderer, scene, timeline: () => current.current === "chrono" });

    return () => {
      callbacks.current.onReady?.(null);
      clearTimeout(timer);
      i18n.off("languageChanged", redraw);
      renderer.kill();
      rendererRef.current = null;
      sceneRef.current = null;
      delete container.dataset.nodes;
      delete container.dataset.edges;
      delete container.dataset.rendered;
    };
  }, [graph]);

  // Filters, selection and the query's answer: new reducer inputs, one refresh.
  useEffect(() => {
    const renderer = rendererRef.current;
    live.current.visible = visible;
    live.current.selected = selected;
    live.current.answer = answer;
    if (!renderer) return;
    const drawn = renderer.getGraph();
    if (!live.current.hovered)
      live.current.neighbours =
        selected && drawn.hasNode(selected) ? new Set(drawn.neighbors(selected)) : new Set();
    renderer.refresh({ skipIndexation: true });
    containerRef.current?.setAttribute("data-visible-nodes", String(visible.nodes.size));
    if (answer) containerRef.current?.setAttribute("data-answer-nodes", String(answer.nodes.size));
    else containerRef.current?.removeAttribute("data-answer-nodes");
  }, [visible, selected, answer]);

  // A new selection brings the camera to it and its neighbours, so that its links are in view.
  useEffect(() => {
    const renderer = rendererRef.current;
    const container = containerRef.current;
    if (!renderer || !container || !selected || !renderer.getGraph().hasNode(selected)) return;
    frame(renderer, container, [selected, ...renderer.getGraph().neighbors(selected)], live.current.visible);
  }, [selected]);

  // A new answer brings the camera to its nodes.
  useEffect(() => {
    const renderer = rendererRef.current;
    const container = containerRef.current;
    if (!renderer || !container || !answer || answer.nodes.size === 0) return;
    frame(renderer, container, [...(answer.frame ?? answer.nodes)], live.current.visible);
  }, [answer]);

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
    positions.current[from] = positionsOf(drawn);
    let supervisor: FA2Layout | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      current.current = layout;
      // Nodes are packed closer in the network than along the timeline's rows: fewer labels.
      renderer.setSetting("labelDensity", layout === "force" ? FORCE_LABEL_DENSITY : SETTINGS.labelDensity!);
      renderer.setSetting(
        "labelGridCellSize",
        layout === "force" ? FORCE_LABEL_CELL : SETTINGS.labelGridCellSize!,
      );
      held.showTimeline(layout === "chrono");
      renderer.setCustomBBox(layout === "chrono" ? held.scene.bbox : null);
      container.dataset.layout = layout;
      container.dataset.layoutRunning = "false";
      renderer.refresh();
      // The answer, if any, stays in view in the new layout; otherwise the whole graph.
      const answer = live.current.answer;
      if (answer?.nodes.size)
        frame(renderer, container, [...(answer.frame ?? answer.nodes)], live.current.visible);
      else void renderer.getCamera().animatedReset({ duration: 300 });
    };
    const saved = positions.current[layout];
    if (saved) {
      applyPositions(drawn, saved);
      settle();
    } else {
      container.dataset.layoutRunning = "true";
      container.dataset.layoutRuns = String(Number(container.dataset.layoutRuns ?? 0) + 1);
      held.showTimeline(false);
      renderer.setCustomBBox(null);
      supervisor = new FA2Layout(drawn, {
        settings: { ...inferSettings(drawn), gravity: 1, scalingRatio: 10 },
      });
      supervisor.start();
      timer = setTimeout(() => {
        supervisor?.stop();
        positions.current[layout] = positionsOf(drawn);
        settle();
      }, FORCE_RUN_MS);
    }
    return () => {
      clearTimeout(timer);
      if (supervisor?.isRunning()) {
        supervisor.stop();
        const settled = positions.current[from];
        if (settled) applyPositions(drawn, settled);
        held.showTimeline(from === "chrono");
        renderer.setCustomBBox(from === "chrono" ? held.scene.bbox : null);
        container.dataset.layoutRunning = "false";
      }
      supervisor?.kill();
    };
  }, [layout, graph]);

  return <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" />;
}
