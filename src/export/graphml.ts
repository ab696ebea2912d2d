// GraphML with typed keys. graphology-graphml reads GraphML but has no writer, so this writes it:
// one <key> per attribute and domain with its attr.type, XML-escaped values, edges keyed by their
// id. Reading goes through graphology-graphml, then the flat attributes are made whole again.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import type { Attributes } from "graphology-types";
import {
  columnTypes,
  flatten,
  flattenAll,
  unflatten,
  unflattenGraph,
  xmlText,
  type ColumnType,
  type Flat,
} from "./flat";
import type { ExportGraph } from "./scope";
import { parseXml } from "./xml";

const GRAPHML_TYPES: Record<ColumnType, string> = {
  string: "string",
  integer: "long",
  double: "double",
  boolean: "boolean",
};

/**
 * XML 1.0 text (flat.ts), and tabs and line breaks as character references: a parser would
 * otherwise normalise them.
 */
function xml(text: string): string {
  return xmlText(text).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

export function toGraphml(graph: ExportGraph): string {
  const graphRow = flatten(graph.getAttributes());
  const nodeFlat = flattenAll(graph.mapNodes((_, a) => a));
  const edgeFlat = flattenAll(graph.mapEdges((_, a) => a));
  const nodeRows = graph.nodes().map((id, i) => [id, nodeFlat[i]!] as const);
  const edgeRows = graph
    .mapEdges((key, _, s, t) => [key, s, t] as const)
    .map(([key, s, t], i) => [key, s, t, edgeFlat[i]!] as const);
  const keys = new Map<string, string>(); // domain|name -> key id
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const declare = (domain: string, rows: Flat[]) => {
    for (const [name, type] of columnTypes(rows)) {
      const id = `${domain[0]}${keys.size}`;
      keys.set(`${domain}|${name}`, id);
      lines.push(
        `  <key id="${id}" for="${domain}" attr.name="${xml(name)}" attr.type="${GRAPHML_TYPES[type]}"/>`,
      );
    }
  };
  declare("graph", [graphRow]);
  declare(
    "node",
    nodeRows.map(([, row]) => row),
  );
  declare(
    "edge",
    edgeRows.map(([, , , row]) => row),
  );
  const data = (domain: string, row: Flat, indent: string) =>
    Object.entries(row).map(
      ([name, value]) => `${indent}<data key="${keys.get(`${domain}|${name}`)}">${xml(String(value))}</data>`,
    );
  lines.push('  <graph id="recital" edgedefault="directed">');
  lines.push(...data("graph", graphRow, "    "));
  for (const [id, row] of nodeRows)
    lines.push(`    <node id="${xml(id)}">`, ...data("node", row, "      "), "    </node>");
  for (const [key, s, t, row] of edgeRows)
    lines.push(
      `    <edge id="${xml(key)}" source="${xml(s)}" target="${xml(t)}">`,
      ...data("edge", row, "      "),
      "    </edge>",
    );
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

export function fromGraphml(text: string, file: string, problems: string[]): ExportGraph {
  if (!/<graphml[\s>]/.test(text)) throw new Error("not a GraphML file: it has no <graphml> element");
  const parsed = parse(MultiDirectedGraph, parseXml(text));
  const { id, ...graphAttributes } = parsed.getAttributes();
  // The parser keeps the <graph id> as an attribute; "recital" is the one this writer gives.
  if (id !== undefined && id !== "recital") graphAttributes.id = id;
  return unflattenGraph(
    parsed,
    file,
    problems,
    unflatten(graphAttributes, `${file}: graph`, problems) as Attributes,
  );
}
