// The timeline strip under the canvas: the years, a tick per dated text (stacked where texts share
// a year), the steps of the story being told with the current one marked, and a scrubber that
// shows the graph "as of" a year — by pointer or by keyboard (a slider) — with play and pause to
// watch the graph grow a year at a time. Drawn on a 2D canvas: a hundred thousand ticks stay cheap.
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Story } from "../../query/story";
import type { CanonicalGraph } from "../data/loadGraph";
import { fractionalYear } from "../layout/chronological";
import { axisFraction, axisLabels, axisYear, timeAxis, type TimeAxis } from "../layout/timeAxis";
import { YEAR_STEPS } from "../graph/timelineLayer";
import type { Visible } from "../state/filters";
import { summaryOf, type Tick } from "../state/summary";
import { kindColor, paletteOf } from "../theme";
import type { Theme } from "../state/viewState";

export interface TimelineStripProps {
  graph: CanonicalGraph;
  visible: Visible;
  asOf: number | null;
  onAsOf(year: number | null): void;
  story: Story | null;
  /** The story's step on screen, 1-based, or 0. */
  step: number;
  onStep(n: number): void;
  theme: Theme;
}

const HEIGHT = 58;
const PAD = 14;
const TICK_TOP = 18;
const TICK = 9;
const STACK = 4;
const STEP_Y = 48;
/** How long each year shows while playing, ms. */
export const PLAY_MS = 700;

export function TimelineStrip(props: TimelineStripProps) {
  const { graph, visible, asOf, onAsOf, story, step, onStep, theme } = props;
  const { t } = useTranslation("story");
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [playing, setPlaying] = useState(false);

  // Summed up before the graph is shown (see App's load).
  const ticks = useMemo(() => summaryOf(graph).ticks, [graph]);
  const axis = useMemo(() => timeAxis(ticks.map((k) => k.time)), [ticks]);
  /** The years that have a text: playing goes from one to the next, over empty runs at once. */
  const years = useMemo(() => [...new Set(ticks.map((k) => Math.floor(k.time)))], [ticks]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  // Playing moves "as of" a year at a time, from where it is (or the first year) to the last,
  // then shows every year again and stops.
  useEffect(() => {
    if (!playing || !axis) return;
    const timer = setTimeout(
      () => {
        const next = asOf === null ? axis.first : years.find((y) => y > asOf);
        if (next === undefined) {
          setPlaying(false);
          onAsOf(null);
        } else onAsOf(next);
      },
      asOf === null ? 0 : PLAY_MS,
    );
    return () => clearTimeout(timer);
  }, [playing, asOf, axis, years, onAsOf]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !axis || !width) return;
    draw(c, width, axis, ticks, visible, asOf, story, step, theme);
  }, [axis, ticks, visible, asOf, story, step, width, theme]);

  if (!axis) return null;
  const x = (time: number) => PAD + axisFraction(axis, time) * (width - 2 * PAD);
  const yearAt = (clientX: number) => {
    const rect = box.current!.getBoundingClientRect();
    return axisYear(axis, (clientX - rect.left - PAD) / Math.max(1, rect.width - 2 * PAD));
  };
  const set = (year: number | null) => onAsOf(year === null || year >= axis.last ? null : year);
  const stepAt = (clientX: number, clientY: number) => {
    if (!story) return null;
    const rect = box.current!.getBoundingClientRect();
    const px = clientX - rect.left;
    const py = clientY - rect.top;
    if (Math.abs(py - STEP_Y) > 8) return null;
    let best: number | null = null;
    let distance = 8;
    for (const s of story.steps) {
      const time = s.date ? fractionalYear(s.date) : undefined;
      if (time === undefined) continue;
      const d = Math.abs(x(time) - px);
      if (d <= distance) [best, distance] = [s.n, d];
    }
    return best;
  };

  const value = asOf ?? axis.last;
  return (
    <div className="timeline-strip" role="group" aria-label={t("timeline")}>
      <div className="timeline-controls">
        <button
          type="button"
          className="timeline-play"
          aria-pressed={playing}
          aria-label={playing ? t("pause_years") : t("play_years")}
          title={playing ? t("pause_years") : t("play_years")}
          onClick={() => setPlaying((p) => !p)}
        >
          {playing ? "❚❚" : "▶"}
        </button>
        <span className="timeline-value">
          {asOf === null ? t("all_years") : t("as_of_value", { year: asOf })}
        </span>
        {asOf !== null && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPlaying(false);
              onAsOf(null);
            }}
          >
            {t("show_all_years")}
          </button>
        )}
      </div>
      <div
        ref={box}
        className="timeline-track"
        role="slider"
        tabIndex={0}
        aria-label={t("as_of")}
        aria-valuemin={axis.first}
        aria-valuemax={axis.last}
        aria-valuenow={value}
        aria-valuetext={asOf === null ? t("all_years") : t("as_of_value", { year: asOf })}
        onKeyDown={(e) => {
          const to =
            e.key === "ArrowLeft" || e.key === "ArrowDown"
              ? value - 1
              : e.key === "ArrowRight" || e.key === "ArrowUp"
                ? value + 1
                : e.key === "PageDown"
                  ? value - 10
                  : e.key === "PageUp"
                    ? value + 10
                    : e.key === "Home"
                      ? axis.first
                      : e.key === "End"
                        ? axis.last
                        : null;
          if (to === null) return;
          e.preventDefault();
          setPlaying(false);
          set(Math.max(axis.first, Math.min(axis.last, to)));
        }}
        onPointerDown={(e) => {
          const n = stepAt(e.clientX, e.clientY);
          if (n !== null) {
            onStep(n);
            return;
          }
          setPlaying(false);
          e.currentTarget.setPointerCapture(e.pointerId);
          set(yearAt(e.clientX));
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) set(yearAt(e.clientX));
        }}
      >
        <canvas ref={canvas} />
      </div>
    </div>
  );
}

