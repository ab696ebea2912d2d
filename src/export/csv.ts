// Two CSV files, RFC 4180 (comma, double quotes, CRLF, a header row), written and read by
// papaparse. The headers follow the bulk-import convention of graph databases (Neo4j's
// neo4j-admin import): nodes.csv has `id:ID` and `:LABEL` (the kind), edges.csv `:START_ID`,
// `:END_ID` and `:TYPE` (the relation) with the edge's own `key`; typed columns say so
// (`session:long`, `start:long`); lists and objects are JSON in a ".json" column (flat.ts).
import { MultiDirectedGraph } from "graphology";
import Papa from "papaparse";
import { lineIndex } from "../extract/text";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { columnTypes, flattenAll, readValue, unflatten, type ColumnType, type Flat } from "./flat";
import type { ExportGraph } from "./scope";

const SUFFIX: Record<ColumnType, string> = {
  string: "",
  integer: ":long",
  double: ":double",
  boolean: ":boolean",
};
const TYPES: Record<string, ColumnType> = {
  "": "string",
  string: "string",
  int: "integer",
  long: "integer",
  short: "integer",
  byte: "integer",
  float: "double",
  double: "double",
  boolean: "boolean",
};

function table(fixed: string[], fixedRows: string[][], rows: Flat[]): string {
  const types = columnTypes(rows);
  const names = [...types.keys()];
  const fields = [...fixed, ...names.map((n) => n + SUFFIX[types.get(n)!])];
  const data = rows.map((row, i) => [
    ...fixedRows[i]!,
    ...names.map((n) => (n in row ? String(row[n]) : "")),
  ]);
  return Papa.unparse({ fields, data }, { newline: "\r\n" }) + "\r\n";
}

export function toCsv(graph: ExportGraph): { nodes: string; edges: string } {
  const nodeIds: string[][] = [];
  const nodeData: object[] = [];
  graph.forEachNode((id, a) => {
    const { kind, ...rest } = a;
    nodeIds.push([id, kind]);
    nodeData.push(rest);
  });
  const edgeIds: string[][] = [];
  const edgeData: object[] = [];
  graph.forEachEdge((key, a, source, target) => {
    const { relation, ...rest } = a;
    edgeIds.push([source, target, relation, key]);
    edgeData.push(rest);
  });
  const nodeRows = flattenAll(nodeData);
  const edgeRows = flattenAll(edgeData);
  return {
    nodes: table(["id:ID", ":LABEL"], nodeIds, nodeRows),
    edges: table([":START_ID", ":END_ID", ":TYPE", "key"], edgeIds, edgeRows),
  };
}

interface Column {
  header: string;
  name: string;
  type: ColumnType;
}

function columnsOf(headers: string[]): Column[] {
  return headers.map((header) => {
    const at = header.lastIndexOf(":");
    if (at <= 0) return { header, name: header, type: "string" };
    const type = TYPES[header.slice(at + 1).toLowerCase()];
    return type ? { header, name: header.slice(0, at), type } : { header, name: header, type: "string" };
  });
}

interface Row {
  /** Cells by column header (the first column of a header written twice). */
  cells: Record<string, string>;
  /** The line the row starts on (a quoted cell may hold line breaks). */
  line: number;
}

/** Rows of a CSV file, each with its line; what is wrong is said with the file and line. */
function rowsOf(text: string, file: string, problems: string[]): { columns: Column[]; rows: Row[] } {
  const body = text.replace(/^\ufeff/, "");
  const lineAt = lineIndex(body);
  const raw: { cells: string[]; line: number }[] = [];
  let start = 0;
  let said = 0;
  const say = (problem: string) => {
    if (said++ < 20) problems.push(problem);
  };
  Papa.parse<string[]>(body, {
    skipEmptyLines: true,
    step: (result) => {
      while (body[start] === "\r" || body[start] === "\n") start++;
      const { line } = lineAt(start);
      for (const e of result.errors) say(`${file}:${line}: ${e.message}`);
      raw.push({ cells: result.data, line });
      start = result.meta.cursor;
    },
  });
  const [head, ...rest] = raw;
  if (!head) return { columns: [], rows: [] };
  const first = new Map<string, number>();
  head.cells.forEach((h, i) => {
    if (first.has(h)) say(`${file}:${head.line}: column "${h}" appears twice; the first is read`);
    else first.set(h, i);
  });
  const rows = rest.map(({ cells, line }) => {
    if (cells.length !== head.cells.length)
      say(
        `${file}:${line}: ${cells.length} fields where the header has ${head.cells.length}; read as far as they go`,
      );
    const named: Record<string, string> = {};
    for (const [h, i] of first) if (cells[i] !== undefined) named[h] = cells[i]!;
    return { cells: named, line };
  });
  if (said > 20) problems.push(`${file}: ${said - 20} more problems not listed`);
  return { columns: columnsOf([...first.keys()]), rows };
}

