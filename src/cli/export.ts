// `recital export`: the whole graph or a query's answer, as GEXF, GraphML, JSON, a CSV pair or a
// Markdown brief. The GEXF carries the explorer's picture: the timeline's positions (the pure
// chronological layout) and the theme's colours, so Gephi opens it looking as the explorer does.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AbstractGraph } from "graphology-types";
import { fitChronologicalLayout, type LayoutNode } from "../app/layout/chronological";
import { kindColor, relationColor } from "../app/theme";
import { exportGraph, FORMATS, type Format } from "../export";
import type { Viz } from "../export/gexf";
import { answerSubgraph, subgraph, type ExportGraph } from "../export/scope";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { answerTitle, runQuery } from "../query/run";
import { exitCode, formatAnswer } from "./query";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** The timeline as the explorer lays it out, for a 1600 × 900 picture; y up, as Gephi draws. */
export function timelineViz(graph: ExportGraph): Viz {
  const nodes: LayoutNode[] = graph.mapNodes((key, a) => ({
    key,
    kind: a.kind,
    ...(a.date ? { date: a.date } : {}),
    ...(a.issuer ? { issuer: a.issuer } : {}),
    size: 6,
    labelWidth: a.label.length * 6.5,
  }));
  // Every node with room of its own, however tall the lanes: Gephi zooms into a file's positions
  // without growing its nodes, and would never part rows squeezed to fill the picture.
  const layout = fitChronologicalLayout(nodes, { width: 1600, height: 900 }, { crowdedAt: Infinity });
  return {
    position: (id) => {
      const p = layout.positions.get(id);
      return p && { x: Math.round(p.x * 10) / 10, y: -Math.round(p.y * 10) / 10 };
    },
    size: () => 6,
    nodeColor: (a) => kindColor(a.kind),
    edgeColor: (e) => relationColor(e.relation),
  };
}

export function cmdExport(graph: Graph, options: { format?: string; query?: string; out?: string }): number {
  const format = options.format as Format;
  if (!FORMATS.includes(format)) {
    console.error(`export: --format must be one of ${FORMATS.join(", ")}`);
    return 2;
  }
  if (!options.out) {
    console.error(
      `export: say where with -o PATH${format === "csv" ? " (a folder, for nodes.csv and edges.csv)" : ""}`,
    );
    return 2;
  }
  let part: ExportGraph;
  let title = `Recital: ${graph.order} nodes, ${graph.size} links`;
  let context: string[] = [];
  if (options.query) {
    const answer = runQuery(graph, options.query);
    if (answer.status !== "ok") {
      console.error(formatAnswer(answer));
      return exitCode(answer);
    }
    part = answerSubgraph(graph, answer);
    title = answerTitle(answer);
    context = [`Question: ${options.query}`];
  } else part = subgraph(graph, null);
  const files = exportGraph(part, format, {
    ...(format === "gexf" ? { viz: timelineViz(part) } : {}),
    brief: { title, context },
  });
  const written: string[] = [];
  try {
    if (format === "csv") {
      mkdirSync(options.out, { recursive: true });
      for (const f of files) writeFileSync(join(options.out, f.name), f.text);
      written.push(...files.map((f) => join(options.out!, f.name)));
    } else {
      writeFileSync(options.out, files[0]!.text);
      written.push(options.out);
    }
  } catch (err) {
    console.error(`export: cannot write ${options.out}: ${(err as Error).message}`);
    return 1;
  }
  console.log(`${part.order} nodes, ${part.size} edges → ${written.join(", ")}`);
  return 0;
}