function draw(
  canvas: HTMLCanvasElement,
  width: number,
  axis: TimeAxis,
  ticks: Tick[],
  visible: Visible,
  asOf: number | null,
  story: Story | null,
  step: number,
  theme: Theme,
) {
  const palette = paletteOf(theme);
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${HEIGHT}px`;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, HEIGHT);
  const inner = width - 2 * PAD;
  const x = (time: number) => PAD + axisFraction(axis, time) * inner;

  // Breaks between periods, then year lines and labels, spaced to stay readable.
  ctx.fillStyle = palette.breakFill;
  axis.periods.forEach((p, i) => {
    const next = axis.periods[i + 1];
    if (next) ctx.fillRect(x(p.to), TICK_TOP - 4, x(next.from) - x(p.to), HEIGHT - TICK_TOP);
  });
  const yearPx = inner / Math.max(1, axis.span);
  const step10 = YEAR_STEPS.find((s) => s * yearPx >= 34) ?? 100;
  ctx.font = `11px ${palette.font}`;
  ctx.textBaseline = "top";
  let end = -Infinity;
  for (const year of axisLabels(axis, step10)) {
    const at = x(year);
    ctx.fillStyle = palette.gridLine;
    ctx.fillRect(Math.round(at), TICK_TOP - 4, 1, HEIGHT - TICK_TOP);
    if (at < end + 4) continue;
    ctx.fillStyle = palette.axisLabel;
    ctx.fillText(String(year), at + 2, 2);
    end = at + 2 + ctx.measureText(String(year)).width;
  }

  // A tick per text, stacked where several fall on one pixel; hidden ones (filters, "as of") faint.
  const stacks = new Map<number, number>();
  for (const tick of ticks) {
    const px = Math.round(x(tick.time));
    const level = stacks.get(px) ?? 0;
    stacks.set(px, level + 1);
    if (level * STACK > 14) continue;
    ctx.globalAlpha = visible.nodes.has(tick.id) ? 1 : 0.25;
    ctx.fillStyle = kindColor(tick.kind);
    ctx.fillRect(px - 1, TICK_TOP + 14 - level * STACK, 2, TICK);
  }
  ctx.globalAlpha = 1;

  // "As of": the years after it shaded, and the handle at the end of its year.
  if (asOf !== null) {
    const at = x(asOf + 1);
    ctx.fillStyle = palette.asOfShade;
    ctx.fillRect(at, TICK_TOP - 4, width - PAD - at, HEIGHT - TICK_TOP);
    ctx.fillStyle = palette.accent;
    ctx.fillRect(at - 1, TICK_TOP - 6, 3, HEIGHT - TICK_TOP + 4);
  }

  // The story's steps, numbered, the current one filled and with a line up the strip.
  if (story) {
    ctx.textBaseline = "middle";
    ctx.textAlign = "center";
    ctx.font = `bold 9px ${palette.font}`;
    for (const s of story.steps) {
      const time = s.date ? fractionalYear(s.date) : undefined;
      if (time === undefined) continue;
      const at = x(time);
      const current = s.n === step;
      if (current) {
        ctx.fillStyle = palette.accent;
        ctx.fillRect(at - 1, TICK_TOP - 4, 2, STEP_Y - TICK_TOP);
      }
      ctx.beginPath();
      ctx.arc(at, STEP_Y, current ? 7 : 5, 0, 2 * Math.PI);
      ctx.fillStyle = current ? palette.accent : palette.background;
      ctx.strokeStyle = palette.accent;
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      if (current) {
        ctx.fillStyle = palette.background;
        ctx.fillText(String(s.n), at, STEP_Y + 0.5);
      }
    }
    ctx.textAlign = "left";
  }
}
