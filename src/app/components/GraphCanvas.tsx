// The sigma canvas. Sigma renders once in its constructor, so it is created in an effect and
// killed in that effect's cleanup: React StrictMode's double mount never leaves a second instance.
// The drawn graph, the layout and the timeline layer are rebuilt with it, from the canonical graph.
import { useEffect, useRef } from "react";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { CanonicalGraph } from "../data/loadGraph";
import { buildScene, type DrawnEdge, type DrawnNode, type MeasureText } from "../graph/scene";
import { attachTimelineLayer } from "../graph/timelineLayer";
import { UI } from "../theme";

const STAGE_PADDING = 16;

const SETTINGS: Partial<Settings<DrawnNode, DrawnEdge>> = {
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
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
};

function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  return (text, font) => {
    if (!context) return text.length * 6.5;
    context.font = font;
    return context.measureText(text).width;
  };
}

export function GraphCanvas({ graph }: { graph: CanonicalGraph }) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const box = {
      width: container.clientWidth - 2 * STAGE_PADDING,
      height: container.clientHeight - 2 * STAGE_PADDING,
    };
    const scene = buildScene(graph, box, canvasMeasure());
    const renderer = new Sigma<DrawnNode, DrawnEdge>(scene.drawn, container, SETTINGS);
    attachTimelineLayer(renderer, scene);

    // For tests (and only for them): what is drawn, and whether sigma has rendered it.
    container.dataset.nodes = String(scene.drawn.order);
    container.dataset.edges = String(scene.drawn.size);
    renderer.once("afterRender", () => {
      container.dataset.rendered = "true";
    });
    // The custom box changes sigma's normalisation, which only a refresh recomputes.
    renderer.setCustomBBox(scene.bbox);
    renderer.refresh();

    return () => {
      renderer.kill();
      delete container.dataset.nodes;
      delete container.dataset.edges;
      delete container.dataset.rendered;
    };
  }, [graph]);

  return <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" />;
}