function attributesOf(
  row: Record<string, string>,
  columns: Column[],
  skip: Set<string>,
): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const c of columns) {
    if (skip.has(c.header)) continue;
    const text = row[c.header];
    if (text === undefined || text === "") continue;
    flat[c.name] = readValue(text, c.type);
  }
  return flat;
}

/**
 * The graph of a nodes.csv and an edges.csv. A row that cannot be placed (no id, an edge to a node
 * the file lacks, a key seen before) is reported with its file and line and left out.
 */
export function fromCsv(
  nodes: { text: string; file: string },
  edges: { text: string; file: string } | null,
  problems: string[],
  /** Set to the rows the files hold: what an import kept is told against it. */
  held: { nodes: number; edges: number } = { nodes: 0, edges: 0 },
): ExportGraph {
  const out: ExportGraph = new MultiDirectedGraph();
  const n = rowsOf(nodes.text, nodes.file, problems);
  held.nodes = n.rows.length;
  const idColumn = n.columns.find((c) => c.header === "id:ID" || c.header === "id")?.header;
  const labelColumn = n.columns.find((c) => c.header === ":LABEL" || c.header === "kind")?.header;
  if (!idColumn) {
    problems.push(`${nodes.file}:1: no id:ID column; its ${n.rows.length} rows are not read`);
    if (edges) problems.push(`${edges.file}: not read: its edges need the nodes of ${nodes.file}`);
    return out;
  }
  const nodeSkip = new Set([idColumn, ...(labelColumn ? [labelColumn] : [])]);
  n.rows.forEach(({ cells: row, line }) => {
    const id = row[idColumn];
    const where = `${nodes.file}:${line}`;
    if (!id) return void problems.push(`${where}: no id`);
    if (out.hasNode(id)) return void problems.push(`${where}: node ${id} appears twice; the first is kept`);
    const attributes = unflatten(attributesOf(row, n.columns, nodeSkip), where, problems);
    const kind = labelColumn ? row[labelColumn] : undefined;
    out.addNode(id, { ...(kind ? { kind } : {}), ...attributes } as unknown as NodeAttributes);
  });
  if (!edges) return out;
  const e = rowsOf(edges.text, edges.file, problems);
  held.edges = e.rows.length;
  const need = [":START_ID", ":END_ID", ":TYPE"];
  const missing = need.filter((h) => !e.columns.some((c) => c.header === h));
  if (missing.length) {
    problems.push(`${edges.file}:1: no ${missing.join(", ")} column; its ${e.rows.length} rows are not read`);
    return out;
  }
  const edgeSkip = new Set([...need, "key"]);
  e.rows.forEach(({ cells: row, line }) => {
    const where = `${edges.file}:${line}`;
    const [source, target, relation] = need.map((h) => row[h] ?? "") as [string, string, string];
    const key = row.key || `${source}|${relation}|${target}`;
    for (const end of [source, target])
      if (!out.hasNode(end))
        return void problems.push(`${where}: edge ${key} names node "${end}", which nodes.csv lacks`);
    if (out.hasEdge(key)) return void problems.push(`${where}: edge ${key} appears twice; the first is kept`);
    const attributes = unflatten(attributesOf(row, e.columns, edgeSkip), where, problems);
    out.addDirectedEdgeWithKey(key, source, target, { relation, ...attributes } as unknown as EdgeAttributes);
  });
  return out;
}
