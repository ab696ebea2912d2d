// Which nodes and edges a view shows. Pure: the canonical graph and a view in, sets out. The canvas
// applies them through reducers (hidden flags), never by rewriting the graph.
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../../model/graph";
import type { NodeKind, Relation } from "../../model/vocabulary";
import type { ViewState } from "./viewState";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/**
 * The organisations a node belongs to: itself for an organisation; its issuer's organisation,
 * through a body ("INTERPOL-GA" → "INTERPOL"); otherwise the organisations that signed it,
 * directly or through its signature event (the ITU–INTERPOL agreement belongs to both).
 */
export function organisationsOf(graph: Graph, id: string): string[] {
  const seen = new Set<string>();
  let cur: string | undefined = id;
  while (cur && graph.hasNode(cur) && !seen.has(cur)) {
    seen.add(cur);
    const a: NodeAttributes = graph.getNodeAttributes(cur);
    if (a.kind === "organisation") return [cur];
    cur = a.issuer;
  }
  // Who signed it: an organisation directly, or through the signature event that signed it.
  const signers = new Set<string>();
  graph.forEachInEdge(id, (_, e, source, _t, s) => {
    if (e.relation !== "signed") return;
    if (s.kind === "organisation") signers.add(source);
    else if (s.kind === "event")
      graph.forEachInEdge(source, (__, e2, org, _t2, o) => {
        if (e2.relation === "signed" && o.kind === "organisation") signers.add(org);
      });
  });
  return [...signers];
}

/** The year of an ISO date ("2017-09-26" → 2017), or null. */
export function yearOf(date: string | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

export interface Visible {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * Every node or every edge of a graph, as a set that is not built: what a view that filters nothing
 * shows. At 100,000 nodes, building the two sets took a second, before the graph could be drawn.
 */
class Every implements ReadonlySet<string> {
  constructor(
    readonly size: number,
    private readonly contains: (key: string) => boolean,
    private readonly list: () => string[],
  ) {}

  has(key: string): boolean {
    return this.contains(key);
  }

  forEach(each: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const key of this.list()) each(key, key, this);
  }

  *entries(): SetIterator<[string, string]> {
    for (const key of this.list()) yield [key, key];
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *values(): SetIterator<string> {
    yield* this.list();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
}

/** The nodes and edges a view shows; an edge shows when its relation and both its ends do. */
export function visibleGraph(graph: Graph, view: ViewState): Visible {
  if (!view.kinds && !view.relations && !view.orgs && !view.years && view.asOf === null)
    return {
      nodes: new Every(
        graph.order,
        (key) => graph.hasNode(key),
        () => graph.nodes(),
      ),
      edges: new Every(
        graph.size,
        (key) => graph.hasEdge(key),
        () => graph.edges(),
      ),
    };
  const kinds = view.kinds ? new Set<NodeKind>(view.kinds) : null;
  const relations = view.relations ? new Set<Relation>(view.relations) : null;
  const orgs = view.orgs ? new Set(view.orgs) : null;
  const nodes = new Set<string>();
  graph.forEachNode((id, a) => {
    if (kinds && !kinds.has(a.kind)) return;
    if (view.years) {
      const y = yearOf(a.date);
      if (y === null || y < view.years[0] || y > view.years[1]) return;
    }
    // As of a year: what was not yet there is hidden; the undated (constitutions, organisations) stay.
    if (view.asOf !== null) {
      const y = yearOf(a.date);
      if (y !== null && y > view.asOf) return;
    }
    if (orgs && !organisationsOf(graph, id).some((o) => orgs.has(o))) return;
    nodes.add(id);
  });
  const edges = new Set<string>();
  graph.forEachEdge((key, e, source, target) => {
    if (relations && !relations.has(e.relation)) return;
    if (nodes.has(source) && nodes.has(target)) edges.add(key);
  });
  return { nodes, edges };
}

export interface Counts {
  kinds: Partial<Record<NodeKind, number>>;
  relations: Partial<Record<Relation, number>>;
}

/**
 * Nodes of each kind and edges of each relation among those visible. (The whole graph's are in its
 * summary, src/app/state/summary.ts.)
 */
export function countVisible(graph: Graph, visible: Visible): Counts {
  const counts: Counts = { kinds: {}, relations: {} };
  for (const id of visible.nodes) {
    const kind: NodeKind = graph.getNodeAttribute(id, "kind");
    counts.kinds[kind] = (counts.kinds[kind] ?? 0) + 1;
  }
  for (const key of visible.edges) {
    const relation: Relation = graph.getEdgeAttribute(key, "relation");
    counts.relations[relation] = (counts.relations[relation] ?? 0) + 1;
  }
  return counts;
}

/** Whether `visible` is the whole graph (nothing filtered out). */
export const showsAll = (graph: Graph, visible: Visible): boolean =>
  visible.nodes.size === graph.order && visible.edges.size === graph.size;

export interface OrganisationChoice {
  id: string;
  label: string;
  /** Its nodes. */
  count: number;
}

/** The organisations of the graph (or of the nodes `among`), with their node counts, most populous first. */
export function organisationChoices(graph: Graph, among?: ReadonlySet<string>): OrganisationChoice[] {
  const count = new Map<string, number>();
  graph.forEachNode((id) => {
    if (among && !among.has(id)) return;
    for (const o of organisationsOf(graph, id)) count.set(o, (count.get(o) ?? 0) + 1);
  });
  return rankOrganisations(graph, count);
}

/** Organisations counted, with their labels, most populous first. */
export function rankOrganisations(graph: Graph, count: ReadonlyMap<string, number>): OrganisationChoice[] {
  return [...count]
    .map(([id, n]) => ({ id, label: graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id, count: n }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** Toggle `item` in a filter list where null means "all of `all`". */
export function toggled<T extends string>(
  current: readonly T[] | null,
  item: T,
  all: readonly T[],
): T[] | null {
  const shown = new Set(current ?? all);
  if (shown.has(item)) shown.delete(item);
  else shown.add(item);
  return shown.size === all.length ? null : all.filter((x) => shown.has(x));
}
