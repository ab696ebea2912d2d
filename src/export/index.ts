// Export and import, by format: GEXF, GraphML, graphology JSON and a CSV pair are data (an export
// read back gives the same graph); the Markdown brief is for reading. Pictures (PNG, SVG) are the
// explorer's, drawn from the canvas. Imported graphs are made fit to explore: a node without a
// label is labelled by its id, an unknown kind or relation is said and replaced.
import type { Attributes } from "graphology-types";
import { parseGraph } from "../build/graphFile";
import { NODE_KINDS, RELATIONS } from "../model/vocabulary";
import { toBrief, type BriefOptions } from "./brief";
import { fromCsv, toCsv } from "./csv";
import { fromGexf, toGexf, type Viz } from "./gexf";
import { fromGraphml, toGraphml } from "./graphml";
import type { ExportGraph } from "./scope";
import { DATA_FORMATS, formatOf, type DataFormat, type InputFile } from "./detect";

export { DATA_FORMATS, formatOf, type DataFormat, type InputFile };

export const FORMATS = [...DATA_FORMATS, "md"] as const;
export type Format = (typeof FORMATS)[number];

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

export interface ExportOptions {
  /** File names start with this ("recital", "recital-what-led-to"). */
  base?: string;
  viz?: Viz;
  brief?: BriefOptions;
}

export function exportGraph(graph: ExportGraph, format: Format, options: ExportOptions = {}): ExportFile[] {
  const base = options.base ?? "recital";
  switch (format) {
    case "gexf":
      return [{ name: `${base}.gexf`, mime: "application/gexf+xml", text: toGexf(graph, options.viz) }];
    case "graphml":
      return [{ name: `${base}.graphml`, mime: "application/graphml+xml", text: toGraphml(graph) }];
    case "json":
      return [
        { name: `${base}.json`, mime: "application/json", text: JSON.stringify(graph.export(), null, 1) },
      ];
    case "csv": {
      const { nodes, edges } = toCsv(graph);
      return [
        { name: "nodes.csv", mime: "text/csv", text: nodes },
        { name: "edges.csv", mime: "text/csv", text: edges },
      ];
    }
    case "md":
      return [
        {
          name: `${base}.md`,
          mime: "text/markdown",
          text: toBrief(graph, options.brief ?? { title: "Recital" }),
        },
      ];
  }
}

export interface Imported {
  graph: ExportGraph | null;
  format: DataFormat | null;
  /** Each problem names the file and the line, node or edge. */
  problems: string[];
  /**
   * The nodes and edges the files hold, when some were left out: the graph is what was kept, and
   * each one left out is among the problems. Null when all that the files hold was read.
   */
  held: { nodes: number; edges: number } | null;
}

/** One graph from dropped or fetched files: one GEXF, GraphML or JSON file, or a CSV pair. */
export function importFiles(files: InputFile[]): Imported {
  const problems: string[] = [];
  const known = files.map((f) => ({ f, format: formatOf(f) }));
  for (const { f, format } of known)
    if (!format) problems.push(`${f.name}: not a GEXF, GraphML, JSON or CSV file`);
  const data = known.filter((k) => k.format);
  if (!data.length) return { graph: null, format: null, problems, held: null };
  const held = { nodes: 0, edges: 0 };
  const csv = data.filter((k) => k.format === "csv").map((k) => k.f);
  let graph: ExportGraph | null = null;
  let format: DataFormat = data[0]!.format!;
  /** The file the nodes were read from, and the one the edges were. */
  let roles = { nodes: data[0]!.f.name, edges: data[0]!.f.name };
  try {
    if (csv.length && csv.length === data.length) {
      format = "csv";
      const edges = csv.find((f) => /edge/i.test(f.name)) ?? null;
      const nodes = csv.find((f) => f !== edges && /node/i.test(f.name)) ?? csv.find((f) => f !== edges);
      const unread = csv.filter((f) => f !== edges && f !== nodes);
      if (unread.length)
        problems.push(
          `${unread.map((f) => f.name).join(", ")}: one nodes file and one edges file at a time; not read`,
        );
      roles = { nodes: nodes?.name ?? "", edges: edges?.name ?? nodes?.name ?? "" };
      if (!nodes) problems.push(`${edges!.name}: edges.csv needs its nodes.csv`);
      else
        graph = fromCsv(
          { text: nodes.text, file: nodes.name },
          edges && { text: edges.text, file: edges.name },
          problems,
          held,
        );
    } else {
      const { f } = data[0]!;
      if (data.length > 1)
        problems.push(
          `${data
            .slice(1)
            .map((k) => k.f.name)
            .join(", ")}: one graph file at a time; ${f.name} is read`,
        );
      if (format === "gexf") graph = fromGexf(f.text, f.name, problems);
      else if (format === "graphml") graph = fromGraphml(f.text, f.name, problems);
      else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(f.text);
        } catch (err) {
          problems.push(`${f.name}: not valid JSON: ${(err as Error).message}`);
          return { graph: null, format, problems, held: null };
        }
        graph = readJsonGraph(parsed, f.name);
      }
    }
  } catch (err) {
    const file = csv.length ? csv.map((f) => f.name).join(", ") : data[0]!.f.name;
    problems.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    return { graph: null, format, problems, held: null };
  }
  if (!graph) return { graph, format, problems, held: null };
  normalise(graph, problems, roles);
  const partial = format === "csv" && (held.nodes !== graph.order || held.edges !== graph.size);
  return { graph, format, problems, held: partial ? held : null };
}

/**
 * graphology's serialized format, from Recital or elsewhere: what lacks a kind or a label is
 * mended by `normalise`, not refused; a file that is not that format at all is.
 */
function readJsonGraph(data: unknown, file: string): ExportGraph {
  const record = data as { nodes?: unknown; edges?: unknown };
  if (!record || typeof record !== "object" || !Array.isArray(record.nodes) || !Array.isArray(record.edges))
    throw new Error("not a graph: it has no nodes and edges lists");
  const nodes = record.nodes as { key?: unknown; attributes?: unknown }[];
  for (const n of nodes)
    if (!n || typeof n !== "object" || (typeof n.key !== "string" && typeof n.key !== "number"))
      throw new Error("a node has no key");
  return parseGraph(
    {
      ...record,
      nodes: nodes.map((n) => {
        const a = (n.attributes && typeof n.attributes === "object" ? n.attributes : {}) as Record<
          string,
          unknown
        >;
        return { ...n, attributes: { kind: "", label: "", ...a } };
      }),
    },
    file,
  ) as ExportGraph;
}

/** Makes a graph from elsewhere fit to explore, saying what it changed. */
function normalise(graph: ExportGraph, problems: string[], roles: { nodes: string; edges: string }) {
  const kinds: ReadonlySet<string> = new Set(NODE_KINDS);
  graph.updateEachNodeAttributes((id, a) => {
    const out = { ...a } as Attributes;
    if (typeof out.label !== "string" || !out.label) out.label = id;
    if (!kinds.has(String(out.kind))) {
      problems.push(
        `${roles.nodes}: node ${id}: kind "${String(out.kind ?? "")}" is not one of ${NODE_KINDS.join(", ")}; read as document`,
      );
      out.kind = "document";
    }
    if (!Array.isArray(out.aliases)) out.aliases = [];
    return out as typeof a;
  });
  graph.updateEachEdgeAttributes((key, a) => {
    if (Object.hasOwn(RELATIONS, a.relation)) return a;
    problems.push(
      `${roles.edges}: edge ${key}: relation "${String(a.relation ?? "")}" is not in the vocabulary; read as cites`,
    );
    return { ...a, relation: "cites" };
  });
}
