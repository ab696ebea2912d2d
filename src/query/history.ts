// "What led to X" and "what followed from X": walks over the influence graph, a simple directed
// graph drawn from the citation graph once per graph. Each edge there runs from the text or event
// that came first and led to the other (RELATIONS[r].led) to the one it led to, and only when the
// dates allow it (the earlier end not after the later one), so every walk goes only back — or only
// forward — in time. Organisations and bodies are context, not history: they take no part.
// Texts without a date cannot be placed in time: a walk reaches them but goes no further, and the
// answer lists them apart. Walks run over typed arrays (HistoryIndex), at about the cost of a plain
// breadth-first search; path queries use the influence graph as a graphology graph.
import { DirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import type { EdgeAttributes, NodeAttributes } from "../model/graph";
import { RELATIONS, type NodeKind, type Relation } from "../model/vocabulary";
import { eachEdge, eachNode, indexOf, type GraphIndex, type Steps } from "./memo";

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
export const INFLUENCE: GraphIndex<InfluenceGraph, Graph> = { key: "influence", build: buildInfluence };

export const influenceGraph = (graph: Graph): InfluenceGraph => indexOf(graph, INFLUENCE);

function* buildInfluence(graph: Graph): Steps<InfluenceGraph> {
  const out: InfluenceGraph = new DirectedGraph();
  yield* eachNode(
    graph,
    (id, a) => {
      if (!CONTEXT_KINDS.has(a.kind)) out.addNode(id, a.date ? { date: a.date } : {});
    },
    [0, 0.1],
  );
  yield* eachEdge(
    graph,
    (key, e, source, target, s, t) => {
      const step = influenceStep(e, source, target, s, t);
      if (!step) return;
      const [from, to] = step;
      // A graph changed between the two walks: this build is dropped (memo.ts), it must not throw.
      if (!out.hasNode(from) || !out.hasNode(to)) return;
      const existing = out.edge(from, to);
      const rank = strength(e.relation);
      if (!existing) {
        out.addDirectedEdge(from, to, { edges: [key], best: key, strength: rank });
        return;
      }
      const a = out.getEdgeAttributes(existing);
      a.edges.push(key);
      if (rank > a.strength) [a.best, a.strength] = [key, rank];
    },
    [0.1, 1],
  );
  return out;
}

/**
 * The influence graph again, as arrays for walking: nodes by number, each date as its rank in one
 * sorted list of every date string and date edge (so that comparing ranks is comparing the strings),
 * and the edges both ways in compressed sparse rows. A walk over it costs about what a plain
 * breadth-first search over typed arrays costs; the graphology influence graph above serves the
 * path queries, which lean on graphology's path libraries.
 */
export interface HistoryIndex {
  ids: string[];
  index: Map<string, number>;
  /** Rank of each node's date (-1: undated). */
  date: Int32Array;
  /** How many ranks dates have. */
  ranks: number;
  /** Each node's place in label order (ties in node order): same-day answers list by label. */
  labelRank: Int32Array;
  /** Influence edges (one per pair of nodes): the strongest citation-graph edge. */
  best: string[];
  /** Later → earlier: what led to each node. */
  back: Direction;
  /** Earlier → later: what each node led to. */
  forward: Direction;
  scratch: Scratch;
}

/**
 * A direction to walk: the adjacency in compressed sparse rows (node i's neighbours are
 * `nodes[offsets[i] .. offsets[i + 1])`), with what a walk needs of each neighbour beside it, so
 * that it reads the edge arrays in order and touches a node's own state only to mark it.
 */
interface Direction {
  offsets: Int32Array;
  nodes: Int32Array;
  /** The influence edge each neighbour is reached by (an index into `best`), and its strength. */
  edges: Int32Array;
  strengths: Uint8Array;
  /**
   * Each neighbour's first and last day as ranks, as this walk compares them. Walking forward is
   * walking back in mirrored time, so the forward days are the negated back ones, swapped. Undated
   * nodes start at UNDATED and end at NO_BOUND, so that no date stops them and they leave a bound
   * as it is.
   */
  first: Int32Array;
  last: Int32Array;
  /** Each node's last day, as this walk compares them: the bound a walk from it starts with. */
  own: Int32Array;
}

const UNDATED = -(2 ** 31);
const NO_BOUND = 2 ** 31 - 1;

/** The history index of a citation graph, built once per graph (memo.ts). */
export const HISTORY: GraphIndex<HistoryIndex, Graph> = { key: "history", build: buildHistoryIndex };

export const historyIndex = (graph: Graph): HistoryIndex => indexOf(graph, HISTORY);

function* buildHistoryIndex(graph: Graph): Steps<HistoryIndex> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const dates: (string | undefined)[] = [];
  const labels: string[] = [];
  yield* eachNode(
    graph,
    (id, a) => {
      if (CONTEXT_KINDS.has(a.kind)) return;
      index.set(id, ids.length);
      ids.push(id);
      dates.push(a.date);
      labels.push(a.label);
    },
    [0, 0.15],
  );
  const n = ids.length;
  // Dates as ranks: every string a walk compares, sorted once.
  const strings = new Set<string>();
  for (const d of dates) if (d) strings.add(d).add(edgeOf(d, true));
  const sorted = [...strings].sort();
  const rankOf = new Map(sorted.map((s, i) => [s, i]));
  const date = new Int32Array(n);
  const [backFirst, backLast] = [new Int32Array(n), new Int32Array(n)];
  dates.forEach((d, i) => {
    date[i] = d ? rankOf.get(d)! : -1;
    [backFirst[i], backLast[i]] = d ? [date[i]!, rankOf.get(edgeOf(d, true))!] : [UNDATED, NO_BOUND];
  });
  const dated = (i: number) => date[i]! >= 0;
  const forwardFirst = backLast.map((d, i) => (dated(i) ? -d : UNDATED));
  const forwardLast = backFirst.map((d, i) => (dated(i) ? -d : NO_BOUND));
  yield 0.15; // each sort below takes tens of milliseconds at 100,000 nodes: one part each
  const byLabel = Int32Array.from(ids.keys()).sort((a, b) => {
    const [x, y] = [labels[a]!, labels[b]!];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const labelRank = new Int32Array(n);
  byLabel.forEach((node, rank) => (labelRank[node] = rank));
  yield 0.2;

  // One influence edge per pair of nodes, keeping the strongest citation-graph edge.
  const pairs = new Map<number, number>();
  const from: number[] = [];
  const to: number[] = [];
  const best: string[] = [];
  const strengths: number[] = [];
  yield* eachEdge(
    graph,
    (key, e, source, target, s, t) => {
      const step = influenceStep(e, source, target, s, t);
      if (!step) return;
      const [a, b] = [index.get(step[0]), index.get(step[1])];
      if (a === undefined || b === undefined) return; // a graph changed half-way: this build is dropped
      const rank = strength(e.relation);
      const pair = a * n + b;
      const known = pairs.get(pair);
      if (known === undefined) {
        pairs.set(pair, best.length);
        from.push(a);
        to.push(b);
        best.push(key);
        strengths.push(rank);
      } else if (rank > strengths[known]!) [best[known], strengths[known]] = [key, rank];
    },
    [0.2, 0.9],
  );
  const back = direction(n, to, from, strengths, backFirst, backLast);
  yield 0.95;
  return {
    ids,
    index,
    date,
    ranks: sorted.length,
    labelRank,
    best,
    back,
    forward: direction(n, from, to, strengths, forwardFirst, forwardLast),
    scratch: scratch(n, sorted.length),
  };
}

/** Compressed sparse rows from edge lists, each row in the edges' order. */
function direction(
  n: number,
  from: number[],
  to: number[],
  strengths: number[],
  first: Int32Array,
  last: Int32Array,
): Direction {
  const offsets = new Int32Array(n + 1);
  for (const a of from) offsets[a + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const m = from.length;
  const [nodes, edges, firstOf, lastOf] = [
    new Int32Array(m),
    new Int32Array(m),
    new Int32Array(m),
    new Int32Array(m),
  ];
  const strengthOf = new Uint8Array(m);
  from.forEach((a, k) => {
    const at = fill[a]!++;
    const b = to[k]!;
    nodes[at] = b;
    edges[at] = k;
    strengthOf[at] = strengths[k]!;
    firstOf[at] = first[b]!;
    lastOf[at] = last[b]!;
  });
  return { offsets, nodes, edges, strengths: strengthOf, first: firstOf, last: lastOf, own: last };
}

/**
 * A walk's working space, one slot a node, kept with the index and reused by every walk and sort:
 * a question on a large graph allocates nothing in proportion to it, so it starts no collection
 * of the large heap around it.
 */
interface Scratch {
  /**
   * Each node's state, one byte (see levelMark), so that the test a walk makes for most edges reads
   * memory that stays in cache: most edges of a large history lead to settled nodes.
   */
  state: Uint8Array;
  /**
   * What a walk knows of each node it reached, in one record of RECORD slots (DEPTH, BOUND, VIA,
   * QUEUED), so that reaching a node writes to one place in memory, not five. Read only where the
   * state says the node was reached: a walk does not clear them.
   */
  record: Int32Array;
  level: Int32Array;
  next: Int32Array;
  reached: Int32Array;
  undated: Int32Array;
  sorted: Int32Array;
  /** Bucket starts for counting sorts by date rank. */
  starts: Int32Array;
}

/**
 * A node's record: steps from the origin; the bound on what may come before it; the influence edge
 * that put it there (an index into `best`) times STRENGTHS, plus that edge's strength; and the depth
 * of the level it was last queued again for (each level walks a node once).
 */
const [RECORD, DEPTH, BOUND, VIA, QUEUED, STRENGTHS] = [4, 0, 1, 2, 3, 16];

/**
 * A node's state byte: 0 until reached; then the mark of the level that reached it (levelMark)
 * while no other way in can loosen its bound (it has its own end as bound), else LOOSE. A node
 * whose mark is not the current level's is settled: an edge to it is passed over at once. Marks
 * repeat every MARKS levels, and a node that comes back round is only examined in full again.
 */
const [MARKS, LOOSE, ORIGIN] = [250, 255, 254];
const levelMark = (depth: number): number => 1 + (depth % MARKS);

const scratch = (n: number, ranks: number): Scratch => ({
  state: new Uint8Array(n),
  record: new Int32Array(RECORD * n),
  level: new Int32Array(n),
  next: new Int32Array(n),
  reached: new Int32Array(n),
  undated: new Int32Array(n),
  sorted: new Int32Array(n),
  starts: new Int32Array(ranks + 2),
});

/**
 * A walk's result: the nodes reached, each with its depth and the influence edge that put it
 * there. Views of the index's working space: read them before the next walk on the same graph.
 */
export interface Walk {
  /** Dated nodes reached, nearest first (breadth-first order). */
  reached: Int32Array;
  /** Undated nodes reached: listed apart, never walked through. */
  undated: Int32Array;
  /** A reached node's steps from the origin. */
  depth(node: number): number;
  /** A reached node's influence edge (an index into `best`): the strongest from a node one step nearer. */
  via(node: number): number;
}

/**
 * Everything that led to `origin` ("back") or followed from it ("forward"), breadth first. The
 * origin's own undated state does not stop it: the history of an undated text is still its
 * neighbours'. A hand-written breadth-first walk rather than graphology-traversal's: it keeps, for
 * each node, the strongest edge from the level before, which that one does not report.
 */
export function walkHistory(ix: HistoryIndex, origin: number, way: "back" | "forward"): Walk {
  const { offsets, nodes, edges, strengths, first, last, own } = ix[way];
  const { state, record, reached, undated } = ix.scratch;
  let { level, next } = ix.scratch;
  state.fill(0);
  state[origin] = ORIGIN; // the origin is not its own history
  // The time each node walked through bounds what comes next: going back, nothing may start after
  // the earliest end on the way (going forward, in mirrored time, the same). Dates of any
  // precision are intervals ("2018" is all of 2018), so "2018-11-20" → "2018" → "2018-03-01" is
  // refused: the bound set by 2018-03-01 still holds past the year-only text.
  record[RECORD * origin + BOUND] = own[origin]!;
  let [count, undatedCount] = [0, 0];
  level[0] = origin;
  let size = 1;
  for (let depth = 1; size; depth++) {
    let nextSize = 0;
    const current = levelMark(depth);
    for (let i = 0; i < size; i++) {
      const from = level[i]!;
      const limit = record[RECORD * from + BOUND]!;
      for (let k = offsets[from]!, stop = offsets[from + 1]!; k < stop; k++) {
        const id = nodes[k]!;
        const seen = state[id]!;
        // Reached on an earlier level with a bound nothing can loosen: most edges end here.
        if (seen && seen !== current && seen !== LOOSE) continue;
        // A node must start no later than the bound.
        if (first[k]! > limit) continue;
        const end = last[k]!;
        const reachedBound = end < limit ? end : limit;
        const at = RECORD * id;
        if (!seen) {
          record[at + DEPTH] = depth;
          record[at + BOUND] = reachedBound;
          record[at + VIA] = edges[k]! * STRENGTHS + strengths[k]!;
          record[at + QUEUED] = depth;
          if (first[k] === UNDATED) {
            state[id] = current; // never walked through: its bound does not matter
            undated[undatedCount++] = id;
            continue;
          }
          // Its own end (the neighbour's last day) is the loosest bound it can have.
          state[id] = reachedBound === end ? current : LOOSE;
          reached[count++] = id;
          next[nextSize++] = id;
          continue;
        }
        // Another way in from the same level: keep the strongest edge.
        if (record[at + DEPTH] === depth && strengths[k]! > record[at + VIA]! % STRENGTHS)
          record[at + VIA] = edges[k]! * STRENGTHS + strengths[k]!;
        // A looser bound than the one it was reached with: walk on from it again (once a level).
        if (reachedBound > record[at + BOUND]! && first[k] !== UNDATED) {
          record[at + BOUND] = reachedBound;
          if (reachedBound === end) state[id] = current;
          if (record[at + QUEUED] !== depth) {
            record[at + QUEUED] = depth;
            next[nextSize++] = id;
          }
        }
      }
    }
    [level, next, size] = [next, level, nextSize];
  }
  return {
    reached: reached.subarray(0, count),
    undated: undated.subarray(0, undatedCount),
    depth: (node) => record[RECORD * node + DEPTH]!,
    via: (node) => Math.floor(record[RECORD * node + VIA]! / STRENGTHS),
  };
}

/**
 * The dated nodes of a walk in the order answers list them (by date, nearest first on the same
 * date, then by label), as steps of STEP slots each: node, depth and influence edge (an index into
 * `best`). The steps are the caller's: the next walk does not touch them. The walk lists nodes
 * nearest first already, so a long answer is sorted stably by date by counting, in time linear in
 * its length; then each run of nodes of the same date and depth is put in label order, and copied
 * out while its records are at hand.
 */
export function historySteps(ix: HistoryIndex, walk: Walk): Int32Array {
  const { reached, depth, via } = walk;
  const { date, labelRank } = ix;
  const { sorted, starts } = ix.scratch;
  const count = reached.length;
  const order = sorted.subarray(0, count);
  const steps = new Int32Array(STEP * count);
  const copy = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const id = order[k]!;
      steps[STEP * k] = id;
      steps[STEP * k + 1] = depth(id);
      steps[STEP * k + 2] = via(id);
    }
  };
  const byLabel = (a: number, b: number) => labelRank[a]! - labelRank[b]!;
  if (count * 16 < ix.ids.length) {
    order.set(reached);
    order.sort((a, b) => date[a]! - date[b]! || depth(a) - depth(b) || byLabel(a, b));
    copy(0, count);
    return steps;
  }
  countingSort(reached, sorted, count, date, ix.ranks, starts);
  for (let i = 0; i < count;) {
    const [day, far] = [date[order[i]!]!, depth(order[i]!)];
    let j = i + 1;
    while (j < count && date[order[j]!] === day && depth(order[j]!) === far) j++;
    if (j - i > 16) order.subarray(i, j).sort(byLabel);
    else
      for (let k = i + 1; k < j; k++) {
        const id = order[k]!;
        let at = k;
        for (; at > i && labelRank[order[at - 1]!]! > labelRank[id]!; at--) order[at] = order[at - 1]!;
        order[at] = id;
      }
    copy(i, j);
    i = j;
  }
  return steps;
}

/** Slots a step of a history takes (historySteps): node, depth, influence edge. */
export const STEP = 3;

/** The first `count` of `ids`, sorted stably by `key[id]` (a number below `buckets`), into `out`. */
function countingSort(
  ids: Int32Array,
  out: Int32Array,
  count: number,
  key: Int32Array,
  buckets: number,
  starts: Int32Array,
): void {
  starts.fill(0, 0, buckets + 1);
  for (let i = 0; i < count; i++) starts[key[ids[i]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    out[starts[key[id]!]!++] = id;
  }
}

/**
 * The last (end) or first (start) day a date of any precision may mean, as a string that compares
 * in time order: "2018" ends "2018-99-99" and starts "2018"; "2018-03-26" is both.
 */
function edgeOf(date: string, end: boolean): string {
  return end ? date + "-99-99".slice(date.length - 4) : date;
}
