// The timeline behind the graph: lane bands with their names, year gridlines with their labels,
// and the collapsed breaks of the time axis. A 2D canvas under sigma's edge layer, redrawn after
// every sigma render so it follows the camera. Lane names stick to the left edge, years to the top.
import type Sigma from "sigma";
import { i18n } from "../i18n";
import {
  AXIS_LABEL_FONT,
  LANE_LABEL_FONT,
  laneTitle,
  type DrawnEdge,
  type DrawnNode,
  type Scene,
} from "./scene";
import { PALETTES, type Palette } from "../theme";

const LAYER = "timeline";
/** The spacings of year labels, in years, the smallest first that leaves room between labels. */
export const YEAR_STEPS = [1, 2, 5, 10, 25, 50, 100];
const MIN_YEAR_LABEL_SPACING = 40;

/**
 * Draws the lanes and the year axis behind the graph; returns how to show or hide them. Without
 * `bands`, only the lines and names of years and lanes: over the veil of the lit layer (litLayer.ts).
 */
export function attachTimelineLayer(
  renderer: Sigma<DrawnNode, DrawnEdge>,
  scene: Scene,
  palette: () => Palette = () => PALETTES.light,
  { bands = true }: { bands?: boolean } = {},
): (shown: boolean) => void {
  const canvas = renderer.createCanvas(LAYER, { beforeLayer: "edges" });
  const context = canvas.getContext("2d");
  const show = (shown: boolean) => {
    canvas.style.display = shown ? "" : "none";
  };
  if (!context) return show;
  const { layout, gutter, axisHeight } = scene;
  // Layout coordinates (y down) to viewport pixels.
  const toScreen = (x: number, y: number) => renderer.graphToViewport({ x, y: -y });
  const undated = [...layout.positions.values()].some((p) => p.time === undefined);

  /** Lane bands (if `bands`), a firmer rule where one organisation's lanes give way to the next, and breaks. */
  const drawLanes = (gridTop: number, gridBottom: number, width: number) => {
    const ctx = context;
    const UI = palette();
    layout.lanes.forEach((lane, i) => {
      const previous = layout.lanes[i - 1];
      const next = layout.lanes[i + 1];
      const top = toScreen(0, previous ? (previous.bottom + lane.top) / 2 : lane.top - 4).y;
      const bottom = toScreen(0, next ? (lane.bottom + next.top) / 2 : lane.bottom + 4).y;
      if (bands) {
        ctx.fillStyle = UI.laneFill[i % 2] ?? "#fff";
        ctx.fillRect(0, top, width, bottom - top);
      }
      if (previous && previous.group !== lane.group) {
        ctx.fillStyle = UI.gridLine;
        ctx.fillRect(0, Math.round(top), width, 1);
      }
    });

    // Collapsed stretches of empty years.
    if (!bands) return;
    ctx.fillStyle = UI.breakFill;
    layout.periods.forEach((period, i) => {
      const next = layout.periods[i + 1];
      if (!next) return;
      const x0 = toScreen(period.x + (period.to - period.from) * layout.pxPerYear, 0).x;
      const x1 = toScreen(next.x, 0).x;
      ctx.fillRect(x0, gridTop, x1 - x0, gridBottom - gridTop);
    });
  };

  const draw = () => {
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = context;
    const UI = palette();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!layout.lanes.length) return;

    const firstLane = layout.lanes[0];
    const lastLane = layout.lanes[layout.lanes.length - 1];
    const gridTop = toScreen(0, (firstLane?.top ?? 0) - 4).y;
    const gridBottom = toScreen(0, (lastLane?.bottom ?? 0) + 4).y;

    drawLanes(gridTop, gridBottom, width);

    // Year gridlines and labels.
    const yearPx = toScreen(layout.pxPerYear, 0).x - toScreen(0, 0).x;
    const step = YEAR_STEPS.find((s) => s * yearPx >= MIN_YEAR_LABEL_SPACING) ?? 1000;
    const labelY = Math.max(14, Math.min(toScreen(0, -axisHeight / 2).y + 4, gridBottom - 4));
    ctx.textBaseline = "alphabetic";
    // Labels are skipped rather than drawn over one another (the year after a break, when zoomed out).
    let labelsEnd = -Infinity;
    const axisLabel = (text: string, x: number, font: string) => {
      ctx.font = font;
      if (x < labelsEnd + 6) return;
      ctx.fillStyle = UI.axisLabel;
      ctx.fillText(text, x, labelY);
      labelsEnd = x + ctx.measureText(text).width;
    };
    if (undated) {
      axisLabel(i18n.t("undated"), toScreen(layout.undatedX, 0).x - 6, `italic ${AXIS_LABEL_FONT}`);
    }
    for (const period of layout.periods) {
      for (let year = period.from; year <= period.to; year++) {
        const x = Math.round(toScreen(period.x + (year - period.from) * layout.pxPerYear, 0).x) + 0.5;
        if (x < -1 || x > width + 1) continue;
        ctx.fillStyle = UI.gridLine;
        ctx.fillRect(x - 0.5, gridTop, 1, gridBottom - gridTop);
        if (year < period.to && (year % step === 0 || year === period.from))
          axisLabel(String(year), x + 3, AXIS_LABEL_FONT);
      }
    }

    // Lane names, kept in view at the left edge — the edge left free by a panel lying over the
    // canvas (the query's answer), so that they are not hidden under it.
    ctx.font = LANE_LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.fillStyle = UI.laneLabel;
    const container = renderer.getContainer();
    const stage = container.closest(".stage") ?? container.parentElement;
    const covered = stage?.querySelector<HTMLElement>(".results-panel")?.offsetWidth ?? 0;
    const nameX = Math.max(8 + covered, toScreen(layout.minX - gutter + 8, 0).x);
    for (const lane of layout.lanes) {
      const y = toScreen(0, lane.top + (lane.bottom - lane.top) / lane.rows / 2).y;
      if (y < -10 || y > height + 10) continue;
      ctx.fillText(laneTitle(lane.key), nameX, y);
    }
  };

  renderer.on("afterRender", draw);
  return show;
}
