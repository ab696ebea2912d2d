// "What led to X" and "what followed from X": walks over the influence graph, a simple directed
// graph drawn from the citation graph once per graph. Each edge there runs from the text or event
// that came first and led to the other (RELATIONS[r].led) to the one it led to, and only when the
// dates allow it (the earlier end not after the later one), so every walk goes only back — or only
// forward — in time. Organisations and bodies are context, not history: they take no part.
// Texts without a date cannot be placed in time: a walk reaches them but goes no further, and the
// answer lists them apart.
import { DirectedGraph } from "graphology";
import { bfsFromNode } from "graphology-traversal";
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS, type NodeKind, type Relation } from "../model/vocabulary";

type Graph = AbstractGraph<NodeAttributes, EdgeAttributes>;

/** Kinds that give context to history but are not steps of it. */
export const CONTEXT_KINDS: ReadonlySet<NodeKind> = new Set(["organisation", "body"]);

/**
 * How strongly each relation explains why a node is in an answer, strongest first: an
 * authorization says more than a passing citation. Picks the edge an answer quotes.
 */
export const RELATION_STRENGTH: readonly Relation[] = [
  "authorizes",
  "approves",
  "signed",
  "implements",
  "amends",
  "supersedes",
  "repeals",
  "based_on",
  "adopted_by",
  "recalls",
  "welcomes",
  "notes",
  "cites",
  "part_of",
];

export const strength = (r: Relation): number => RELATION_STRENGTH.length - RELATION_STRENGTH.indexOf(r);

/**
 * Compares two ISO dates of any precision ("2017", "2017-09", "2017-09-26") on what both know:
 * "2017" and "2017-09-26" are the same time as far as either can tell.
 */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An influence edge: `edges` are the citation-graph edges it stands for. */
interface InfluenceAttributes {
  edges: string[];
}

export type InfluenceGraph = DirectedGraph<{ date?: string }, InfluenceAttributes>;

/** The influence graph of a citation graph (earlier → later), built once per graph. */
export function influenceGraph(graph: Graph): InfluenceGraph {
  const cached = influenceCache.get(graph);
  if (cached) return cached;
  const out: InfluenceGraph = new DirectedGraph();
  graph.forEachNode((id, a) => {
    if (!CONTEXT_KINDS.has(a.kind)) out.addNode(id, a.date ? { date: a.date } : {});
  });
  graph.forEachEdge((key, e, source, target, s, t) => {
    const led = RELATIONS[e.relation].led;
    if (!led || CONTEXT_KINDS.has(s.kind) || CONTEXT_KINDS.has(t.kind) || source === target) return;
    const [from, to, fromDate, toDate] =
      led === "target" ? [target, source, t.date, s.date] : [source, target, s.date, t.date];
    if (fromDate && toDate && compareDates(fromDate, toDate) > 0) return;
    const existing = out.edge(from, to);
    if (existing) out.getEdgeAttribute(existing, "edges").push(key);
    else out.addDirectedEdge(from, to, { edges: [key] });
  });
  influenceCache.set(graph, out);
  return out;
}

const influenceCache = new WeakMap<Graph, InfluenceGraph>();

export interface Reached {
  id: string;
  /** Steps from the origin. */
  depth: number;
  /** The nodes one step nearer the origin through which this one was reached. */
  via: string[];
}

export interface Walk {
  /** Dated nodes reached, nearest first (breadth-first order). */
  reached: Reached[];
  /** Undated nodes reached: listed apart, never walked through. */
  undated: Reached[];
}

/**
 * Everything that led to `origin` ("back") or followed from it ("forward"). The origin's own
 * undated state does not stop it: the history of an undated text is still its neighbours'.
 */
export function walkHistory(graph: Graph, origin: string, direction: "back" | "forward"): Walk {
  const influence = influenceGraph(graph);
  const reached: Reached[] = [];
  const undated: Reached[] = [];
  if (!influence.hasNode(origin)) return { reached, undated };
  const depthOf = new Map<string, number>();
  const mode = direction === "back" ? "inbound" : "outbound";
  bfsFromNode(
    influence,
    origin,
    (id, attributes, depth) => {
      if (id === origin) {
        depthOf.set(id, depth);
        return false;
      }
      const entry = { id, depth, via: nearer(influence, id, depth, depthOf, direction) };
      if (!attributes.date) {
        undated.push(entry);
        return true;
      }
      depthOf.set(id, depth);
      reached.push(entry);
      return false;
    },
    { mode },
  );
  return { reached, undated };
}

/** The walked nodes at depth - 1 next to `id`: those that reached it. */
function nearer(
  influence: InfluenceGraph,
  id: string,
  depth: number,
  depthOf: Map<string, number>,
  direction: "back" | "forward",
): string[] {
  // Going back, `id` led to its parent: the parent is among its out-neighbours.
  const candidates = direction === "back" ? influence.outNeighbors(id) : influence.inNeighbors(id);
  return candidates.filter((n) => depthOf.get(n) === depth - 1);
}
