// What the details panel shows about one node: its facts, and its edges grouped by relation.
// Pure: reads the canonical graph, returns plain data; no React, no DOM.
import type { Method, NodeKind, Relation } from "../../model/vocabulary";
import { RELATION_NAMES } from "../../model/vocabulary";
import type { EdgeAttributes, Titles } from "../../model/graph";
import type { CanonicalGraph } from "../data/loadGraph";

export interface EdgeItem {
  edge: string;
  /** The node at the other end of the edge. */
  other: string;
  otherLabel: string;
  otherKind: NodeKind;
  /** The other node's date (ISO 8601, partial allowed), when known. */
  otherDate?: string;
  clause: string;
  quote: string;
  /** The data file the quote was taken from, and where in it (UTF-16 offsets); undefined when unknown. */
  source: string;
  start: number | undefined;
  end: number | undefined;
  pinpoint?: string;
  version?: string;
  method: Method;
}

export interface Group {
  relation: Relation;
  items: EdgeItem[];
}

export interface NodeEdges {
  outgoing: Group[];
  incoming: Group[];
}

export interface NodeFacts {
  id: string;
  kind: NodeKind;
  label: string;
  titles: Titles;
  date?: string;
  place?: string;
  /** The issuing body or organisation; label only when its node is in the graph. */
  issuer?: { id: string; label?: string };
  aliases: string[];
  /** The data file holding the node's text, when we hold it. */
  source?: string;
  /** Where the node's text stands in that file, when known. */
  passage?: { start: number; end: number };
}

/** Relations in vocabulary order, then any the vocabulary does not know, alphabetically. */
function relationRank(relation: string): [number, string] {
  const i = (RELATION_NAMES as readonly string[]).indexOf(relation);
  return [i < 0 ? RELATION_NAMES.length : i, relation];
}

function compareRelations(a: string, b: string): number {
  const [ra, na] = relationRank(a);
  const [rb, nb] = relationRank(b);
  return ra - rb || na.localeCompare(nb);
}

/** Dated before undated, earlier before later, then by label, then by place in the source. */
function compareItems(a: EdgeItem, b: EdgeItem): number {
  const da = a.otherDate;
  const db = b.otherDate;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da.localeCompare(db);
  }
  return (
    a.otherLabel.localeCompare(b.otherLabel) ||
    (a.start ?? 0) - (b.start ?? 0) ||
    a.edge.localeCompare(b.edge)
  );
}

function collect(graph: CanonicalGraph, nodeId: string, direction: "out" | "in"): Group[] {
  const byRelation = new Map<Relation, EdgeItem[]>();
  const visit = (edge: string, a: EdgeAttributes, other: string) => {
    const o = graph.getNodeAttributes(other);
    const item: EdgeItem = {
      edge,
      other,
      otherLabel: o.label,
      otherKind: o.kind,
      clause: a.clause,
      quote: a.quote,
      source: a.source,
      start: a.start,
      end: a.end,
      method: a.method,
    };
    if (o.date) item.otherDate = o.date;
    if (a.pinpoint) item.pinpoint = a.pinpoint;
    if (a.version) item.version = a.version;
    const items = byRelation.get(a.relation) ?? [];
    items.push(item);
    byRelation.set(a.relation, items);
  };
  if (direction === "out") graph.forEachOutEdge(nodeId, (e, a, _s, t) => visit(e, a, t));
  else graph.forEachInEdge(nodeId, (e, a, s) => visit(e, a, s));
  return [...byRelation]
    .sort(([a], [b]) => compareRelations(a, b))
    .map(([relation, items]) => ({ relation, items: items.sort(compareItems) }));
}

/** The node's edges, outgoing and incoming, grouped by relation. Empty when the node is unknown. */
export function groupEdges(graph: CanonicalGraph, nodeId: string): NodeEdges {
  if (!graph.hasNode(nodeId)) return { outgoing: [], incoming: [] };
  return { outgoing: collect(graph, nodeId, "out"), incoming: collect(graph, nodeId, "in") };
}

/** The facts to show about a node; null when the graph does not hold it. */
export function describeNode(graph: CanonicalGraph, id: string): NodeFacts | null {
  if (!graph.hasNode(id)) return null;
  const a = graph.getNodeAttributes(id);
  const facts: NodeFacts = {
    id,
    kind: a.kind,
    label: a.label,
    titles: { ...(a.title?.fr ? { fr: a.title.fr } : {}), ...(a.title?.en ? { en: a.title.en } : {}) },
    aliases: [...(a.aliases ?? [])],
  };
  if (a.date) facts.date = a.date;
  if (a.place) facts.place = a.place;
  if (a.issuer) {
    facts.issuer = graph.hasNode(a.issuer)
      ? { id: a.issuer, label: graph.getNodeAttribute(a.issuer, "label") }
      : { id: a.issuer };
  }
  if (a.source) {
    facts.source = a.source;
    if (a.start !== undefined && a.end !== undefined) facts.passage = { start: a.start, end: a.end };
  }
  return facts;
}
