// The export menu: what to take (the whole graph, the visible part, the selection with its
// neighbours, the question's answer) and in what form — GEXF, GraphML, JSON, CSV, a written brief,
// or a picture of the view (PNG, SVG) with its legend. Serialising is src/export's; this only
// gathers the choice and hands the files to the browser.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Format } from "../../export";
import { neighbourhood, subgraph, answerSubgraph, type ExportGraph, type Scope } from "../../export/scope";
import type { NodeKind, Relation } from "../../model/vocabulary";
import { answerCount, answerTitle, type Answer } from "../../query/run";
import type { CanonicalGraph } from "../data/loadGraph";
import { toPng, toSvg } from "../export/picture";
import { download } from "../export/download";
import type { Visible } from "../state/filters";
import { kindColor, relationColor } from "../theme";
import type { CanvasHandle } from "./GraphCanvas";

interface ExportMenuProps {
  graph: CanonicalGraph;
  visible: Visible;
  selected: string | null;
  answer: Answer | null;
  canvas: CanvasHandle | null;
}

const DATA: { format: Format; label: string }[] = [
  { format: "gexf", label: "GEXF" },
  { format: "graphml", label: "GraphML" },
  { format: "json", label: "JSON" },
  { format: "csv", label: "CSV" },
  { format: "md", label: "Markdown" },
];

export function ExportMenu({ graph, visible, selected, answer, canvas }: ExportMenuProps) {
  const { t } = useTranslation("exports");
  const { t: common } = useTranslation();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<Scope>("visible");
  const [background, setBackground] = useState(true);
  const [scale, setScale] = useState(2);
  const [status, setStatus] = useState("");
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // Open: the focus goes to the first choice; a click elsewhere closes the panel.
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("input:not([disabled]), button")?.focus();
    const outside = (e: MouseEvent) => {
      if (!panel.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);
  const answered = answer?.status === "ok" && answerCount(answer) + (answer.focus ? 1 : 0) > 0;
  const available: Record<Scope, boolean> = {
    all: true,
    visible: true,
    selection: !!selected,
    query: answered,
  };
  const chosen: Scope = available[scope] ? scope : "visible";

  const part = (): ExportGraph => {
    if (chosen === "selection" && selected) return neighbourhood(graph, selected);
    if (chosen === "query" && answer) return answerSubgraph(graph, answer);
    if (chosen === "visible") return subgraph(graph, visible.nodes, visible.edges);
    return subgraph(graph, null);
  };

  const exportData = async (format: Format) => {
    // The serialisers (XML, CSV) load on first use: the explorer's first paint does not wait for them.
    const { exportGraph } = await import("../../export");
    const g = part();
    const title =
      chosen === "query" && answer
        ? answerTitle(answer)
        : t(`title_${chosen}`, { name: selected ? graph.getNodeAttribute(selected, "label") : "" });
    const files = exportGraph(g, format, {
      base: `recital-${chosen}`,
      viz: canvas
        ? {
            position: (id) => {
              const d = canvas.renderer.getGraph().hasNode(id)
                ? canvas.renderer.getNodeDisplayData(id)
                : undefined;
              // Sigma's drawn positions (the graph's extent is 0 to 1) to 0–1000, to a millionth of
              // the extent: rows squeezed together on a crowded timeline stay apart in Gephi.
              return d && { x: Math.round(d.x * 1e6) / 1e3, y: -Math.round(d.y * 1e6) / 1e3 };
            },
            nodeColor: (a) => kindColor(a.kind),
            edgeColor: (e) => relationColor(e.relation),
          }
        : {},
      brief: { title, context: chosen === "query" && answer ? [answer.query] : [] },
    });
    for (const f of files) download(f.name, new Blob([f.text], { type: `${f.mime};charset=utf-8` }));
    setStatus(t("done", { files: files.map((f) => f.name).join(", "), nodes: g.order, edges: g.size }));
  };

  const exportPicture = async (format: "png" | "svg") => {
    if (!canvas) return;
    const options = {
      background,
      scale,
      timeline: canvas.timeline(),
      kindName: (k: NodeKind) => common(`kind_${k}`),
      relationName: (r: Relation) => common(`relation_${r}`),
      answerName: t("legend_answer"),
      palette: canvas.palette(),
    };
    try {
      const blob =
        format === "png"
          ? await toPng(canvas.view(), options)
          : new Blob([toSvg(canvas.view(), options)], { type: "image/svg+xml;charset=utf-8" });
      download(`recital-view.${format}`, blob);
      setStatus(t("done_picture", { file: `recital-view.${format}` }));
    } catch (err) {
      setStatus(t("failed", { detail: (err as Error).message }));
    }
  };

  return (
    <div
      className="export-menu"
      onKeyDown={(e) => {
        // Escape closes the menu (and only the menu: the page's Escape would clear the selection).
        if (e.key === "Escape" && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls="export-panel"
        onClick={() => setOpen((o) => !o)}
      >
        {t("export")}
      </button>
      {open && (
        <div id="export-panel" ref={panel} className="export-panel" role="dialog" aria-label={t("export")}>
          <fieldset>
            <legend>{t("what")}</legend>
            {(["all", "visible", "selection", "query"] as const).map((s) => (
              <label key={s} className={available[s] ? "" : "unavailable"}>
                <input
                  type="radio"
                  name="export-scope"
                  value={s}
                  checked={chosen === s}
                  disabled={!available[s]}
                  onChange={() => setScope(s)}
                />
                {t(`scope_${s}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("data")}</legend>
            <div className="export-buttons">
              {DATA.map(({ format, label }) => (
                <button
                  key={format}
                  type="button"
                  onClick={() => void exportData(format)}
                  title={t(`hint_${format}`)}
                >
                  {label}
                </button>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t("picture")}</legend>
            <label>
              <input type="checkbox" checked={background} onChange={(e) => setBackground(e.target.checked)} />
              {t("background")}
            </label>
            <label>
              {t("scale")}{" "}
              <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
                {[1, 2, 3].map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </label>
            <div className="export-buttons">
              <button type="button" disabled={!canvas} onClick={() => void exportPicture("png")}>
                PNG
              </button>
              <button type="button" disabled={!canvas} onClick={() => void exportPicture("svg")}>
                SVG
              </button>
            </div>
          </fieldset>
          <p className="export-status" role="status">
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
