// "What led to X" and "what followed from X": walks over the influence graph, a simple directed
// graph drawn from the citation graph once per graph. Each edge there runs from the text or event
// that came first and led to the other (RELATIONS[r].led) to the one it led to, and only when the
// dates allow it (the earlier end not after the later one), so every walk goes only back — or only
// forward — in time. Organisations and bodies are context, not history: they take no part.
// Texts without a date cannot be placed in time: a walk reaches them but goes no further, and the
// answer lists them apart.
import { DirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS, type NodeKind, type Relation } from "../model/vocabulary";
import { memo } from "./memo";

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

/**
 * An influence edge: `edges` are the citation-graph edges it stands for, `best` the strongest of
 * them (RELATION_STRENGTH) — the one an answer quotes — and `strength` its strength.
 */
interface InfluenceAttributes {
  edges: string[];
  best: string;
  strength: number;
}

export type InfluenceGraph = DirectedGraph<{ date?: string }, InfluenceAttributes>;

/**
 * The step of history a citation-graph edge stands for, as [earlier, later], or null when it stands
 * for none: a relation silent on history, an organisation or body at either end, a loop, or dates
 * that put the earlier end after the later one.
 */
export function influenceStep(
  e: EdgeAttributes,
  source: string,
  target: string,
  s: NodeAttributes,
  t: NodeAttributes,
): [string, string] | null {
  const led = RELATIONS[e.relation].led;
  if (!led || CONTEXT_KINDS.has(s.kind) || CONTEXT_KINDS.has(t.kind) || source === target) return null;
  // A text that refers to something dated after it provides for it ("to submit the Agreement to
  // the 2018 Conference"): the reference leads forward, from the text to what it refers to.
  const forward =
    led === "source" ||
    (RELATIONS[e.relation].refers && !!s.date && !!t.date && compareDates(t.date, s.date) > 0);
  const [from, to, fromDate, toDate] = forward
    ? [source, target, s.date, t.date]
    : [target, source, t.date, s.date];
  if (fromDate && toDate && compareDates(fromDate, toDate) > 0) return null;
  return [from, to];
}

/** The influence graph of a citation graph (earlier → later), built once per graph (memo.ts). */
export function influenceGraph(graph: Graph): InfluenceGraph {
  return memo(graph, "influence", () => buildInfluence(graph));
}

function buildInfluence(graph: Graph): InfluenceGraph {
  const out: InfluenceGraph = new DirectedGraph();
  graph.forEachNode((id, a) => {
    if (!CONTEXT_KINDS.has(a.kind)) out.addNode(id, a.date ? { date: a.date } : {});
  });
  graph.forEachEdge((key, e, source, target, s, t) => {
    const step = influenceStep(e, source, target, s, t);
    if (!step) return;
    const [from, to] = step;
    const existing = out.edge(from, to);
    const rank = strength(e.relation);
    if (!existing) {
      out.addDirectedEdge(from, to, { edges: [key], best: key, strength: rank });
      return;
    }
    const a = out.getEdgeAttributes(existing);
    a.edges.push(key);
    if (rank > a.strength) [a.best, a.strength] = [key, rank];
  });
  return out;
}

export interface Reached {
  id: string;
  /** Steps from the origin. */
  depth: number;
  /** The citation-graph edge that put it there: the strongest from a node one step nearer. */
  via: string;
}

export interface Walk {
  /** Dated nodes reached, nearest first (breadth-first order). */
  reached: Reached[];
  /** Undated nodes reached: listed apart, never walked through. */
  undated: Reached[];
}

/**
 * Everything that led to `origin` ("back") or followed from it ("forward"), breadth first. The
 * origin's own undated state does not stop it: the history of an undated text is still its
 * neighbours'. A hand-written breadth-first walk rather than graphology-traversal's: it keeps, for
 * each node, the strongest edge from the level before, which that one does not report.
 */
export function walkHistory(graph: Graph, origin: string, direction: "back" | "forward"): Walk {
  const influence = influenceGraph(graph);
  const reached: Reached[] = [];
  const undated: Reached[] = [];
  if (!influence.hasNode(origin)) return { reached, undated };
  const back = direction === "back";
  // The time each node walked through bounds what comes next: going back, nothing may start after
  // the earliest end on the way; going forward, nothing may end before the latest start. Dates of
  // any precision are intervals ("2018" is all of 2018), so "2018-11-20" → "2018" → "2018-03-01"
  // is refused: the bound set by 2018-03-01 still holds past the year-only text.
  const originDate = influence.getNodeAttribute(origin, "date");
  const seen = new Map<string, Reached & { strength: number; bound: string }>();
  const boundOf = new Map<string, string>([
    [origin, originDate ? edgeOf(originDate, back) : back ? "9" : ""],
  ]);
  let level = [origin];
  for (let depth = 1; level.length; depth++) {
    const next = new Set<string>();
    for (const from of level) {
      const bound = boundOf.get(from)!;
      const visit = (id: string, a: InfluenceAttributes) => {
        if (id === origin) return;
        const date = influence.getNodeAttribute(id, "date");
        // Going back, `id` must start no later than the bound; going forward, end no earlier.
        if (date && (back ? edgeOf(date, false) > bound : edgeOf(date, true) < bound)) return;
        const reachedBound = date
          ? back
            ? min(bound, edgeOf(date, true))
            : max(bound, edgeOf(date, false))
          : bound;
        const known = seen.get(id);
        if (!known) {
          const entry = { id, depth, via: a.best, strength: a.strength, bound: reachedBound };
          seen.set(id, entry);
          if (!date) {
            undated.push(entry);
            return;
          }
          reached.push(entry);
          boundOf.set(id, reachedBound);
          next.add(id);
          return;
        }
        // Another way in from the same level: keep the strongest edge.
        if (known.depth === depth && a.strength > known.strength)
          [known.via, known.strength] = [a.best, a.strength];
        // A looser bound than the one it was reached with: walk on from it again.
        if (date && (back ? reachedBound > known.bound : reachedBound < known.bound)) {
          known.bound = reachedBound;
          boundOf.set(id, reachedBound);
          next.add(id);
        }
      };
      if (back) influence.forEachInEdge(from, (_, a, source) => visit(source, a));
      else influence.forEachOutEdge(from, (_, a, __, target) => visit(target, a));
    }
    level = [...next];
  }
  const strip = ({ id, depth, via }: Reached): Reached => ({ id, depth, via });
  return { reached: reached.map(strip), undated: undated.map(strip) };
}

/**
 * The last (end) or first (start) day a date of any precision may mean, as a string that compares
 * in time order: "2018" ends "2018-99-99" and starts "2018"; "2018-03-26" is both.
 */
function edgeOf(date: string, end: boolean): string {
  return end ? date + "-99-99".slice(date.length - 4) : date;
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);
