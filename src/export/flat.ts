// Attributes as flat, typed columns — what GEXF, GraphML and CSV can hold — and back, exactly.
// Scalars (string, finite number, boolean) stay as they are, typed; anything else (a list of
// aliases, a title in two languages) is written as JSON under its name with a ".json" suffix, so a
// spreadsheet or Gephi shows it whole and an import restores it as it was. So is the empty string:
// an empty cell or attvalue reads as "no value", and "" must come back as "".
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import type { ExportGraph } from "./scope";

export type Scalar = string | number | boolean;
export type Flat = Record<string, Scalar>;
export type ColumnType = "string" | "integer" | "double" | "boolean";

/** Characters XML 1.0 cannot hold at all, even escaped: they are left out of GEXF and GraphML. */
// eslint-disable-next-line no-control-regex
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text for an XML document whose attributes are double-quoted: &, <, > and " escaped, characters
 * XML cannot hold left out.
 */
export function xmlText(text: string): string {
  return text
    .replace(XML_FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The suffix of a column that holds a JSON value. */
export const JSON_SUFFIX = ".json";

export function flatten(attributes: object): Flat {
  const out: Flat = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if ((typeof value === "string" && value !== "") || typeof value === "boolean") out[name] = value;
    else if (typeof value === "number" && Number.isFinite(value)) out[name] = value;
    else out[name + JSON_SUFFIX] = JSON.stringify(value);
  }
  return out;
}

/**
 * Rows flattened together: a column whose values are of different types from row to row (a number
 * here, a string there) is written as JSON in every row, so that each value comes back with its
 * own type. Integers and decimals are one type.
 */
export function flattenAll(rows: object[]): Flat[] {
  const flat = rows.map(flatten);
  const kinds = new Map<string, Set<string>>();
  for (const row of flat)
    for (const [name, value] of Object.entries(row)) {
      const seen = kinds.get(name) ?? new Set<string>();
      seen.add(typeof value);
      kinds.set(name, seen);
    }
  const mixed = [...kinds]
    .filter(([name, k]) => k.size > 1 && !name.endsWith(JSON_SUFFIX))
    .map(([name]) => name);
  if (!mixed.length) return flat;
  return flat.map((row) => {
    const out: Flat = { ...row };
    for (const name of mixed)
      if (name in out) {
        out[name + JSON_SUFFIX] = JSON.stringify(out[name]);
        delete out[name];
      }
    return out;
  });
}

/** Undoes `flatten`: JSON columns parsed back; a malformed one is reported, not guessed. */
export function unflatten(
  flat: Record<string, unknown>,
  where: string,
  problems: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(flat)) {
    if (value === undefined || value === null || value === "") continue;
    if (name.endsWith(JSON_SUFFIX) && typeof value === "string") {
      try {
        out[name.slice(0, -JSON_SUFFIX.length)] = JSON.parse(value);
      } catch {
        problems.push(`${where}: ${name} is not valid JSON; kept as text`);
        out[name] = value;
      }
    } else out[name] = value;
  }
  return out;
}

/** The type of a column from every value it holds: integer, double, boolean or string. */
export function columnTypes(rows: Iterable<Flat>): Map<string, ColumnType> {
  const types = new Map<string, ColumnType>();
  for (const row of rows)
    for (const [name, value] of Object.entries(row)) {
      const t: ColumnType =
        typeof value === "boolean"
          ? "boolean"
          : typeof value === "number"
            ? Number.isInteger(value)
              ? "integer"
              : "double"
            : "string";
      const known = types.get(name);
      if (!known) types.set(name, t);
      else if (known !== t)
        types.set(
          name,
          known === "integer" && t === "double"
            ? "double"
            : known === "double" && t === "integer"
              ? "double"
              : "string",
        );
    }
  return types;
}

/** A typed column's text read back as its value. */
export function readValue(text: string, type: ColumnType): Scalar {
  if (type === "integer" || type === "double") {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

/** What a reader leaves out of each node's or edge's attributes (deletes from the copy it is given). */
export type Strip = (attributes: Record<string, unknown>) => void;

/**
 * A graph a format library parsed, as a graph of ours: every node and edge with its flat attributes
 * made whole again (`unflatten`), after `strip` has taken out what belongs to the file, not the data.
 */
export function unflattenGraph(
  parsed: AbstractGraph,
  file: string,
  problems: string[],
  graphAttributes: Attributes,
  strip: { node?: Strip; edge?: Strip } = {},
): ExportGraph {
  const out: ExportGraph = new MultiDirectedGraph();
  out.replaceAttributes(graphAttributes);
  parsed.forEachNode((id, a) => {
    const data: Record<string, unknown> = { ...a };
    strip.node?.(data);
    out.addNode(id, unflatten(data, `${file}: node ${id}`, problems) as unknown as NodeAttributes);
  });
  parsed.forEachEdge((key, a, source, target) => {
    const data: Record<string, unknown> = { ...a };
    strip.edge?.(data);
    out.addDirectedEdgeWithKey(
      key,
      source,
      target,
      unflatten(data, `${file}: edge ${key}`, problems) as unknown as EdgeAttributes,
    );
  });
  return out;
}
